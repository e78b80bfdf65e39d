import { hashPassword } from "better-auth/crypto";
import crypto from "node:crypto";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { ZRole, type Role } from "./roles";

export const ZCreateUser = z.object({
  email: z.email(),
  name: z.string().trim().min(1).optional(),
  password: z.string().min(8, "password must be at least 8 characters"),
  role: ZRole.default("annotator"),
});
export type TCreateUser = z.input<typeof ZCreateUser>;

/**
 * Creates an email+password account outside the sign-up flow (CLI, admin, tests), with the same password
 * hashing and tables better-auth uses, so the user can sign in normally.
 */
export async function createUser(input: TCreateUser) {
  const data = ZCreateUser.parse(input);
  const email = data.email.toLowerCase();
  if (await db().user.findUnique({ where: { email } })) throw new Error(`a user with email ${email} already exists`);
  const id = crypto.randomUUID();
  const password = await hashPassword(data.password);
  const anyAdmin = await db().user.count({ where: { role: "admin" } });
  const role: Role = anyAdmin === 0 ? "admin" : data.role;
  return db().$transaction(async (tx) => {
    const user = await tx.user.create({ data: { id, email, name: data.name ?? email.split("@")[0], role, emailVerified: false } });
    await tx.account.create({ data: { id: crypto.randomUUID(), accountId: id, providerId: "credential", userId: id, password } });
    return user;
  });
}

export async function listUsers() {
  return db().user.findMany({ orderBy: { createdAt: "asc" }, select: { id: true, email: true, name: true, role: true, createdAt: true } });
}

/** Changes a role; refuses to remove the last admin. */
export async function setUserRole(userId: string, role: Role) {
  return db().$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: userId } });
    if (!user) throw new Error("no such user");
    if (user.role === "admin" && role !== "admin" && (await tx.user.count({ where: { role: "admin" } })) <= 1) {
      throw new Error("cannot remove the last admin");
    }
    return tx.user.update({ where: { id: userId }, data: { role } });
  });
}
