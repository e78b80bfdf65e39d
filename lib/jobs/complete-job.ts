import { db, type Tx } from "@/lib/db/client";
import type { JobProgress } from "./heartbeat";
import { heldBy, type JobLease } from "./types";

/**
 * Marks a running job succeeded. Fenced by attempt: returns false (and changes nothing) when this worker
 * no longer holds the job, e.g. its lease expired and another worker re-ran it.
 */
export async function completeJob(lease: JobLease, options: { progress?: JobProgress } = {}, client: Tx = db()): Promise<boolean> {
  const { count } = await client.job.updateMany({
    where: heldBy(lease),
    data: {
      status: "succeeded",
      finishedAt: new Date(),
      leaseUntil: null,
      error: null,
      ...(options.progress && {
        progressDone: options.progress.done,
        progressTotal: options.progress.total,
        message: options.progress.message,
      }),
    },
  });
  return count === 1;
}
