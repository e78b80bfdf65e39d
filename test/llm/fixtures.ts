import { createApiToken } from "@/lib/auth/api-tokens";
import { createUser } from "@/lib/auth/users";

export type Users = { admin: { id: string; token: string }; annotator: { id: string; token: string }; viewer: { id: string; token: string } };

/** An admin, an annotator and a viewer, each with an API token. */
export async function seedUsers(tag: string): Promise<Users> {
  const make = async (role: "admin" | "annotator" | "viewer") => {
    const user = await createUser({ email: `${role}@${tag}.test`, password: "password123", role });
    return { id: user.id, token: (await createApiToken(user.id, "t")).token };
  };
  return { admin: await make("admin"), annotator: await make("annotator"), viewer: await make("viewer") };
}

export const BASE = "http://localhost:3000";

export function call(token: string | null, path: string, init: { method?: string; body?: unknown } = {}): [Request, { params: Promise<Record<string, string>> }] {
  const headers: Record<string, string> = {};
  if (token) headers.authorization = `Bearer ${token}`;
  if (init.body !== undefined) headers["content-type"] = "application/json";
  const req = new Request(`${BASE}${path}`, { method: init.method ?? (init.body === undefined ? "GET" : "POST"), headers, body: init.body === undefined ? undefined : JSON.stringify(init.body) });
  return [req, { params: Promise.resolve({}) }];
}

export const withParams = (args: ReturnType<typeof call>, params: Record<string, string>): ReturnType<typeof call> => [args[0], { params: Promise.resolve(params) }];
