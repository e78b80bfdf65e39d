"use client";

import { useMutation } from "@tanstack/react-query";
import { useCallback, useEffect, useEffectEvent, useRef, useState } from "react";
import { ApiError } from "@/components/api";
import type { TRecordHumanLabel } from "@/lib/labels/record-human-label";
import { reviewApi } from "./review-api";

/** A write to the server: the label to store, or the removal of a label (undo of a first label). */
export type SaveOp = { kind: "put"; snippetId: number; body: TRecordHumanLabel } | { kind: "delete"; snippetId: number };
export type SaveFailure = { op: SaveOp; error: string };

const transient = (e: unknown) => !(e instanceof ApiError) || e.status >= 500 || e.status === 408 || e.status === 429;

/**
 * Background saving for optimistic labels. Writes for one snippet run in order (a label, then its undo),
 * writes for different snippets run in parallel. Network errors and 5xx are retried with backoff; what
 * still fails stays in `failures` (shown with a Retry button) until retried, superseded by a newer write
 * for the same snippet, or explicitly discarded — never dropped silently.
 */
export function useLabelSaves(onIdle?: () => void) {
  const mutation = useMutation({
    mutationFn: async (op: SaveOp): Promise<unknown> => (op.kind === "put" ? reviewApi.putLabel(op.body) : reviewApi.deleteLabel(op.snippetId)),
    retry: (count, error) => count < 3 && transient(error),
    retryDelay: (attempt) => Math.min(400 * 2 ** attempt, 4000),
  });
  // Stable across renders (TanStack binds it once per observer).
  const mutate = mutation.mutateAsync;
  const idle = useEffectEvent(() => onIdle?.());
  const [idleTick, setIdleTick] = useState(0);
  useEffect(() => {
    if (idleTick) idle();
  }, [idleTick]);

  const chains = useRef(new Map<number, Promise<void>>());
  const latest = useRef(new Map<number, number>());
  const seq = useRef(0);
  const [pending, setPending] = useState(0);
  const [failures, setFailures] = useState<ReadonlyMap<number, SaveFailure>>(new Map());

  const clearFailure = (snippetId: number) =>
    setFailures((f) => {
      if (!f.has(snippetId)) return f;
      const next = new Map(f);
      next.delete(snippetId);
      return next;
    });

  const enqueue = useCallback((op: SaveOp) => {
    const mySeq = ++seq.current;
    latest.current.set(op.snippetId, mySeq);
    clearFailure(op.snippetId);
    setPending((p) => p + 1);
    const run = (chains.current.get(op.snippetId) ?? Promise.resolve()).then(async () => {
      try {
        await mutate(op);
        if (latest.current.get(op.snippetId) === mySeq) clearFailure(op.snippetId);
      } catch (e) {
        // A failure only matters if no newer write for this snippet has been queued since.
        if (latest.current.get(op.snippetId) === mySeq) {
          setFailures((f) => new Map(f).set(op.snippetId, { op, error: e instanceof Error ? e.message : String(e) }));
        }
      } finally {
        setPending((p) => p - 1);
      }
    });
    chains.current.set(op.snippetId, run);
    void run.then(() => {
      if (chains.current.get(op.snippetId) === run) chains.current.delete(op.snippetId);
      if (chains.current.size === 0) setIdleTick((t) => t + 1);
    });
  }, [mutate]);

  const retry = useCallback((snippetId: number) => {
    const failure = failures.get(snippetId);
    if (failure) enqueue(failure.op);
  }, [enqueue, failures]);
  const retryAll = useCallback(() => failures.forEach((f) => enqueue(f.op)), [enqueue, failures]);
  const discard = useCallback((snippetId: number) => clearFailure(snippetId), []);

  // Unsaved work must not vanish with the tab.
  const unsaved = pending + failures.size;
  useEffect(() => {
    if (!unsaved) return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [unsaved]);

  return { enqueue, retry, retryAll, discard, pending, failures };
}
