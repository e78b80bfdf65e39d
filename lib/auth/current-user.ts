import { auth } from "./auth";
import { userFromApiToken } from "./api-tokens";
import type { CurrentUser, Role } from "./roles";

/** The caller of a request: a personal API token (Authorization: Bearer syl_…) or a session cookie. */
export async function currentUser(headers: Headers): Promise<CurrentUser | null> {
  const bearer = headers.get("authorization")?.match(/^Bearer\s+(\S+)$/i)?.[1];
  if (bearer) return userFromApiToken(bearer);
  const session = await auth().api.getSession({ headers });
  if (!session) return null;
  const u = session.user as typeof session.user & { role?: string };
  return { id: u.id, email: u.email, name: u.name, role: (u.role ?? "viewer") as Role, via: "session" };
}
