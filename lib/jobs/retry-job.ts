import { db, type Tx } from "@/lib/db/client";
import type { Job } from "./types";

export class JobNotRetryableError extends Error {}

/**
 * Puts a failed or cancelled job back in the queue to run now, with `attempts` more tries (default 3).
 * attempt is not reset, because it fences writes from workers of earlier attempts; maxAttempts is raised.
 * Throws JobNotRetryableError for a job that is not failed/cancelled (or was retried concurrently).
 */
export async function retryJob(id: number, options: { attempts?: number } = {}, client: Tx = db()): Promise<Job> {
  const job = await client.job.findUnique({ where: { id } });
  if (!job) throw new JobNotRetryableError(`no job ${id}`);
  if (job.status !== "failed" && job.status !== "cancelled") throw new JobNotRetryableError(`job ${id} is ${job.status}; only failed or cancelled jobs can be retried`);
  const { count } = await client.job.updateMany({
    where: { id, status: job.status, attempt: job.attempt },
    data: {
      status: "queued",
      runAt: new Date(),
      maxAttempts: Math.max(job.maxAttempts, job.attempt + (options.attempts ?? 3)),
      cancelRequested: false,
      error: null,
      finishedAt: null,
      leaseUntil: null,
      workerId: null,
      message: "retry requested",
    },
  });
  if (count === 0) throw new JobNotRetryableError(`job ${id} changed while retrying it`);
  return (await client.job.findUnique({ where: { id } }))!;
}
