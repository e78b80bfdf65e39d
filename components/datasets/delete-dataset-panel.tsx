"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Alert } from "../ui/alert";
import { Button } from "../ui/button";
import { Input } from "../ui/field";
import { fmtInt } from "./format";
import { useDeleteDataset } from "./use-delete-dataset";

/** Deleting asks for the dataset's name, typed out, before the button arms. */
export function DeleteDatasetPanel({ id, name, snippetCount }: { id: number; name: string; snippetCount: number }) {
  const router = useRouter();
  const remove = useDeleteDataset(id);
  const [open, setOpen] = useState(false);
  const [typed, setTyped] = useState("");
  if (!open) {
    return (
      <div className="flex items-center justify-between gap-4">
        <p className="text-sm text-slate-600">
          Removes the dataset, its {fmtInt(snippetCount)} snippets, their LLM and human labels and its import history. This cannot be undone.
        </p>
        <Button variant="danger" className="shrink-0 whitespace-nowrap" onClick={() => setOpen(true)} data-testid="delete-dataset">Delete dataset…</Button>
      </div>
    );
  }
  return (
    <form
      className="space-y-3"
      onSubmit={(e) => {
        e.preventDefault();
        remove.mutate(typed, { onSuccess: () => router.replace("/datasets") });
      }}
    >
      <label className="block space-y-1 text-sm text-slate-700">
        <span>
          Type <strong className="font-mono">{name}</strong> to confirm deleting {fmtInt(snippetCount)} snippets and all their labels.
        </span>
        <Input autoFocus value={typed} onChange={(e) => setTyped(e.target.value)} aria-label="Dataset name to confirm" data-testid="delete-confirm-input" autoComplete="off" />
      </label>
      {remove.error && <Alert tone="error">{remove.error.message}</Alert>}
      {remove.isPending && <Alert tone="warning">Deleting… a large dataset takes a while; keep this page open.</Alert>}
      <div className="flex justify-end gap-2">
        <Button type="button" variant="secondary" onClick={() => { setOpen(false); setTyped(""); }} disabled={remove.isPending}>Cancel</Button>
        <Button type="submit" variant="danger" disabled={typed !== name || remove.isPending} data-testid="delete-confirm">
          {remove.isPending ? "Deleting…" : "Delete permanently"}
        </Button>
      </div>
    </form>
  );
}
