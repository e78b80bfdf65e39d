import { formatDuration, formatRate } from "@/lib/format-duration";
import type { JobListItem } from "./types";

/** The job's duration now: a running job's server-side figure plus the time since it was fetched. */
export function liveDurationMs(job: Pick<JobListItem, "status" | "durationMs">, fetchedAt: number, now: number): number | null {
  if (job.durationMs === null) return null;
  return job.status === "running" ? job.durationMs + Math.max(0, now - fetchedAt) : job.durationMs;
}

export const durationText = (ms: number | null) => (ms === null ? "—" : formatDuration(ms));
export const rateText = (perSecond: number | null) => (perSecond === null ? "—" : formatRate(perSecond));
export const dateText = (iso: string | null) => (iso ? new Date(iso).toLocaleString() : "—");
