"use client";

import Link from "next/link";
import { useEffect, useRef } from "react";
import { ProbBadge } from "../models/prob-badge";
import { MAX_NOTE_LENGTH } from "./queue-info";
import type { ReviewSnippet } from "@/lib/labels/types";
import { Kbd } from "./cheatsheet";
import { formatBytes } from "@/lib/format-bytes";
import { formatMs, SCORE_HINT, SCORE_STYLE } from "./score-style";

export type NoteState = { open: boolean; draft: string; pending: string | null };

type Props = {
  snippet: ReviewSnippet;
  /** A blind audit: no classifier card at all (not even "not scored"). */
  blind?: boolean;
  canLabel: boolean;
  canUndo: boolean;
  note: NoteState;
  onScore(n: number): void;
  onAgree(): void;
  onSkip(): void;
  onUndo(): void;
  onNoteOpen(): void;
  onNoteChange(text: string): void;
  onNoteSave(): void;
  onNoteCancel(): void;
};

/** Right-hand panel: the LLM's verdict and the classifier's, the scoring controls, other annotators, and source metadata. */
export function LabelPanel(p: Props) {
  const s = p.snippet;
  const mine = s.myLabel;
  return (
    <aside className="space-y-3 lg:sticky lg:top-4 lg:self-start" aria-label="Label">
      <LlmCard snippet={s} />
      {!p.blind && <ClassifierCard snippet={s} />}

      <section className="rounded-lg border border-slate-200 bg-white p-3 shadow-sm">
        <div className="mb-2 flex items-center justify-between">
          <h2 className="text-xs font-semibold tracking-wide text-slate-500 uppercase">Your score</h2>
          <MyLabelLine snippet={s} />
        </div>
        {!p.canLabel ? (
          <p className="rounded-md border border-sky-200 bg-sky-50 px-3 py-2 text-sm text-sky-900" data-testid="viewer-note">
            You are a viewer: viewers cannot label. Use ← / → to browse.
          </p>
        ) : (
          <>
            <div className="grid grid-cols-3 gap-1.5">
              {[0, 1, 2, 3, 4, 5].map((n) => {
                const chosen = mine?.status === "labeled" && mine.score === n;
                const isLlm = s.llmScore === n;
                const st = SCORE_STYLE[n];
                return (
                  <button
                    key={n}
                    type="button"
                    onClick={() => p.onScore(n)}
                    data-testid={`score-button-${n}`}
                    aria-pressed={chosen}
                    aria-label={`Score ${n}: ${SCORE_HINT[n]}${isLlm ? " (LLM score)" : ""}`}
                    title={`${SCORE_HINT[n]} — key ${n}`}
                    className={`relative flex h-16 flex-col items-center justify-center rounded-md ring-1 transition-colors focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600 ${chosen ? `${st.solid} ring-2` : st.soft} ${isLlm && !chosen ? "ring-2 ring-indigo-500" : ""}`}
                  >
                    <span className="text-2xl leading-none font-semibold tabular-nums">{n}</span>
                    <span className={`mt-1 line-clamp-1 px-1 text-[10px] leading-tight ${chosen ? "text-white/90" : "opacity-80"}`}>{SCORE_HINT[n]}</span>
                    {isLlm && <span className="absolute top-0.5 left-1 rounded bg-indigo-600 px-1 text-[9px] font-semibold tracking-wide text-white">LLM</span>}
                  </button>
                );
              })}
            </div>
            <div className="mt-2 grid grid-cols-3 gap-1.5">
              <ActionButton onClick={p.onAgree} disabled={s.llmScore === null} kbd="Enter" testid="agree-button" primary className="col-span-3 py-2 text-sm">
                {s.llmScore !== null ? <>Agree with the LLM: {s.llmScore}</> : "No LLM score to agree with"}
              </ActionButton>
              <ActionButton onClick={p.onSkip} kbd="S" testid="skip-button">Skip</ActionButton>
              <ActionButton onClick={p.onNoteOpen} kbd="N" testid="note-button">Note</ActionButton>
              <ActionButton onClick={p.onUndo} disabled={!p.canUndo} kbd="U" testid="undo-button">Undo</ActionButton>
            </div>
            {p.note.open ? (
              <NoteEditor draft={p.note.draft} onChange={p.onNoteChange} onSave={p.onNoteSave} onCancel={p.onNoteCancel} labeled={!!mine} />
            ) : (
              (p.note.pending ?? mine?.note) && (
                <p className="mt-2 rounded bg-slate-50 px-2 py-1.5 text-xs whitespace-pre-wrap text-slate-700" data-testid="note-text">
                  <span className="font-medium text-slate-500">{p.note.pending !== null ? "Note (saved with your label): " : "Note: "}</span>
                  {p.note.pending ?? mine?.note}
                </p>
              )
            )}
          </>
        )}
      </section>

      <OthersCard snippet={s} />
      <MetadataCard snippet={s} />
    </aside>
  );
}

function LlmCard({ snippet: s }: { snippet: ReviewSnippet }) {
  const l = s.llmLabel;
  const score = s.llmScore ?? l?.score ?? null;
  return (
    <section className="rounded-lg border border-slate-200 bg-white p-3 shadow-sm">
      <div className="flex items-start gap-3">
        <div
          className={`flex h-12 w-12 shrink-0 items-center justify-center rounded-md text-2xl font-semibold ${score === null ? "bg-slate-100 text-slate-400" : SCORE_STYLE[score].solid}`}
          data-testid="llm-score"
          aria-label={score === null ? "No LLM score" : `LLM score ${score}`}
        >
          {score ?? "–"}
        </div>
        <div className="min-w-0 flex-1">
          <div className="flex flex-wrap items-center gap-1.5">
            <h2 className="text-sm font-semibold text-slate-900">LLM score</h2>
            {l?.isExample && <span className="rounded bg-amber-100 px-1.5 py-0.5 text-[10px] font-semibold text-amber-900 uppercase" data-testid="example-badge">example label</span>}
          </div>
          <p className="truncate text-xs text-slate-500" title={l ? `${l.model} · prompt ${l.promptVersion}` : undefined}>
            {l ? <>{l.model} · prompt {l.promptVersion}</> : "No LLM label for this snippet"}
          </p>
        </div>
      </div>
      {l?.rationale && <p className="mt-2 max-h-40 overflow-auto text-sm leading-snug whitespace-pre-wrap text-slate-700" data-testid="llm-rationale">{l.rationale}</p>}
    </section>
  );
}

/** The active classifier's P(high) for this snippet, read against the model's cut. */
function ClassifierCard({ snippet: s }: { snippet: ReviewSnippet }) {
  const c = s.classifier;
  const p = s.classifierProb;
  const high = c !== null && p !== null && p >= c.cut;
  return (
    <section className="flex items-center gap-3 rounded-lg border border-slate-200 bg-white px-3 py-2 shadow-sm" data-testid="classifier-card" aria-label="Classifier probability">
      <div className="min-w-0 flex-1">
        <h2 className="text-xs font-semibold tracking-wide text-slate-500 uppercase">Classifier P(high)</h2>
        <p className="truncate text-xs text-slate-500">
          {c ? <>model <Link href="/models" className="text-indigo-700 hover:underline">v{c.version}</Link> · cut {(c.cut * 100).toFixed(1)}%{p !== null && <> · says <b className={high ? "text-indigo-700" : "text-slate-600"}>{high ? "high" : "low"}</b></>}</> : "no active model yet"}
        </p>
      </div>
      {c && p === null ? (
        <span className="text-xs text-slate-400" data-testid="classifier-prob">not scored</span>
      ) : c ? (
        <span data-testid="classifier-prob" data-prob={p!}><ProbBadge prob={p} cut={c.cut} version={c.version} className="w-16" /></span>
      ) : null}
    </section>
  );
}

function MyLabelLine({ snippet: s }: { snippet: ReviewSnippet }) {
  const m = s.myLabel;
  if (!m) return <span className="text-xs text-slate-400" data-testid="my-label">not labeled yet</span>;
  return (
    <span className="text-xs text-slate-600" data-testid="my-label" data-score={m.score ?? ""} data-status={m.status}>
      {m.status === "skipped" ? "skipped" : <>you: <b className={m.score !== null ? SCORE_STYLE[m.score].text : ""}>{m.score}</b>{m.agreed ? " (agreed)" : ""}</>}
      {m.timeSpentMs > 0 && <span className="text-slate-400"> · {formatMs(m.timeSpentMs)}</span>}
    </span>
  );
}

function ActionButton({ children, kbd, onClick, disabled, primary, testid, className = "" }: { children: React.ReactNode; kbd: string; onClick(): void; disabled?: boolean; primary?: boolean; testid: string; className?: string }) {
  return (
    <button
      type="button"
      onClick={onClick}
      disabled={disabled}
      data-testid={testid}
      className={`flex items-center justify-center gap-1.5 rounded-md px-2 py-1.5 text-xs font-medium transition-colors focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600 disabled:cursor-not-allowed disabled:opacity-40 ${primary ? "bg-indigo-600 text-white hover:bg-indigo-500" : "bg-white text-slate-700 ring-1 ring-slate-300 hover:bg-slate-50"} ${className}`}
    >
      <span className="truncate">{children}</span>
      <Kbd tone={primary ? "dark" : "light"}>{kbd}</Kbd>
    </button>
  );
}

function NoteEditor({ draft, labeled, onChange, onSave, onCancel }: { draft: string; labeled: boolean; onChange(s: string): void; onSave(): void; onCancel(): void }) {
  const ref = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    const el = ref.current;
    el?.focus();
    el?.setSelectionRange(el.value.length, el.value.length);
  }, []);
  return (
    <div className="mt-2">
      <label htmlFor="review-note" className="text-xs font-medium text-slate-600">
        Note {labeled ? "(updates your label)" : "(saved with your next label on this snippet)"}
      </label>
      <textarea
        id="review-note"
        ref={ref}
        data-testid="note-input"
        value={draft}
        maxLength={MAX_NOTE_LENGTH}
        rows={3}
        onChange={(e) => onChange(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === "Enter" && !e.shiftKey) {
            e.preventDefault();
            onSave();
          } else if (e.key === "Escape") {
            e.preventDefault();
            onCancel();
          }
        }}
        className="mt-1 block w-full resize-y rounded-md px-2 py-1.5 text-sm ring-1 ring-slate-300 focus:ring-2 focus:ring-indigo-600 focus:outline-none"
        placeholder="Why this score? (Enter saves, Shift+Enter new line, Esc cancels)"
      />
      <div className="mt-1 flex justify-end gap-1.5">
        <button type="button" onClick={onCancel} className="rounded px-2 py-1 text-xs text-slate-600 hover:bg-slate-100">Cancel <Kbd>Esc</Kbd></button>
        <button type="button" onClick={onSave} className="rounded bg-indigo-600 px-2 py-1 text-xs font-medium text-white hover:bg-indigo-500" data-testid="note-save">Save <Kbd tone="dark">Enter</Kbd></button>
      </div>
    </div>
  );
}

function OthersCard({ snippet: s }: { snippet: ReviewSnippet }) {
  const needed = s.labelsPerSnippet;
  return (
    <section className="rounded-lg border border-slate-200 bg-white p-3 text-sm shadow-sm" data-testid="others">
      <div className="flex items-center justify-between">
        <h2 className="text-xs font-semibold tracking-wide text-slate-500 uppercase">Human labels</h2>
        <span className={`text-xs font-medium tabular-nums ${s.reviewCount >= needed ? "text-emerald-700" : "text-slate-700"}`} data-testid="review-count">
          {s.reviewCount} / {needed} needed
        </span>
      </div>
      <p className="mt-1 text-xs text-slate-500">
        Other annotators: {s.others.labeled} labeled{s.others.skipped ? `, ${s.others.skipped} skipped` : ""}
        {s.others.labels === null && s.others.labeled > 0 ? " (scores hidden to keep labels independent)" : ""}
      </p>
      {s.others.labels && s.others.labels.length > 0 && (
        <ul className="mt-2 space-y-1">
          {s.others.labels.map((o, i) => (
            <li key={i} className="flex items-start gap-2 text-xs">
              {o.score !== null ? (
                <span className={`inline-flex h-5 w-5 shrink-0 items-center justify-center rounded text-[11px] font-semibold ${SCORE_STYLE[o.score].solid}`}>{o.score}</span>
              ) : (
                <span className="inline-flex h-5 shrink-0 items-center rounded bg-slate-100 px-1 text-[10px] text-slate-500">skip</span>
              )}
              <span className="text-slate-700"><span className="font-medium">{o.name}</span>{o.note ? ` — ${o.note}` : ""}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function MetadataCard({ snippet: s }: { snippet: ReviewSnippet }) {
  const rows: [string, React.ReactNode][] = [
    ["Repository", s.source],
    ["Path", s.path],
    ["License", s.license],
    ["Language", s.language],
    ["Size", `${formatBytes(s.sizeBytes)} · ${s.lineCount.toLocaleString()} lines`],
    ["External id", s.externalId],
  ];
  return (
    <section className="rounded-lg border border-slate-200 bg-white p-3 shadow-sm">
      <h2 className="mb-1.5 text-xs font-semibold tracking-wide text-slate-500 uppercase">Source</h2>
      <dl className="grid grid-cols-[5.5rem_1fr] gap-x-2 gap-y-1 text-xs" data-testid="metadata">
        {rows.map(([k, v]) => (
          <div key={k} className="contents">
            <dt className="text-slate-500">{k}</dt>
            <dd className="truncate font-mono text-slate-800" title={typeof v === "string" ? v : undefined}>{v ?? <span className="text-slate-400">—</span>}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
