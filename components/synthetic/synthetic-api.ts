"use client";

import { api } from "@/components/api";
import type { ExecRunView } from "@/lib/synthetic/execute/types";
import type { ReviewDatasetSummary } from "@/lib/synthetic/review/list-review-datasets";
import type { TDecideReviewItem } from "@/lib/synthetic/review/decide-review-item";
import type { TEditSyntheticItem } from "@/lib/synthetic/review/edit-synthetic-item";
import type { NextReviewItems, ReviewItem, ReviewProgress, ReviewScope, VersionDetail, VersionSummary } from "@/lib/synthetic/review/types";

function scopeQuery(scope: ReviewScope): URLSearchParams {
  const qs = new URLSearchParams({ datasetId: String(scope.datasetId) });
  if (scope.campaignId !== undefined) qs.set("campaignId", String(scope.campaignId));
  if (scope.kind) qs.set("kind", scope.kind);
  if (scope.status) qs.set("status", scope.status);
  return qs;
}

/** Typed calls to the synthetic review and execution API (shapes documented in app/api/synthetic/** and app/api/exec-runs/**). */
export const syntheticApi = {
  datasets: () => api<{ datasets: ReviewDatasetSummary[] }>("/api/synthetic/review"),
  next: (scope: ReviewScope, exclude: number[], limit: number, signal?: AbortSignal) => {
    const qs = scopeQuery(scope);
    qs.set("limit", String(limit));
    if (exclude.length) qs.set("exclude", exclude.slice(-500).join(","));
    return api<NextReviewItems>(`/api/synthetic/review/next?${qs}`, { signal });
  },
  progress: (scope: ReviewScope) => api<ReviewProgress>(`/api/synthetic/review/progress?${scopeQuery(scope)}`),
  item: (id: number) => api<{ item: ReviewItem }>(`/api/synthetic/items/${id}`),
  decide: (id: number, body: TDecideReviewItem) => api<{ item: ReviewItem }>(`/api/synthetic/items/${id}/review`, { method: "PUT", body }),
  withdraw: (id: number) => api<{ deleted: boolean; item: ReviewItem }>(`/api/synthetic/items/${id}/review`, { method: "DELETE" }),
  edit: (id: number, body: TEditSyntheticItem) => api<{ item: ReviewItem }>(`/api/synthetic/items/${id}/edits`, { method: "POST", body }),
  history: (id: number) => api<{ versions: VersionSummary[] }>(`/api/synthetic/items/${id}/history`),
  version: (id: number, version: number) => api<{ version: VersionDetail }>(`/api/synthetic/items/${id}/history/${version}`),
  execute: (id: number) => api<{ run: ExecRunView }>(`/api/synthetic/items/${id}/execute`, { method: "POST" }),
  run: (runId: number) => api<{ run: ExecRunView }>(`/api/exec-runs/${runId}`),
};

/** React Query keys for synthetic review; invalidate through these. */
export const syntheticKeys = {
  all: ["synthetic"] as const,
  datasets: () => [...syntheticKeys.all, "datasets"] as const,
  progress: (scope: ReviewScope) => [...syntheticKeys.all, "progress", scope] as const,
  item: (id: number) => [...syntheticKeys.all, "item", id] as const,
  history: (id: number, version: number) => [...syntheticKeys.all, "history", id, version] as const,
  version: (id: number, version: number) => [...syntheticKeys.all, "version", id, version] as const,
};
