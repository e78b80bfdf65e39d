"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "./api";
import { Alert } from "./ui/alert";
import { Card } from "./ui/card";
import { Select } from "./ui/field";
import { useCurrentUser } from "./user-context";

type User = { id: string; email: string; name: string; role: string; createdAt: string };
const KEY = ["users"] as const;

export function UsersPanel() {
  const me = useCurrentUser();
  const qc = useQueryClient();
  const users = useQuery({ queryKey: KEY, queryFn: () => api<{ users: User[] }>("/api/users") });
  const setRole = useMutation({
    mutationFn: (v: { id: string; role: string }) => api(`/api/users/${v.id}`, { method: "PATCH", body: { role: v.role } }),
    onSettled: () => qc.invalidateQueries({ queryKey: KEY }),
  });
  return (
    <Card>
      {setRole.error && <div className="mb-3"><Alert tone="error">{setRole.error.message}</Alert></div>}
      <table className="w-full text-sm">
        <thead className="text-left text-xs text-slate-500">
          <tr><th className="py-1">Email</th><th>Name</th><th>Joined</th><th className="w-40">Role</th></tr>
        </thead>
        <tbody>
          {users.data?.users.map((u) => (
            <tr key={u.id} className="border-t border-slate-100">
              <td className="py-1.5">{u.email}{u.id === me.id && <span className="ml-1 text-xs text-slate-400">(you)</span>}</td>
              <td>{u.name}</td>
              <td>{new Date(u.createdAt).toLocaleDateString()}</td>
              <td>
                <Select aria-label={`Role of ${u.email}`} value={u.role} onChange={(e) => setRole.mutate({ id: u.id, role: e.target.value })}>
                  <option value="admin">admin</option>
                  <option value="annotator">annotator</option>
                  <option value="viewer">viewer</option>
                </Select>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </Card>
  );
}
