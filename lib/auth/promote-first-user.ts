import { db } from "@/lib/db/client";

/**
 * The first account becomes admin. One conditional UPDATE, so of two sign-ups racing on an empty
 * database only one can match "no admin exists yet".
 */
export async function promoteFirstUser(userId: string): Promise<boolean> {
  const changed = await db().$executeRaw`
    UPDATE "user" SET role = 'admin'
    WHERE id = ${userId} AND NOT EXISTS (SELECT 1 FROM "user" u2 WHERE u2.role = 'admin' AND u2.id <> ${userId})
      AND (SELECT COUNT(*) FROM "user") = 1`;
  return changed > 0;
}
