"use client";

import Link from "next/link";
import { useState } from "react";
import type { FlipDirection, ModelView } from "@/lib/classifier/types";
import { ScoreBadge } from "../snippets/score-badge";
import { Alert } from "../ui/alert";
import { Button } from "../ui/button";
import { Select } from "../ui/field";
import { count, percent } from "./format";
import { FLIPPED_PAGE_SIZE, useFlipped } from "./use-flipped";
import { useModelComparison } from "./use-model-comparison";

const DIRECTIONS: { key: FlipDirection; label: string }[] = [
  { key: "lowToHigh", label: "low → high" },
  { key: "highToLow", label: "high → low" },
];

/**
 * "What flipped": this model against another version over the snippets both scored — counts by direction
 * (each model judged at its own cut) and a paged list of the snippets that changed class.
 */
export function FlipSection({ model, models }: { model: ModelView; models: ModelView[] }) {
  const others = models.filter((m) => m.id !== model.id && m.status === "ready");
  // Default: the newest ready version older than this one, else the newest other.
  const [otherId, setOtherId] = useState<number | null>(others.find((m) => m.version < model.version)?.id ?? others[0]?.id ?? null);
  const [direction, setDirection] = useState<FlipDirection>("lowToHigh");
  // Keyset pages: the `after` of each page visited, to go back.
  const [afters, setAfters] = useState<number[]>([0]);
  const comparison = useModelComparison(otherId, model.id);
  const page = useFlipped(otherId, model.id, direction, afters.at(-1)!);
  const other = others.find((m) => m.id === otherId);

  if (model.status !== "ready") return <p className="text-sm text-slate-500">Available once this model is trained.</p>;
  if (others.length === 0) return <p className="text-sm text-slate-500" data-testid="flip-empty">No other trained version to compare with yet.</p>;

  const c = comparison.data;
  const choose = (d: FlipDirection) => {
    setDirection(d);
    setAfters([0]);
  };
  return (
    <div className="space-y-3">
      <label className="flex items-center gap-2 text-sm text-slate-700">
        Compare with
        <Select className="w-56" value={otherId ?? ""} onChange={(e) => { setOtherId(Number(e.target.value)); setAfters([0]); }} data-testid="flip-other">
          {others.map((m) => (
            <option key={m.id} value={m.id}>v{m.version}{m.active ? " (active)" : ""} — {m.datasetName ?? "deleted dataset"}</option>
          ))}
        </Select>
        <span className="text-xs text-slate-500">from v{other?.version} to v{model.version}; each model at its own cut</span>
      </label>
      {comparison.error && <Alert tone="error">{comparison.error.message}</Alert>}
      <div className="grid grid-cols-2 gap-2 md:grid-cols-5" data-testid="flip-counts">
        <Count label="scored by both" value={c?.total} />
        <Count label="both high" value={c?.bothHigh} />
        <Count label="both low" value={c?.bothLow} />
        {DIRECTIONS.map((d) => (
          <button key={d.key} type="button" onClick={() => choose(d.key)} aria-pressed={direction === d.key} data-testid={`flip-${d.key}`}
            className={`rounded-md p-2 text-left ring-1 ${direction === d.key ? "bg-indigo-50 ring-indigo-400" : "bg-white ring-slate-200 hover:bg-slate-50"}`}>
            <div className="text-lg font-semibold tabular-nums text-slate-900">{count(c?.[d.key])}</div>
            <div className="text-xs text-slate-500">{d.label}</div>
          </button>
        ))}
      </div>
      {c && c.total === 0 && <p className="text-sm text-slate-500">No snippet was scored by both versions: run a re-score with each first.</p>}
      {page.error ? (
        <Alert tone="error">{page.error.message}</Alert>
      ) : !page.data ? (
        <div className="h-24 animate-pulse rounded bg-slate-100" aria-busy="true" aria-label="Loading flipped snippets" />
      ) : page.data.items.length === 0 ? (
        <p className="text-sm text-slate-500" data-testid="flipped-list">No snippet flipped {DIRECTIONS.find((d) => d.key === direction)!.label}.</p>
      ) : (
        <div className={page.isPlaceholderData ? "opacity-60" : ""}>
          <table className="w-full text-sm" data-testid="flipped-list">
            <thead className="text-left text-[11px] font-medium tracking-wide text-slate-500 uppercase">
              <tr className="border-b border-slate-200">
                <th scope="col" className="py-1.5 pr-2">Snippet</th>
                <th scope="col" className="px-2 py-1.5">Path</th>
                <th scope="col" className="px-2 py-1.5">Language</th>
                <th scope="col" className="px-2 py-1.5 text-right">P v{other?.version}</th>
                <th scope="col" className="px-2 py-1.5 text-right">P v{model.version}</th>
                <th scope="col" className="px-2 py-1.5 text-center">LLM</th>
              </tr>
            </thead>
            <tbody>
              {page.data.items.map((i) => (
                <tr key={i.snippetId} className="border-b border-slate-100">
                  <td className="py-1.5 pr-2 font-mono text-xs">
                    <Link href={`/review/${i.datasetId}?snippet=${i.snippetId}`} className="text-indigo-700 hover:underline">#{i.snippetId}</Link>
                  </td>
                  <td className="max-w-80 truncate px-2 py-1.5 font-mono text-xs text-slate-600" title={i.path ?? undefined}>{i.path ?? "—"}</td>
                  <td className="px-2 py-1.5 text-xs text-slate-600">{i.language}</td>
                  <td className="px-2 py-1.5 text-right tabular-nums">{percent(i.probFrom, 1)}</td>
                  <td className="px-2 py-1.5 text-right font-medium tabular-nums">{percent(i.probTo, 1)}</td>
                  <td className="px-2 py-1.5 text-center"><ScoreBadge score={i.llmScore} /></td>
                </tr>
              ))}
            </tbody>
          </table>
          <div className="mt-2 flex items-center justify-between text-xs text-slate-500">
            <span>Page {afters.length} · {FLIPPED_PAGE_SIZE} per page</span>
            <div className="flex gap-2">
              <Button variant="secondary" className="text-xs" disabled={afters.length === 1} onClick={() => setAfters((a) => a.slice(0, -1))}>‹ Previous</Button>
              <Button variant="secondary" className="text-xs" disabled={page.data.nextAfter === null || page.isPlaceholderData} onClick={() => setAfters((a) => [...a, page.data!.nextAfter!])} data-testid="flipped-next">Next ›</Button>
            </div>
          </div>
        </div>
      )}
    </div>
  );
}

function Count({ label, value }: { label: string; value: number | undefined }) {
  return (
    <div className="rounded-md bg-slate-50 p-2 ring-1 ring-slate-200">
      <div className="text-lg font-semibold tabular-nums text-slate-900">{count(value)}</div>
      <div className="text-xs text-slate-500">{label}</div>
    </div>
  );
}
