import type { JobListItem, JobView } from "@/lib/jobs/job-view";
import type { JobLogView } from "@/lib/jobs/list-job-logs";
import type { JobStatus } from "@/lib/jobs/types";

export type { JobListItem, JobLogView, JobStatus, JobView };

export type JobsPage = { jobs: JobListItem[]; nextBefore: number | null; counts: Record<JobStatus, number> };
export type JobDetailPage = { job: JobView; logs: JobLogView[]; earlier: boolean; more: boolean };

export const JOB_STATUS_LIST: JobStatus[] = ["queued", "running", "succeeded", "failed", "cancelled"];

/** Queued or running: its numbers still change, so the page polls fast. */
export const isActive = (status: JobStatus) => status === "queued" || status === "running";
