import crypto from "node:crypto";
import { db } from "@/lib/db/client";
import type { CurrentUser, Role } from "./roles";

const PREFIX = "syl_";

function hashToken(token: string): string {
  return crypto.createHash("sha256").update(token).digest("hex");
}

/** Creates a personal API token. The secret is returned once; only its hash is stored. */
export async function createApiToken(userId: string, name: string): Promise<{ id: string; token: string; prefix: string; name: string }> {
  const token = PREFIX + crypto.randomBytes(24).toString("base64url");
  const prefix = token.slice(0, PREFIX.length + 6);
  const row = await db().apiToken.create({ data: { userId, name: name.trim() || "token", prefix, tokenHash: hashToken(token) } });
  return { id: row.id, token, prefix, name: row.name };
}

export async function listApiTokens(userId: string) {
  return db().apiToken.findMany({
    where: { userId, revokedAt: null },
    select: { id: true, name: true, prefix: true, createdAt: true, lastUsedAt: true },
    orderBy: { createdAt: "desc" },
  });
}

export async function revokeApiToken(userId: string, id: string): Promise<boolean> {
  const { count } = await db().apiToken.updateMany({ where: { id, userId, revokedAt: null }, data: { revokedAt: new Date() } });
  return count > 0;
}

export async function userFromApiToken(token: string): Promise<CurrentUser | null> {
  if (!token.startsWith(PREFIX)) return null;
  const row = await db().apiToken.findUnique({ where: { tokenHash: hashToken(token) }, include: { user: true } });
  if (!row || row.revokedAt) return null;
  // lastUsedAt is informational: update at most once a minute to keep reads cheap.
  if (!row.lastUsedAt || Date.now() - row.lastUsedAt.getTime() > 60_000) {
    await db().apiToken.update({ where: { id: row.id }, data: { lastUsedAt: new Date() } });
  }
  return { id: row.user.id, email: row.user.email, name: row.user.name, role: row.user.role as Role, via: "token" };
}
