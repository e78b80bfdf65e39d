"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useEffect, useRef, useState } from "react";
import { useCan } from "@/components/user-context";
import type { LabelSource, ReviewQueue } from "@/lib/labels/queues";
import type { TRecordHumanLabel } from "@/lib/labels/record-human-label";
import type { MyLabel, NextSnippetsResult, QueueProgress, ReviewSnippet } from "@/lib/labels/types";
import { Cheatsheet, Kbd } from "./cheatsheet";
import { MAX_TIME_SPENT_MS, QUEUE_INFO, QUEUES } from "./queue-info";
import { CodePanel, CodePanelSkeleton } from "./code-panel";
import { LabelPanel, type NoteState } from "./label-panel";
import { ProgressBar } from "./progress-bar";
import { QueueTabs } from "./queue-tabs";
import { reviewApi } from "./review-api";
import { reviewKeys } from "./review-keys";
import { SaveFailures, SaveStatus } from "./save-status";
import { useLabelSaves } from "./use-label-saves";
import { useReviewKeys } from "./use-review-keys";
import { useReviewSession, type ReviewSessionInit } from "./use-review-session";

type UndoEntry = { snippetId: number; prev: MyLabel | null };

/**
 * The PUT body for a label. In an audit session every write (a label, or an undo restoring the previous
 * one) carries the auditId: the server requires it with queue "audit" and keeps it on later edits.
 */
function bodyFor(snippetId: number, l: MyLabel, auditId: number | null): TRecordHumanLabel {
  return { snippetId, status: l.status, score: l.score, agreed: l.agreed, llmScore: l.llmScore, note: l.note, timeSpentMs: l.timeSpentMs, queue: l.queue, ...(auditId !== null ? { auditId } : {}) };
}

export type ReviewSessionProps = {
  dataset: { id: number; name: string; labelsPerSnippet: number };
  queue: ReviewQueue;
  /** With queue "audit": the audit being labeled (blind, sample order); null otherwise. */
  auditId?: number | null;
  /** The URL asked for an audit that could not be opened (unknown, or of another dataset): why. */
  auditProblem?: string | null;
  init: ReviewSessionInit;
  /** The snippet opened by URL (?snippet=) was opened from a queue, not from a link elsewhere. */
  openedFromQueue: boolean;
  /** ?snippet= named a snippet that is not in this dataset. */
  openedMissing: number | null;
};

/**
 * The spot-check view: one snippet at a time, keyboard-first, optimistic saves in the background, a
 * prefetched buffer so the next snippet appears instantly, undo and history navigation.
 */
export function ReviewSession({ dataset, queue, auditId: auditIdProp = null, auditProblem = null, init, openedFromQueue, openedMissing }: ReviewSessionProps) {
  const auditId = queue === "audit" ? auditIdProp : null;
  const canLabel = useCan("annotator");
  const qc = useQueryClient();
  const progressKey = reviewKeys.progress(dataset.id, queue, auditId);
  const progress = useQuery({ queryKey: progressKey, queryFn: () => reviewApi.progress(dataset.id, queue, auditId), initialData: init.batch.progress, staleTime: 30_000 });
  const saves = useLabelSaves(() => void qc.invalidateQueries({ queryKey: progressKey }));
  const session = useReviewSession(dataset.id, queue, init, (r: NextSnippetsResult) => {
    // Server counts lag behind saves still in flight; keep the optimistic figures until they land.
    if (saves.pending === 0) qc.setQueryData(progressKey, r.progress);
  }, auditId);
  const { current, state } = session;

  const [undo, setUndo] = useState<UndoEntry[]>([]);
  const [sessionIds, setSessionIds] = useState<ReadonlySet<number>>(new Set());
  const [help, setHelp] = useState(false);
  // The note being edited belongs to one snippet: moving on closes it without an effect.
  const [editing, setEditing] = useState<{ snippetId: number; draft: string } | null>(null);
  const [drafts, setDrafts] = useState<ReadonlyMap<number, string>>(new Map());
  const [savedOnce, setSavedOnce] = useState(false);
  const [flash, setFlash] = useState<string | null>(null);

  // Time on the current snippet, from when it was displayed.
  const shownAt = useRef(0);
  const currentId = current?.id;
  useEffect(() => {
    shownAt.current = performance.now();
    if (currentId === undefined) return;
    // Keep the URL on the snippet shown, so reload and copy-link land on it.
    const url = new URL(window.location.href);
    url.searchParams.set("queue", queue);
    if (auditId !== null) url.searchParams.set("auditId", String(auditId));
    else url.searchParams.delete("auditId");
    url.searchParams.set("snippet", String(currentId));
    window.history.replaceState(window.history.state, "", url);
  }, [currentId, queue, auditId]);

  useEffect(() => {
    if (!flash) return;
    const t = setTimeout(() => setFlash(null), 2500);
    return () => clearTimeout(t);
  }, [flash]);

  const sourceOf = (s: ReviewSnippet): LabelSource => (s.id === init.opened?.id && !openedFromQueue ? "direct" : queue);

  const bumpProgress = (delta: number) =>
    qc.setQueryData<QueueProgress>(progressKey, (p) =>
      p && p.queue !== "mine" ? { ...p, done: Math.max(0, p.done + delta), remaining: Math.max(0, p.remaining - delta) } : p,
    );

  function commit(s: ReviewSnippet, next: MyLabel, advance: boolean) {
    const prev = s.myLabel;
    session.setLabel(s.id, next);
    setUndo((u) => [...u.slice(-199), { snippetId: s.id, prev }]);
    saves.enqueue({ kind: "put", snippetId: s.id, body: bodyFor(s.id, next, auditId) });
    if (!prev) {
      bumpProgress(1);
      setSessionIds((ids) => new Set(ids).add(s.id));
    }
    setSavedOnce(true);
    if (advance) session.advance();
  }

  function label(kind: { score: number; agreed: boolean } | "skip") {
    const s = current;
    if (!s || !canLabel) return;
    const timeSpentMs = Math.min(Math.round(performance.now() - shownAt.current), MAX_TIME_SPENT_MS);
    const noteText = drafts.has(s.id) ? drafts.get(s.id)! || null : (s.myLabel?.note ?? null);
    if (drafts.has(s.id)) setDrafts((d) => { const n = new Map(d); n.delete(s.id); return n; });
    const next: MyLabel =
      kind === "skip"
        ? { status: "skipped", score: null, agreed: false, llmScore: s.llmScore, note: noteText, timeSpentMs, queue: sourceOf(s), updatedAt: new Date().toISOString() }
        : { status: "labeled", score: kind.score, agreed: kind.agreed && kind.score === s.llmScore, llmScore: s.llmScore, note: noteText, timeSpentMs, queue: sourceOf(s), updatedAt: new Date().toISOString() };
    commit(s, next, true);
  }

  const handlers = {
    agree: () => {
      if (!current || !canLabel) return;
      if (current.llmScore === null) return setFlash("This snippet has no LLM score to agree with: press 0–5.");
      label({ score: current.llmScore, agreed: true });
    },
    score: (n: number) => label({ score: n, agreed: false }),
    skip: () => label("skip"),
    note: () => {
      if (!current || !canLabel) return;
      setEditing({ snippetId: current.id, draft: drafts.get(current.id) ?? current.myLabel?.note ?? "" });
    },
    undo: () => {
      const entry = undo.at(-1);
      if (!entry || !canLabel) return;
      setUndo((u) => u.slice(0, -1));
      session.setLabel(entry.snippetId, entry.prev);
      saves.enqueue(entry.prev ? { kind: "put", snippetId: entry.snippetId, body: bodyFor(entry.snippetId, entry.prev, auditId) } : { kind: "delete", snippetId: entry.snippetId });
      if (!entry.prev) {
        bumpProgress(-1);
        setSessionIds((ids) => { const n = new Set(ids); n.delete(entry.snippetId); return n; });
      }
      session.jump(entry.snippetId);
      setFlash(`Undone: #${entry.snippetId} ${entry.prev ? "restored" : "unlabeled"}`);
    },
    prev: session.back,
    next: session.advance,
    help: () => setHelp((h) => !h),
    escape: () => {
      setHelp(false);
      setEditing(null);
    },
  };
  // While the help overlay is open it is modal: only ? and Esc act.
  const noop = () => {};
  useReviewKeys(help ? { agree: noop, score: noop, skip: noop, note: noop, undo: noop, prev: noop, next: noop, help: handlers.help, escape: handlers.escape } : handlers);

  // Dropping an unsaved change: show what the server really has for that snippet again.
  const discard = (snippetId: number) => {
    saves.discard(snippetId);
    reviewApi
      .snippet(dataset.id, snippetId)
      .then((r) => session.setLabel(snippetId, r.snippet.myLabel))
      .catch(() => setFlash(`Could not reload #${snippetId}; reload the page to see its saved state.`));
    void qc.invalidateQueries({ queryKey: progressKey });
  };

  const note = editing && editing.snippetId === current?.id ? editing : null;
  const saveNote = () => {
    const s = current;
    if (!s || !note) return;
    const text = note.draft.trim();
    setEditing(null);
    if (s.myLabel) {
      if ((s.myLabel.note ?? "") !== text) commit(s, { ...s.myLabel, note: text || null, updatedAt: new Date().toISOString() }, false);
    } else {
      setDrafts((d) => new Map(d).set(s.id, text));
    }
  };

  const noteState: NoteState = { open: note !== null, draft: note?.draft ?? "", pending: current && drafts.has(current.id) ? drafts.get(current.id)! : null };
  const historyPos = current ? state.pos + 1 : state.history.length;

  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
        <div className="min-w-0">
          <Link href="/review" className="text-xs text-slate-500 hover:text-slate-900">← Spot-check</Link>
          <h1 className="truncate text-lg leading-tight font-semibold tracking-tight text-slate-900">{dataset.name}</h1>
        </div>
        {auditId !== null ? (
          <div className="flex items-center gap-2 rounded-md bg-violet-50 px-2.5 py-1 text-xs text-violet-900 ring-1 ring-violet-200" data-testid="audit-banner" data-audit-id={auditId}>
            <span className="font-medium">Audit #{auditId}</span>
            <span className="text-violet-700">· blind: classifier probability hidden</span>
            <Link href="/quality" className="text-violet-700 underline hover:text-violet-900">Quality</Link>
          </div>
        ) : (
          <QueueTabs datasetId={dataset.id} queue={queue === "audit" ? "random" : queue} />
        )}
        <ProgressBar progress={progress.data} session={sessionIds.size} />
        <div className="flex items-center gap-1 text-xs text-slate-500">
          <button className="rounded px-1.5 py-1 hover:bg-slate-100 disabled:opacity-40" onClick={session.back} disabled={state.pos === 0} aria-label="Previous snippet (←)" data-testid="prev-button">←</button>
          <span className="tabular-nums" data-testid="history-pos" title="Position in this session (snippets seen and prefetched)">{historyPos} / {state.history.length + state.buffer.length}</span>
          <button className="rounded px-1.5 py-1 hover:bg-slate-100 disabled:opacity-40" onClick={session.advance} disabled={!current} aria-label="Next snippet (→)" data-testid="next-button">→</button>
        </div>
        <SaveStatus pending={saves.pending} failed={saves.failures.size} savedOnce={savedOnce} />
        <button className="rounded-md px-2 py-1 text-xs text-slate-600 ring-1 ring-slate-300 hover:bg-slate-50" onClick={() => setHelp(true)} aria-label="Keyboard shortcuts" data-testid="help-button">
          <Kbd>?</Kbd> Keys
        </button>
      </div>

      {auditProblem !== null && (
        <Banner tone="warning">
          <span data-testid="audit-problem">{auditProblem}; showing the {QUEUE_INFO[queue].title.toLowerCase()} queue instead.</span>{" "}
          <Link href="/quality" className="underline">Back to Quality</Link>
        </Banner>
      )}
      {openedMissing !== null && <Banner tone="warning">Snippet #{openedMissing} is not in this {auditId !== null ? "audit" : "dataset"}; showing the {QUEUE_INFO[queue].title.toLowerCase()} queue instead.</Banner>}
      {state.error && current && (
        <Banner tone="error">
          Could not load more snippets: {state.error} <button className="ml-2 underline" onClick={session.checkAgain}>Retry</button>
        </Banner>
      )}
      <div className="sr-only" aria-live="polite">
        {current ? `Snippet ${current.id}, LLM score ${current.llmScore ?? "none"}${current.classifierProb !== null && auditId === null ? `, classifier ${Math.round(current.classifierProb * 100)}%` : ""}` : ""}
      </div>

      {current ? (
        <div className="grid gap-4 lg:grid-cols-3">
          <div className="min-w-0 lg:col-span-2">
            <CodePanel snippet={current} />
          </div>
          <LabelPanel
            snippet={current}
            blind={auditId !== null}
            canLabel={canLabel}
            canUndo={undo.length > 0}
            note={noteState}
            onScore={handlers.score}
            onAgree={handlers.agree}
            onSkip={handlers.skip}
            onUndo={handlers.undo}
            onNoteOpen={handlers.note}
            onNoteChange={(draft) => setEditing({ snippetId: current.id, draft })}
            onNoteSave={saveNote}
            onNoteCancel={() => setEditing(null)}
          />
        </div>
      ) : state.loading || (!state.exhausted && !state.error) ? (
        <div className="grid gap-4 lg:grid-cols-3">
          <div className="lg:col-span-2"><CodePanelSkeleton /></div>
          <div className="h-80 animate-pulse rounded-lg border border-slate-200 bg-white" />
        </div>
      ) : queue === "uncertain" && init.batch.classifier === null ? (
        <NoActiveModel datasetId={dataset.id} />
      ) : state.error ? (
        <Banner tone="error">
          Could not load snippets: {state.error} <button className="ml-2 underline" onClick={session.checkAgain}>Retry</button>
        </Banner>
      ) : auditId !== null ? (
        <AuditDone auditId={auditId} labeled={sessionIds.size} canGoBack={state.history.length > 0} onBack={session.back} onCheckAgain={session.checkAgain} />
      ) : (
        <QueueDone datasetId={dataset.id} queue={queue} labeled={sessionIds.size} canGoBack={state.history.length > 0} onBack={session.back} onCheckAgain={session.checkAgain} />
      )}

      {flash && (
        <div className="pointer-events-none fixed bottom-4 left-1/2 z-30 -translate-x-1/2 rounded-md bg-slate-900 px-3 py-1.5 text-sm text-white shadow-lg" role="status" data-testid="flash">
          {flash}
        </div>
      )}
      <Cheatsheet open={help} onClose={() => setHelp(false)} />
      <SaveFailures failures={saves.failures} onRetry={saves.retry} onRetryAll={saves.retryAll} onDiscard={discard} />
    </div>
  );
}

function Banner({ tone, children }: { tone: "info" | "warning" | "error"; children: React.ReactNode }) {
  const cls = { info: "border-sky-200 bg-sky-50 text-sky-900", warning: "border-amber-200 bg-amber-50 text-amber-900", error: "border-red-200 bg-red-50 text-red-800" }[tone];
  return <div role={tone === "error" ? "alert" : "status"} className={`rounded-md border px-3 py-1.5 text-sm ${cls}`}>{children}</div>;
}

/** The uncertain queue needs the active model's cut; without one, say so and offer the others. */
function NoActiveModel({ datasetId }: { datasetId: number }) {
  return (
    <div className="rounded-lg border border-dashed border-slate-300 bg-white px-6 py-14 text-center" data-testid="no-active-model">
      <div className="text-base font-semibold text-slate-900">No active classifier model yet</div>
      <p className="mt-1 text-sm text-slate-500">
        Uncertain first serves the snippets whose classifier probability is nearest the active model&apos;s cut. Train and activate a model on the{" "}
        <Link href="/models" className="text-indigo-600 hover:underline">Models</Link> page first. Meanwhile:
      </p>
      <div className="mt-4 flex flex-wrap justify-center gap-2">
        {QUEUES.filter((q) => q !== "uncertain").map((q) => (
          <Link key={q} href={`/review/${datasetId}?queue=${q}`} className="rounded-md bg-white px-3 py-1.5 text-sm text-slate-800 ring-1 ring-slate-300 hover:bg-slate-50">
            {QUEUE_INFO[q].title}
          </Link>
        ))}
      </div>
    </div>
  );
}

type DoneNav = { labeled: number; canGoBack: boolean; onBack(): void; onCheckAgain(): void };

/** The audit's sample has nothing more for this annotator: back to the Quality page for the estimates. */
function AuditDone({ auditId, ...nav }: { auditId: number } & DoneNav) {
  return (
    <DonePanel title={`Audit #${auditId} done — 0 snippets left for you`} intro={`Nothing more to label in this audit${sessionNote(nav.labeled)}. Its precision and recall estimates are on the Quality page.`} {...nav}>
      <Link href="/quality" className="rounded-md bg-indigo-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-indigo-700" data-testid="audit-done-quality">
        Back to Quality
      </Link>
    </DonePanel>
  );
}

function QueueDone({ datasetId, queue, ...nav }: { datasetId: number; queue: ReviewQueue } & DoneNav) {
  return (
    <DonePanel title="Queue done — 0 snippets left" intro={`${QUEUE_INFO[queue].title} has nothing more for you${sessionNote(nav.labeled)}. Switch queue:`} {...nav}>
      {QUEUES.filter((q) => q !== queue).map((q) => (
        <Link key={q} href={`/review/${datasetId}?queue=${q}`} className="rounded-md bg-white px-3 py-1.5 text-sm text-slate-800 ring-1 ring-slate-300 hover:bg-slate-50">
          {QUEUE_INFO[q].title}
        </Link>
      ))}
    </DonePanel>
  );
}

const sessionNote = (labeled: number) => (labeled ? ` (you labeled ${labeled} in this session)` : "");

/** The end of a queue: what happened, where to go next (children), and back / check again. */
function DonePanel({ title, intro, canGoBack, onBack, onCheckAgain, children }: { title: string; intro: string; children: React.ReactNode } & DoneNav) {
  return (
    <div className="rounded-lg border border-dashed border-slate-300 bg-white px-6 py-14 text-center" data-testid="queue-done">
      <div className="text-base font-semibold text-slate-900">{title}</div>
      <p className="mt-1 text-sm text-slate-500">{intro}</p>
      <div className="mt-4 flex flex-wrap justify-center gap-2">{children}</div>
      <div className="mt-4 flex justify-center gap-4 text-sm">
        {canGoBack && <button className="text-indigo-600 hover:underline" onClick={onBack}>← Back to the last snippet</button>}
        <button className="text-indigo-600 hover:underline" onClick={onCheckAgain}>Check again</button>
      </div>
    </div>
  );
}
