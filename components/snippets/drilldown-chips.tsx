"use client";

import type { FilterParam, SnippetUrlState } from "./use-snippet-url-state";

type Chip = { key: string; label: string; clear: Partial<Record<FilterParam, string>> };

/**
 * The drill-down filters the table has no select for (set by links from the quality dashboards), each as a
 * chip that removes it. Removing the audit also removes its side; removing the model also drops the
 * probability range it qualifies, which would otherwise silently switch to the active model's scores.
 */
export function drilldownChips(s: SnippetUrlState): Chip[] {
  const chips: Chip[] = [];
  if (s.auditId) {
    const side = s.side === "kept" ? " · kept sample" : s.side === "rejected" ? " · rejected sample" : "";
    chips.push({ key: "audit", label: `Audit #${s.auditId}${side}`, clear: { auditId: "", side: "" } });
  }
  if (s.minHumanScore || s.maxHumanScore) {
    const lo = s.minHumanScore;
    const hi = s.maxHumanScore;
    const range = lo && hi ? (lo === hi ? `= ${lo}` : `${lo}–${hi}`) : lo ? `≥ ${lo}` : `≤ ${hi}`;
    chips.push({ key: "human", label: `Median human score ${range}`, clear: { minHumanScore: "", maxHumanScore: "" } });
  }
  if (s.modelId) chips.push({ key: "model", label: `P(high) of model #${s.modelId}`, clear: { modelId: "", minProb: "", maxProb: "" } });
  if (s.source) chips.push({ key: "source", label: `Repo ${s.source}`, clear: { source: "" } });
  return chips;
}

export function DrilldownChips({ state, onChange }: { state: SnippetUrlState; onChange: (patch: Partial<Record<FilterParam, string>>) => void }) {
  const chips = drilldownChips(state);
  if (chips.length === 0) return null;
  return (
    <ul className="mt-2.5 flex flex-wrap gap-1.5" aria-label="Drill-down filters" data-testid="drilldown-chips">
      {chips.map((c) => (
        <li key={c.key} className="flex items-center gap-1 rounded-full border border-indigo-200 bg-indigo-50 py-0.5 pl-2.5 pr-1 text-xs text-indigo-900" data-testid={`chip-${c.key}`}>
          {c.label}
          <button
            type="button"
            className="rounded-full px-1.5 text-indigo-500 hover:bg-indigo-100 hover:text-indigo-900"
            aria-label={`Remove filter: ${c.label}`}
            onClick={() => onChange(c.clear)}
          >
            ×
          </button>
        </li>
      ))}
    </ul>
  );
}
