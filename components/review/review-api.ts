"use client";

import { api } from "@/components/api";
import type { ReviewQueue } from "@/lib/labels/queues";
import type { TRecordHumanLabel } from "@/lib/labels/record-human-label";
import type { AnnotatorStat, DeleteLabelResult, NextSnippetsResult, QueueProgress, RecordLabelResult, ReviewSnippet } from "@/lib/labels/types";

/** Typed calls to the review API (shapes documented in app/api/review/** and app/api/labels/**). */
export const reviewApi = {
  next: (datasetId: number, p: { queue: ReviewQueue; auditId?: number | null; exclude: number[]; limit: number; cursor?: string | null }, signal?: AbortSignal) => {
    const qs = new URLSearchParams({ queue: p.queue, limit: String(p.limit) });
    if (p.auditId != null) qs.set("auditId", String(p.auditId));
    if (p.exclude.length) qs.set("exclude", p.exclude.join(","));
    if (p.cursor) qs.set("cursor", p.cursor);
    return api<NextSnippetsResult>(`/api/review/${datasetId}/next?${qs}`, { signal });
  },
  snippet: (datasetId: number, snippetId: number) => api<{ snippet: ReviewSnippet }>(`/api/review/${datasetId}/snippet/${snippetId}`),
  progress: (datasetId: number, queue: ReviewQueue, auditId?: number | null) =>
    api<QueueProgress>(`/api/review/${datasetId}/progress?${new URLSearchParams({ queue, ...(auditId != null ? { auditId: String(auditId) } : {}) })}`),
  stats: (datasetId: number) => api<{ annotators: AnnotatorStat[] }>(`/api/review/${datasetId}/stats`),
  putLabel: (body: TRecordHumanLabel) => api<RecordLabelResult>("/api/labels", { method: "PUT", body }),
  deleteLabel: (snippetId: number) => api<DeleteLabelResult>(`/api/labels/${snippetId}`, { method: "DELETE" }),
};
