"use client";

import { usePathname, useSearchParams } from "next/navigation";
import { useCallback, useMemo } from "react";

/** URL parameters of the snippet table; the same names the API takes, so the query string is passed through. */
export const FILTER_PARAMS = [
  "dataset", "language", "llmScore", "minScore", "maxScore", "minProb", "maxProb", "reviewed", "reviewer", "humanScore", "q", "sort",
  // Drill-down filters (links from the quality dashboards), shown as removable chips.
  "modelId", "auditId", "side", "minHumanScore", "maxHumanScore", "source",
] as const;
export type FilterParam = (typeof FILTER_PARAMS)[number];
export const PAGE_SIZE = 50;
export type SnippetUrlState = Record<FilterParam, string> & { cursor: string; page: number };

/**
 * The table's state lives in the URL (shareable, reload-safe). Changing a filter drops the cursor and
 * page; `page` is display-only (keyset pages have no number the server knows).
 *
 * Updates go through history.replaceState, which the App Router syncs into useSearchParams, rather than
 * router.replace: the data comes from the JSON API, so a server round trip (layout + session lookup)
 * per keystroke or click would only add latency. Each update starts from window.location, so changes
 * made in quick succession build on each other instead of on a stale render.
 */
export function useSnippetUrlState() {
  const params = useSearchParams();
  const pathname = usePathname();

  const state = useMemo(() => {
    const s = Object.fromEntries(FILTER_PARAMS.map((k) => [k, params.get(k) ?? ""])) as unknown as SnippetUrlState;
    s.cursor = params.get("cursor") ?? "";
    s.page = Math.max(1, Number(params.get("page")) || 1);
    return s;
  }, [params]);

  /** Query strings for the API, empty values left out: the filters alone, and filters + cursor + page size. */
  const { filterQuery, apiQuery } = useMemo(() => {
    const q = new URLSearchParams();
    for (const k of FILTER_PARAMS) if (state[k] && k !== "sort") q.set(k, state[k]);
    const filterQuery = q.toString();
    if (state.sort) q.set("sort", state.sort);
    if (state.cursor) q.set("cursor", state.cursor);
    q.set("limit", String(PAGE_SIZE));
    return { filterQuery, apiQuery: q.toString() };
  }, [state]);

  const replace = useCallback(
    (next: URLSearchParams) => {
      const qs = next.toString();
      window.history.replaceState(null, "", qs ? `${pathname}?${qs}` : pathname);
    },
    [pathname],
  );

  const setFilters = useCallback(
    (patch: Partial<Record<FilterParam, string>>) => {
      const next = new URLSearchParams(window.location.search);
      for (const [k, v] of Object.entries(patch)) {
        if (v) next.set(k, v);
        else next.delete(k);
      }
      next.delete("cursor");
      next.delete("page");
      replace(next);
    },
    [replace],
  );

  const goTo = useCallback(
    (cursor: string | null, page: number) => {
      const next = new URLSearchParams(window.location.search);
      if (cursor) next.set("cursor", cursor);
      else next.delete("cursor");
      if (cursor && page > 1) next.set("page", String(page));
      else next.delete("page");
      replace(next);
      window.scrollTo({ top: 0 });
    },
    [replace],
  );

  const clear = useCallback(() => replace(new URLSearchParams()), [replace]);

  return { state, filterQuery, apiQuery, setFilters, goTo, clear };
}
