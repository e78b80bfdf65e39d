"use client";

import { useEffect, useState } from "react";
import type { DatasetSummary } from "@/lib/datasets/types";
import { useDatasetLanguages } from "../datasets/use-dataset-languages";
import { Button } from "../ui/button";
import { Field, Input, Select } from "../ui/field";
import { DrilldownChips, drilldownChips } from "./drilldown-chips";
import { useDebouncedValue } from "./use-debounced-value";
import { useReviewers } from "./use-reviewers";
import type { FilterParam, SnippetUrlState } from "./use-snippet-url-state";

const fmt = new Intl.NumberFormat("en");

/** One select for the LLM score: exact, at least, at most, or unlabeled. Value encodes the URL params. */
const SCORE_OPTIONS: { value: string; label: string }[] = [
  { value: "", label: "Any score" },
  ...[5, 4, 3, 2, 1, 0].map((n) => ({ value: `eq:${n}`, label: `= ${n}` })),
  ...[5, 4, 3, 2, 1].map((n) => ({ value: `min:${n}`, label: `≥ ${n}` })),
  ...[4, 3, 2, 1, 0].map((n) => ({ value: `max:${n}`, label: `≤ ${n}` })),
  { value: "unlabeled", label: "Unlabeled" },
];

function scoreValue(s: SnippetUrlState): string {
  if (s.llmScore === "unlabeled") return "unlabeled";
  if (s.llmScore) return `eq:${s.llmScore}`;
  if (s.minScore && s.maxScore) return `range:${s.minScore}:${s.maxScore}`;
  if (s.minScore) return `min:${s.minScore}`;
  if (s.maxScore) return `max:${s.maxScore}`;
  return "";
}

function scorePatch(value: string): Partial<Record<FilterParam, string>> {
  const [kind, a, b] = value.split(":");
  if (value === "unlabeled") return { llmScore: "unlabeled", minScore: "", maxScore: "" };
  if (kind === "eq") return { llmScore: a, minScore: "", maxScore: "" };
  if (kind === "min") return { llmScore: "", minScore: a, maxScore: "" };
  if (kind === "max") return { llmScore: "", minScore: "", maxScore: a };
  if (kind === "range") return { llmScore: "", minScore: a, maxScore: b };
  return { llmScore: "", minScore: "", maxScore: "" };
}

/** One select for the classifier's P(high): at least or at most a share; "cut" options need the active model. */
const PROB_STEPS = [0.9, 0.75, 0.5, 0.25, 0.1];

function probValue(s: SnippetUrlState): string {
  if (s.minProb && s.maxProb) return `range:${s.minProb}:${s.maxProb}`;
  if (s.minProb) return `min:${s.minProb}`;
  if (s.maxProb) return `max:${s.maxProb}`;
  return "";
}

function probPatch(value: string): Partial<Record<FilterParam, string>> {
  const [kind, a, b] = value.split(":");
  if (kind === "min") return { minProb: a, maxProb: "" };
  if (kind === "max") return { minProb: "", maxProb: a };
  if (kind === "range") return { minProb: a, maxProb: b };
  return { minProb: "", maxProb: "" };
}

const pct = (v: string | number) => `${Math.round(Number(v) * 1000) / 10}%`;

function probOptions(current: string, cut: number | null): { value: string; label: string }[] {
  const options = [
    { value: "", label: "Any probability" },
    ...(cut !== null ? [{ value: `min:${cut}`, label: `≥ cut ${pct(cut)} (high)` }] : []),
    ...PROB_STEPS.map((p) => ({ value: `min:${p}`, label: `≥ ${pct(p)}` })),
    ...[...PROB_STEPS].reverse().map((p) => ({ value: `max:${p}`, label: `≤ ${pct(p)}` })),
  ];
  if (current && !options.some((o) => o.value === current)) {
    const [kind, a, b] = current.split(":");
    options.push({ value: current, label: kind === "range" ? `${pct(a)}–${pct(b)}` : `${kind === "min" ? "≥" : "≤"} ${pct(a)}` });
  }
  return options;
}

export const SORTS = [
  { value: "", label: "Oldest first (id ↑)" },
  { value: "-id", label: "Newest first (id ↓)" },
  { value: "-llmScore", label: "LLM score, high → low" },
  { value: "llmScore", label: "LLM score, low → high" },
  { value: "-prob", label: "P(high), high → low" },
  { value: "prob", label: "P(high), low → high" },
  { value: "-size", label: "Largest first" },
  { value: "size", label: "Smallest first" },
];

export function SnippetFiltersBar({ state, datasets, cut, onChange, onClear }: {
  state: SnippetUrlState;
  datasets: DatasetSummary[];
  /** The active classifier model's cut (null: no active model). */
  cut: number | null;
  onChange: (patch: Partial<Record<FilterParam, string>>) => void;
  onClear: () => void;
}) {
  const datasetId = state.dataset ? Number(state.dataset) : null;
  const languages = useDatasetLanguages(datasetId);
  const reviewers = useReviewers(state.dataset);

  // Search box: local state, pushed to the URL 350 ms after typing stops; follows the URL when it changes elsewhere.
  const [text, setText] = useState(state.q);
  const debounced = useDebouncedValue(text, 350);
  const [lastUrlQ, setLastUrlQ] = useState(state.q);
  if (state.q !== lastUrlQ) {
    setLastUrlQ(state.q);
    setText(state.q);
  }
  useEffect(() => {
    if (debounced.trim() !== state.q) onChange({ q: debounced.trim() });
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only a new debounced value should push
  }, [debounced]);

  // Without a dataset, offer the languages seen in any dataset's top list.
  const languageOptions = datasetId
    ? (languages.data ?? []).map((l) => ({ value: l.language, label: `${l.language} (${fmt.format(l.count)})` }))
    : [...new Set(datasets.flatMap((d) => d.stats.languages.map((l) => l.language)).filter((l) => l !== "other"))].sort().map((l) => ({ value: l, label: l }));
  if (state.language && !languageOptions.some((o) => o.value === state.language)) languageOptions.unshift({ value: state.language, label: state.language });
  const score = scoreValue(state);
  const scoreOptions = score.startsWith("range:") ? [...SCORE_OPTIONS, { value: score, label: `${state.minScore}–${state.maxScore}` }] : SCORE_OPTIONS;
  const reviewerOptions = reviewers.data?.reviewers ?? [];
  const prob = probValue(state);
  const active = [state.dataset, state.language, score, prob, state.reviewed, state.reviewer, state.humanScore, state.q].some(Boolean) || drilldownChips(state).length > 0;

  return (
    <div className="rounded-lg border border-slate-200 bg-white p-3 shadow-sm">
      <div className="grid grid-cols-2 gap-2.5 md:grid-cols-5 xl:grid-cols-9">
        <div className="col-span-2">
          <Field label="Search">
            <Input
              type="search"
              data-testid="search-input"
              placeholder="Text in content, path or repo…"
              value={text}
              onChange={(e) => setText(e.target.value)}
              maxLength={200}
            />
          </Field>
        </div>
        <Field label="Dataset">
          <Select data-testid="filter-dataset" value={state.dataset} onChange={(e) => onChange({ dataset: e.target.value, language: "", reviewer: "" })}>
            <option value="">All datasets</option>
            {datasets.map((d) => (
              <option key={d.id} value={d.id}>{d.name}</option>
            ))}
          </Select>
        </Field>
        <Field label="Language">
          <Select data-testid="filter-language" value={state.language} onChange={(e) => onChange({ language: e.target.value })}>
            <option value="">Any language</option>
            {languageOptions.map((o) => (
              <option key={o.value} value={o.value}>{o.label}</option>
            ))}
          </Select>
        </Field>
        <Field label="LLM score">
          <Select data-testid="filter-score" value={score} onChange={(e) => onChange(scorePatch(e.target.value))}>
            {scoreOptions.map((o) => (
              <option key={o.value} value={o.value}>{o.label}</option>
            ))}
          </Select>
        </Field>
        <Field label="Classifier P(high)">
          <Select data-testid="filter-prob" value={prob} onChange={(e) => onChange(probPatch(e.target.value))}>
            {probOptions(prob, cut).map((o) => (
              <option key={o.value} value={o.value}>{o.label}</option>
            ))}
          </Select>
        </Field>
        <Field label="Reviewed">
          <Select data-testid="filter-reviewed" value={state.reviewed} onChange={(e) => onChange({ reviewed: e.target.value })}>
            <option value="">Any</option>
            <option value="reviewed">Reviewed</option>
            <option value="unreviewed">Not reviewed</option>
          </Select>
        </Field>
        <Field label="Reviewer">
          <Select data-testid="filter-reviewer" value={state.reviewer} onChange={(e) => onChange({ reviewer: e.target.value })}>
            <option value="">Anyone</option>
            {state.reviewer && !reviewerOptions.some((r) => r.id === state.reviewer) && <option value={state.reviewer}>(selected user)</option>}
            {reviewerOptions.map((r) => (
              <option key={r.id} value={r.id}>{r.name || r.email} ({fmt.format(r.count)})</option>
            ))}
          </Select>
        </Field>
        <Field label="Human score">
          <Select data-testid="filter-human-score" value={state.humanScore} onChange={(e) => onChange({ humanScore: e.target.value })}>
            <option value="">Any</option>
            {[5, 4, 3, 2, 1, 0].map((n) => (
              <option key={n} value={n}>= {n}</option>
            ))}
          </Select>
        </Field>
      </div>
      <DrilldownChips state={state} onChange={onChange} />
      <div className="mt-2.5 flex items-center justify-between gap-3">
        <label className="flex items-center gap-2 text-xs text-slate-600">
          Sort
          <Select data-testid="sort" aria-label="Sort" value={state.sort} onChange={(e) => onChange({ sort: e.target.value })} className="w-52 py-1 text-xs">
            {SORTS.map((o) => (
              <option key={o.value} value={o.value}>{o.label}</option>
            ))}
          </Select>
        </label>
        {active && (
          <Button variant="ghost" className="text-xs" onClick={() => { setText(""); onClear(); }} data-testid="clear-filters">
            Clear filters
          </Button>
        )}
      </div>
    </div>
  );
}
