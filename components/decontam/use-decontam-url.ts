"use client";

import { usePathname, useSearchParams } from "next/navigation";
import { useCallback, useMemo } from "react";

/**
 * /decontam's state in the URL (shareable, reload-safe): `dataset` (the flagged list's and runs' dataset) and
 * `snippet` (the side-by-side view). Written with the History API, which the App Router syncs into
 * useSearchParams, so no server round trip per click; opening a snippet pushes (Back closes it).
 */
export function useDecontamUrl() {
  const params = useSearchParams();
  const pathname = usePathname();
  const state = useMemo(() => {
    const id = (k: string) => {
      const n = Number(params.get(k));
      return Number.isInteger(n) && n > 0 ? n : null;
    };
    return { datasetId: id("dataset"), snippetId: id("snippet") };
  }, [params]);

  const update = useCallback(
    (patch: { dataset?: number | null; snippet?: number | null }, push = false) => {
      const next = new URLSearchParams(window.location.search);
      for (const [k, v] of Object.entries(patch)) {
        if (v) next.set(k, String(v));
        else next.delete(k);
      }
      const qs = next.toString();
      const url = qs ? `${pathname}?${qs}` : pathname;
      if (push) window.history.pushState(null, "", url);
      else window.history.replaceState(null, "", url);
    },
    [pathname],
  );

  const setDataset = useCallback((id: number | null) => update({ dataset: id }), [update]);
  const openSnippet = useCallback((id: number | null) => update({ snippet: id }, id !== null), [update]);
  return { ...state, setDataset, openSnippet };
}
