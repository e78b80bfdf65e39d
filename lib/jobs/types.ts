import type { Job } from "@syllabus/prisma-sqlite";

export type { Job };

export const JOB_STATUSES = ["queued", "running", "succeeded", "failed", "cancelled"] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];

/** What a worker holds while it runs a job. Every write it makes is fenced by (id, attempt, status running). */
export type JobLease = { id: number; attempt: number };

/**
 * The fence every write by the worker holding a lease goes through: the job is still running this very
 * attempt. A worker whose lease was taken over matches nothing and so writes nothing.
 */
export function heldBy(lease: JobLease) {
  return { id: lease.id, attempt: lease.attempt, status: "running" };
}
