"use client";

import { useEffect, useEffectEvent, useState } from "react";
import type { ReviewItem } from "@/lib/synthetic/review/types";
import type { ExecState } from "./exec-panel";
import { syntheticApi } from "./synthetic-api";

const FINISHED = new Set(["succeeded", "failed", "cancelled"]);

/**
 * "Execute now" for any number of items: each starts a one-item execution run (a job), polled every second
 * until it finishes; then the item is reloaded (its result is stored on it) and handed to `onItem`. Lives
 * above the item view, so moving to another item while one runs still delivers the result.
 */
export function useExecutions(onItem: (item: ReviewItem) => void) {
  const [states, setStates] = useState<ReadonlyMap<number, ExecState & { startedAt?: number }>>(new Map());
  const set = (id: number, s: (ExecState & { startedAt?: number }) | null) =>
    setStates((m) => {
      const n = new Map(m);
      if (s) n.set(id, s);
      else n.delete(id);
      return n;
    });

  const start = async (snippetId: number) => {
    const cur = states.get(snippetId);
    if (cur && (cur.phase === "starting" || cur.phase === "running")) return;
    set(snippetId, { phase: "starting" });
    try {
      const { run } = await syntheticApi.execute(snippetId);
      set(snippetId, { phase: "running", run, waitingMs: 0, startedAt: Date.now() });
    } catch (e) {
      set(snippetId, { phase: "error", message: (e as Error).message });
    }
  };

  const poll = useEffectEvent(async () => {
    for (const [snippetId, s] of states) {
      if (s.phase !== "running") continue;
      try {
        const { run } = await syntheticApi.run(s.run.id);
        if (!FINISHED.has(run.status)) {
          set(snippetId, { ...s, run, waitingMs: Date.now() - (s.startedAt ?? Date.now()) });
          continue;
        }
        const { item } = await syntheticApi.item(snippetId);
        onItem(item);
        set(snippetId, run.status === "succeeded" ? null : { phase: "error", message: `execution run ${run.id} ${run.status}${run.error ? `: ${run.error}` : ""}` });
      } catch (e) {
        set(snippetId, { phase: "error", message: (e as Error).message });
      }
    }
  });
  const running = [...states.values()].some((s) => s.phase === "running");
  useEffect(() => {
    if (!running) return;
    const t = setInterval(() => void poll(), 1000);
    return () => clearInterval(t);
  }, [running]);

  return { stateOf: (snippetId: number): ExecState => states.get(snippetId) ?? { phase: "idle" }, start };
}
