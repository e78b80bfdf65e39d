import { beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase, testDialect } from "../helpers/db";
import { createApiToken, revokeApiToken } from "@/lib/auth/api-tokens";
import { auth } from "@/lib/auth/auth";
import { currentUser } from "@/lib/auth/current-user";
import { createUser, setUserRole } from "@/lib/auth/users";
import { db } from "@/lib/db/client";
import { GET as me } from "@/app/api/me/route";
import { POST as createToken } from "@/app/api/tokens/route";
import { PATCH as patchUser } from "@/app/api/users/[id]/route";

useTestDatabase();

const ORIGIN = "http://localhost:3000";
const params = (p: Record<string, string> = {}) => ({ params: Promise.resolve(p) });

async function signUp(email: string) {
  const res = await auth().handler(
    new Request(`${ORIGIN}/api/auth/sign-up/email`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: ORIGIN },
      body: JSON.stringify({ email, password: "correct horse battery", name: email }),
    }),
  );
  expect(res.status).toBe(200);
  const cookie = res.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
  return { cookie };
}

describe(`accounts (${testDialect})`, () => {
  let adminCookie = "";
  beforeAll(async () => {
    process.env.SYLLABUS_URL = ORIGIN;
    adminCookie = (await signUp("first@example.com")).cookie;
  });

  it("makes the first account admin and later ones annotators", async () => {
    await signUp("second@example.com");
    const users = await db().user.findMany({ orderBy: { createdAt: "asc" } });
    expect(users.map((u) => [u.email, u.role])).toEqual([
      ["first@example.com", "admin"],
      ["second@example.com", "annotator"],
    ]);
  });

  it("never lets a sign-up choose its own role", async () => {
    const res = await auth().handler(
      new Request(`${ORIGIN}/api/auth/sign-up/email`, {
        method: "POST",
        headers: { "content-type": "application/json", origin: ORIGIN },
        body: JSON.stringify({ email: "sneaky@example.com", password: "correct horse battery", name: "x", role: "admin" }),
      }),
    );
    const user = await db().user.findUnique({ where: { email: "sneaky@example.com" } });
    expect(res.status === 400 || user?.role === "annotator").toBe(true);
  });

  it("authenticates by session cookie and by API token, and a revoked token stops working", async () => {
    const viaCookie = await me(new Request(`${ORIGIN}/api/me`, { headers: { cookie: adminCookie } }), params());
    expect((await viaCookie.json()).user.email).toBe("first@example.com");

    const user = await createUser({ email: "script@example.com", password: "password123", role: "viewer" });
    const token = await createApiToken(user.id, "ci");
    const viaToken = await me(new Request(`${ORIGIN}/api/me`, { headers: { authorization: `Bearer ${token.token}` } }), params());
    expect((await viaToken.json()).user).toMatchObject({ email: "script@example.com", role: "viewer", via: "token" });

    await revokeApiToken(user.id, token.id);
    expect(await currentUser(new Headers({ authorization: `Bearer ${token.token}` }))).toBeNull();
    const rejected = await me(new Request(`${ORIGIN}/api/me`, { headers: { authorization: `Bearer ${token.token}` } }), params());
    expect(rejected.status).toBe(401);
  });

  it("rejects cross-site state-changing requests made with a session cookie", async () => {
    const crossSite = await createToken(
      new Request(`${ORIGIN}/api/tokens`, {
        method: "POST",
        headers: { cookie: adminCookie, origin: "https://evil.example", "content-type": "application/json", host: "localhost:3000" },
        body: JSON.stringify({ name: "x" }),
      }),
      params(),
    );
    expect(crossSite.status).toBe(403);
    const fetchMeta = await createToken(
      new Request(`${ORIGIN}/api/tokens`, {
        method: "POST",
        headers: { cookie: adminCookie, "sec-fetch-site": "cross-site", "content-type": "application/json" },
        body: JSON.stringify({ name: "x" }),
      }),
      params(),
    );
    expect(fetchMeta.status).toBe(403);
    const sameOrigin = await createToken(
      new Request(`${ORIGIN}/api/tokens`, {
        method: "POST",
        headers: { cookie: adminCookie, origin: ORIGIN, host: "localhost:3000", "sec-fetch-site": "same-origin", "content-type": "application/json" },
        body: JSON.stringify({ name: "laptop" }),
      }),
      params(),
    );
    expect(sameOrigin.status).toBe(200);
    expect((await sameOrigin.json()).token).toMatch(/^syl_/);
  });

  it("enforces roles: only admins change roles, and the last admin cannot be demoted", async () => {
    const annotator = await db().user.findUniqueOrThrow({ where: { email: "second@example.com" } });
    const token = await createApiToken(annotator.id, "t");
    const denied = await patchUser(
      new Request(`${ORIGIN}/api/users/${annotator.id}`, { method: "PATCH", headers: { authorization: `Bearer ${token.token}`, "content-type": "application/json" }, body: JSON.stringify({ role: "admin" }) }),
      params({ id: annotator.id }),
    );
    expect(denied.status).toBe(403);
    const admin = await db().user.findUniqueOrThrow({ where: { email: "first@example.com" } });
    await expect(setUserRole(admin.id, "viewer")).rejects.toThrow(/last admin/);
  });
});
