"use client";

import { useCallback, useEffect, useEffectEvent, useReducer, useRef } from "react";
import type { ReviewQueue } from "@/lib/labels/queues";
import type { MyLabel, NextSnippetsResult, ReviewSnippet } from "@/lib/labels/types";
import { reviewApi } from "./review-api";

/** Buffer target and refill threshold: the next snippet is always already in memory, highlighted. */
const BUFFER = 5;
const REFILL_AT = 2;
const MAX_EXCLUDE = 400;

type State = {
  /** Snippets shown in this session, in order; ←/→ move through it. */
  history: ReviewSnippet[];
  /** Index of the current snippet in history; history.length means "past the end" (waiting or done). */
  pos: number;
  /** Prefetched snippets not shown yet. */
  buffer: ReviewSnippet[];
  exhausted: boolean;
  loading: boolean;
  error: string | null;
  cursor: string | null;
};

type Action =
  | { type: "refill-start" }
  | { type: "refill-done"; result: NextSnippetsResult; requested: number }
  | { type: "refill-error"; error: string }
  | { type: "advance" }
  | { type: "back" }
  | { type: "jump"; snippetId: number }
  | { type: "set-label"; snippetId: number; myLabel: MyLabel | null }
  | { type: "check-again" };

function reviewCountAfter(s: ReviewSnippet, next: MyLabel | null): number {
  const was = s.myLabel?.status === "labeled" ? 1 : 0;
  const now = next?.status === "labeled" ? 1 : 0;
  return Math.max(0, s.reviewCount - was + now);
}

function reducer(state: State, action: Action): State {
  switch (action.type) {
    case "refill-start":
      return { ...state, loading: true, error: null };
    case "refill-error":
      return { ...state, loading: false, error: action.error };
    case "refill-done": {
      const known = new Set([...state.history, ...state.buffer].map((s) => s.id));
      const fresh = action.result.snippets.filter((s) => !known.has(s.id));
      const { pos } = state;
      let { history } = state;
      let buffer = [...state.buffer, ...fresh];
      // Waiting past the end: show the first new one right away.
      if (pos === history.length && buffer.length) {
        history = [...history, buffer[0]];
        buffer = buffer.slice(1);
      }
      // Fewer than asked: the queue is empty for now. Nothing new (only ids we already hold): stop too,
      // rather than asking again forever.
      const exhausted = action.result.snippets.length < action.requested || fresh.length === 0;
      return { ...state, history, pos, buffer, loading: false, exhausted, cursor: action.result.cursor ?? state.cursor };
    }
    case "advance": {
      if (state.pos < state.history.length - 1) return { ...state, pos: state.pos + 1 };
      if (state.pos === state.history.length) return state;
      if (state.buffer.length) return { ...state, history: [...state.history, state.buffer[0]], buffer: state.buffer.slice(1), pos: state.pos + 1 };
      return { ...state, pos: state.history.length };
    }
    case "back":
      return state.pos > 0 ? { ...state, pos: state.pos - 1 } : state;
    case "jump": {
      const i = state.history.findIndex((s) => s.id === action.snippetId);
      return i === -1 ? state : { ...state, pos: i };
    }
    case "set-label": {
      const patch = (s: ReviewSnippet) => (s.id === action.snippetId ? { ...s, myLabel: action.myLabel, reviewCount: reviewCountAfter(s, action.myLabel) } : s);
      return { ...state, history: state.history.map(patch), buffer: state.buffer.map(patch) };
    }
    case "check-again":
      return { ...state, exhausted: false, error: null };
  }
}

export type ReviewSessionInit = { opened: ReviewSnippet | null; batch: NextSnippetsResult };

/**
 * The client half of a review queue: what is on screen, the session history, and a prefetched buffer
 * that refills in the background (excluding everything it already holds) before it runs dry.
 */
export function useReviewSession(
  datasetId: number,
  queue: ReviewQueue,
  init: ReviewSessionInit,
  onProgress: (r: NextSnippetsResult) => void,
  /** The "audit" queue's audit (null for the other queues). */
  auditId: number | null = null,
) {
  const [state, dispatch] = useReducer(reducer, init, (i): State => {
    const all = [...(i.opened ? [i.opened] : []), ...i.batch.snippets.filter((s) => s.id !== i.opened?.id)];
    return {
      history: all.slice(0, 1),
      pos: 0,
      buffer: all.slice(1),
      exhausted: i.batch.exhausted,
      loading: false,
      error: null,
      cursor: i.batch.cursor,
    };
  });
  const inflight = useRef(false);
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => void (mounted.current = false);
  }, []);

  // Reads the latest state and callback when it runs; only `needsRefill` decides when.
  const refill = useEffectEvent(() => {
    // A ref, not state, guards the request: React may run the effect twice for one change.
    if (inflight.current) return;
    inflight.current = true;
    const exclude = [...state.buffer, ...state.history].map((x) => x.id).slice(-MAX_EXCLUDE);
    const requested = Math.max(REFILL_AT + 1, BUFFER - state.buffer.length);
    dispatch({ type: "refill-start" });
    reviewApi
      .next(datasetId, { queue, auditId, exclude, limit: requested, cursor: state.cursor })
      .then((result) => {
        if (!mounted.current) return;
        dispatch({ type: "refill-done", result, requested });
        onProgress(result);
      })
      .catch((e: unknown) => mounted.current && dispatch({ type: "refill-error", error: e instanceof Error ? e.message : String(e) }))
      .finally(() => void (inflight.current = false));
  });
  const needsRefill = !state.loading && !state.exhausted && !state.error && state.buffer.length <= REFILL_AT;
  useEffect(() => {
    if (needsRefill) refill();
  }, [needsRefill]);

  const current = state.pos < state.history.length ? state.history[state.pos] : null;
  return {
    current,
    state,
    advance: useCallback(() => dispatch({ type: "advance" }), []),
    back: useCallback(() => dispatch({ type: "back" }), []),
    jump: useCallback((snippetId: number) => dispatch({ type: "jump", snippetId }), []),
    setLabel: useCallback((snippetId: number, myLabel: MyLabel | null) => dispatch({ type: "set-label", snippetId, myLabel }), []),
    checkAgain: useCallback(() => dispatch({ type: "check-again" }), []),
  };
}
