"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { api } from "./api";
import { Alert } from "./ui/alert";
import { Button } from "./ui/button";
import { Card } from "./ui/card";
import { Input } from "./ui/field";

type Token = { id: string; name: string; prefix: string; createdAt: string; lastUsedAt: string | null };
const KEY = ["tokens"] as const;

export function TokensPanel() {
  const qc = useQueryClient();
  const tokens = useQuery({ queryKey: KEY, queryFn: () => api<{ tokens: Token[] }>("/api/tokens") });
  const [created, setCreated] = useState<string | null>(null);
  const create = useMutation({
    mutationFn: (name: string) => api<{ token: string }>("/api/tokens", { body: { name } }),
    onSuccess: (r) => {
      setCreated(r.token);
      void qc.invalidateQueries({ queryKey: KEY });
    },
  });
  const revoke = useMutation({
    mutationFn: (id: string) => api(`/api/tokens/${id}`, { method: "DELETE" }),
    onSuccess: () => qc.invalidateQueries({ queryKey: KEY }),
  });
  return (
    <div className="max-w-2xl space-y-4">
      <Card title="New token">
        <form
          className="flex gap-2"
          onSubmit={(e) => {
            e.preventDefault();
            const name = new FormData(e.currentTarget).get("name");
            create.mutate(String(name));
            e.currentTarget.reset();
          }}
        >
          <Input name="name" placeholder="e.g. laptop scripts" required maxLength={80} />
          <Button type="submit" disabled={create.isPending}>Create</Button>
        </form>
        {create.error && <div className="mt-3"><Alert tone="error">{create.error.message}</Alert></div>}
        {created && (
          <div className="mt-3 space-y-1">
            <Alert tone="success">Copy it now: it will not be shown again.</Alert>
            <code data-testid="new-token" className="block break-all rounded bg-slate-900 px-3 py-2 font-mono text-sm text-emerald-300">{created}</code>
          </div>
        )}
      </Card>
      <Card title="Your tokens">
        {tokens.isLoading ? (
          <p className="text-sm text-slate-500">Loading…</p>
        ) : tokens.data?.tokens.length ? (
          <table className="w-full text-sm">
            <thead className="text-left text-xs text-slate-500">
              <tr><th className="py-1">Name</th><th>Prefix</th><th>Created</th><th>Last used</th><th /></tr>
            </thead>
            <tbody>
              {tokens.data.tokens.map((t) => (
                <tr key={t.id} className="border-t border-slate-100">
                  <td className="py-1.5">{t.name}</td>
                  <td className="font-mono text-xs">{t.prefix}…</td>
                  <td>{new Date(t.createdAt).toLocaleDateString()}</td>
                  <td>{t.lastUsedAt ? new Date(t.lastUsedAt).toLocaleString() : "never"}</td>
                  <td className="text-right"><Button variant="danger" onClick={() => revoke.mutate(t.id)}>Revoke</Button></td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <p className="text-sm text-slate-500">No tokens yet.</p>
        )}
      </Card>
    </div>
  );
}
