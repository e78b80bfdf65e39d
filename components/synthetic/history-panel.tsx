"use client";

import { useQuery } from "@tanstack/react-query";
import type { ReviewItem } from "@/lib/synthetic/review/types";
import { ItemContent } from "./item-content";
import { syntheticApi, syntheticKeys } from "./synthetic-api";

/** Every version of the item (who, when); clicking one shows it. */
export function HistoryPanel({ item, viewing, onView }: { item: ReviewItem; viewing: number | null; onView: (version: number | null) => void }) {
  const history = useQuery({ queryKey: syntheticKeys.history(item.snippetId, item.version), queryFn: () => syntheticApi.history(item.snippetId) });
  return (
    <section className="rounded-lg border border-slate-200 bg-white shadow-sm" aria-label="Version history" data-testid="history-panel">
      <header className="border-b border-slate-100 px-4 py-2">
        <h2 className="text-sm font-semibold text-slate-800">History</h2>
      </header>
      <ol className="divide-y divide-slate-100 text-xs">
        {history.isPending && <li className="px-4 py-2 text-slate-500">Loading…</li>}
        {history.error && <li className="px-4 py-2 text-red-700">{history.error.message}</li>}
        {history.data?.versions.map((v) => (
          <li key={v.version}>
            <button
              className={`flex w-full items-baseline gap-2 px-4 py-1.5 text-left hover:bg-slate-50 ${viewing === v.version ? "bg-indigo-50" : ""}`}
              onClick={() => onView(v.current ? null : v.version)}
              data-testid={`history-v${v.version}`}
              aria-label={`View version ${v.version}`}
            >
              <span className="font-mono font-medium text-slate-800">v{v.version}</span>
              <span className="truncate text-slate-600">{v.editedBy ? v.editedBy.name : v.version === 1 ? "original" : "—"}</span>
              <span className="ml-auto shrink-0 text-slate-400">{new Date(v.createdAt).toLocaleString()}</span>
              {v.current && <span className="shrink-0 rounded bg-slate-100 px-1 text-slate-600">current</span>}
            </button>
          </li>
        ))}
      </ol>
    </section>
  );
}

/** A past version, shown in place of the current content. */
export function VersionView({ snippetId, version, onClose }: { snippetId: number; version: number; onClose: () => void }) {
  const q = useQuery({ queryKey: syntheticKeys.version(snippetId, version), queryFn: () => syntheticApi.version(snippetId, version) });
  return (
    <div className="space-y-2" data-testid="version-view" data-version={version}>
      <div className="flex items-center gap-2 rounded-md bg-indigo-50 px-3 py-1.5 text-sm text-indigo-900 ring-1 ring-indigo-200">
        <span>
          Viewing <b>v{version}</b>
          {q.data ? ` — ${q.data.version.editedBy?.name ?? "original"}, ${new Date(q.data.version.createdAt).toLocaleString()}` : ""}
        </span>
        <button className="ml-auto text-xs underline" onClick={onClose} data-testid="version-close">
          Back to current (Esc)
        </button>
      </div>
      {q.isPending && <p className="text-sm text-slate-500">Loading v{version}…</p>}
      {q.error && <p className="text-sm text-red-700">{q.error.message}</p>}
      {q.data && <ItemContent item={q.data.version} />}
    </div>
  );
}
