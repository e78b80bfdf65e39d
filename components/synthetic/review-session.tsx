"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useCallback, useEffect, useRef, useState } from "react";
import { Kbd } from "@/components/review/cheatsheet";
import type { ReviewItem, ReviewProgress, ReviewScope } from "@/lib/synthetic/review/types";
import { SyntheticCheatsheet } from "./cheatsheet";
import { ItemWorkspace } from "./item-workspace";
import { ReviewProgressBar } from "./review-progress-bar";
import { syntheticApi, syntheticKeys } from "./synthetic-api";
import { useExecutions } from "./use-executions";
import { useSyntheticKeys } from "./use-synthetic-keys";

const BUFFER = 5;
const REFILL_AT = 2;

type Session = { history: number[]; pos: number; buffer: number[]; exhausted: boolean; loading: boolean; error: string | null };

/**
 * The review queue: the server serves the caller's undecided items (pending first, stable order); the next
 * ones are prefetched so moving on is instant. j/k walk through this session's items; a decision moves on.
 */
export function SyntheticReviewSession({ scope, opened }: { scope: ReviewScope; opened: ReviewItem | null }) {
  const qc = useQueryClient();
  const [items, setItems] = useState<ReadonlyMap<number, ReviewItem>>(() => new Map(opened ? [[opened.snippetId, opened]] : []));
  const [s, setS] = useState<Session>({ history: opened ? [opened.snippetId] : [], pos: 0, buffer: [], exhausted: false, loading: false, error: null });
  const [help, setHelp] = useState(false);
  const [flash, setFlash] = useState<string | null>(null);
  const progressKey = syntheticKeys.progress(scope);
  const progress = useQuery({ queryKey: progressKey, queryFn: () => syntheticApi.progress(scope), staleTime: 30_000 });
  const putItem = useCallback((item: ReviewItem) => setItems((m) => new Map(m).set(item.snippetId, item)), []);
  const executions = useExecutions(putItem);
  const inflight = useRef(false);
  // The latest session for async code (the ids to exclude when refilling).
  const sessionRef = useRef(s);
  useEffect(() => {
    sessionRef.current = s;
  }, [s]);

  const refill = useCallback(async () => {
    if (inflight.current) return;
    inflight.current = true;
    setS((x) => ({ ...x, loading: true, error: null }));
    try {
      const r = await syntheticApi.next(scope, [...sessionRef.current.history, ...sessionRef.current.buffer], BUFFER);
      setItems((m) => {
        const n = new Map(m);
        for (const i of r.items) n.set(i.snippetId, i);
        return n;
      });
      qc.setQueryData(progressKey, r.progress);
      setS((x) => {
        const seen = new Set([...x.history, ...x.buffer]);
        const fresh = r.items.map((i) => i.snippetId).filter((id) => !seen.has(id));
        let { history, buffer } = x;
        buffer = [...buffer, ...fresh];
        // Waiting past the end: show the first new one.
        if (x.pos === history.length && buffer.length) {
          history = [...history, buffer[0]];
          buffer = buffer.slice(1);
        }
        return { ...x, history, buffer, loading: false, exhausted: r.exhausted || fresh.length === 0 };
      });
    } catch (e) {
      setS((x) => ({ ...x, loading: false, error: (e as Error).message }));
    } finally {
      inflight.current = false;
    }
    // scope is fixed for a session (the page remounts it on a new scope)
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const needsMore = !s.exhausted && !s.loading && !s.error && s.buffer.length < REFILL_AT;
  useEffect(() => {
    if (needsMore) void refill();
  }, [needsMore, refill]);

  const currentId = s.pos < s.history.length ? s.history[s.pos] : null;
  const current = currentId !== null ? (items.get(currentId) ?? null) : null;

  useEffect(() => {
    if (currentId === null) return;
    const url = new URL(window.location.href);
    url.searchParams.set("item", String(currentId));
    window.history.replaceState(window.history.state, "", url);
  }, [currentId]);
  useEffect(() => {
    if (!flash) return;
    const t = setTimeout(() => setFlash(null), 3000);
    return () => clearTimeout(t);
  }, [flash]);

  const next = () =>
    setS((x) => {
      if (x.pos < x.history.length - 1) return { ...x, pos: x.pos + 1 };
      if (x.pos === x.history.length) return x;
      if (x.buffer.length) return { ...x, history: [...x.history, x.buffer[0]], buffer: x.buffer.slice(1), pos: x.pos + 1 };
      return { ...x, pos: x.history.length };
    });
  const prev = () => setS((x) => (x.pos > 0 ? { ...x, pos: x.pos - 1 } : x));

  // With an item on screen its workspace owns the keys; past the end only these act.
  useSyntheticKeys(current ? {} : { prev, help: () => setHelp(!help), escape: () => setHelp(false) });

  const onDecided = (item: ReviewItem) => {
    // Show the new counts at once; the refetch brings everyone else's decisions too.
    const before = items.get(item.snippetId);
    qc.setQueryData<ReviewProgress>(progressKey, (p) => (p && before ? adjustProgress(p, before, item) : p));
    void qc.invalidateQueries({ queryKey: progressKey });
    setFlash(`#${item.snippetId} ${item.mine?.decision ?? item.review.status}`);
    next();
  };

  const position = `${Math.min(s.pos + 1, s.history.length)} / ${s.history.length + s.buffer.length}${s.exhausted ? "" : "+"}`;
  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
        <ReviewProgressBar progress={progress.data} />
        <div className="flex items-center gap-1 text-xs text-slate-500">
          <button className="rounded px-1.5 py-1 hover:bg-slate-100 disabled:opacity-40" onClick={prev} disabled={s.pos === 0} aria-label="Previous item (k)" data-testid="prev-button">← k</button>
          <span className="tabular-nums" data-testid="queue-pos">{position}</span>
          <button className="rounded px-1.5 py-1 hover:bg-slate-100 disabled:opacity-40" onClick={next} disabled={currentId === null} aria-label="Next item (j)" data-testid="next-button">j →</button>
        </div>
        <button className="rounded-md px-2 py-1 text-xs text-slate-600 ring-1 ring-slate-300 hover:bg-slate-50" onClick={() => setHelp(true)} aria-label="Keyboard shortcuts" data-testid="help-button">
          <Kbd>?</Kbd> Keys
        </button>
      </div>
      {s.error && (
        <p className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800 ring-1 ring-red-200" role="alert">
          Could not load more items: {s.error}{" "}
          <button className="underline" onClick={() => setS((x) => ({ ...x, error: null }))}>Retry</button>
        </p>
      )}
      {current ? (
        <ItemWorkspace
          key={current.snippetId}
          item={current}
          onItem={putItem}
          onDecided={onDecided}
          exec={executions.stateOf(current.snippetId)}
          onExecute={() => void executions.start(current.snippetId)}
          nav={{ next, prev }}
          help={help}
          setHelp={setHelp}
          flash={flash ? <p className="text-xs text-slate-500" role="status" data-testid="flash">Saved: {flash}</p> : null}
        />
      ) : s.loading || (!s.exhausted && !s.error) ? (
        <p className="rounded-lg border border-slate-200 bg-white p-6 text-sm text-slate-500" aria-busy="true">Loading items…</p>
      ) : (
        <EmptyQueue onBack={prev} canGoBack={s.pos > 0} />
      )}
      {!current && <SyntheticCheatsheet open={help} onClose={() => setHelp(false)} queue />}
    </div>
  );
}

function EmptyQueue({ onBack, canGoBack }: { onBack: () => void; canGoBack: boolean }) {
  return (
    <div className="rounded-lg border border-slate-200 bg-white p-8 text-center shadow-sm" data-testid="queue-empty">
      <p className="text-sm font-medium text-slate-800">Nothing left to review here for you.</p>
      <p className="mt-1 text-sm text-slate-500">Every item in this scope has your decision. Change the filters above, or go back to revise one.</p>
      {canGoBack && (
        <button className="mt-3 rounded-md px-3 py-1.5 text-sm text-slate-700 ring-1 ring-slate-300 hover:bg-slate-50" onClick={onBack}>
          ← Previous item
        </button>
      )}
    </div>
  );
}

function adjustProgress(p: ReviewProgress, before: ReviewItem, after: ReviewItem): ReviewProgress {
  const count = { approved: p.approved, rejected: p.rejected } as Record<string, number>;
  if (before.review.status in count) count[before.review.status]--;
  if (after.review.status in count) count[after.review.status]++;
  const firstOfMine = !before.mine && after.mine ? 1 : 0;
  return { ...p, approved: count.approved, rejected: count.rejected, reviewed: count.approved + count.rejected, mine: p.mine + firstOfMine, remainingForMe: Math.max(0, p.remainingForMe - firstOfMine) };
}
