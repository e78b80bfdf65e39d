import { z } from "zod";

export const ROLES = ["viewer", "annotator", "admin"] as const;
export const ZRole = z.enum(ROLES);
export type Role = z.infer<typeof ZRole>;

const RANK: Record<Role, number> = { viewer: 0, annotator: 1, admin: 2 };

/** viewer < annotator < admin: annotators label, admins also manage users and datasets. */
export function hasRole(actual: string, needed: Role): boolean {
  const rank = RANK[actual as Role];
  return rank !== undefined && rank >= RANK[needed];
}

export type CurrentUser = { id: string; email: string; name: string; role: Role; via: "session" | "token" };
