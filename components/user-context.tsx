"use client";

import { createContext, useContext } from "react";
import type { CurrentUser, Role } from "@/lib/auth/roles";

const RANK: Record<Role, number> = { viewer: 0, annotator: 1, admin: 2 };

const UserContext = createContext<CurrentUser | null>(null);

export function UserProvider({ user, children }: { user: CurrentUser; children: React.ReactNode }) {
  return <UserContext.Provider value={user}>{children}</UserContext.Provider>;
}

export function useCurrentUser(): CurrentUser {
  const user = useContext(UserContext);
  if (!user) throw new Error("useCurrentUser outside UserProvider");
  return user;
}

/** UI reflection of the roles the API enforces. */
export function useCan(role: Role): boolean {
  return RANK[useCurrentUser().role] >= RANK[role];
}
