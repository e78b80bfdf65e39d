import { db, type Tx } from "@/lib/db/client";
import type { JobProgress } from "./heartbeat";
import { heldBy, type JobLease } from "./types";

/**
 * Hands a running job back to the queue at once (graceful worker shutdown: the handler stopped at a safe
 * point). runAt is left as it was, so the job keeps its place in line. Fenced by attempt.
 * The interrupted run still counts as an attempt: attempt numbers only ever grow, because they fence writes.
 */
export async function releaseJob(lease: JobLease, options: { progress?: JobProgress; message?: string } = {}, client: Tx = db()): Promise<boolean> {
  const { count } = await client.job.updateMany({
    where: heldBy(lease),
    data: {
      status: "queued",
      leaseUntil: null,
      workerId: null,
      ...(options.progress && { progressDone: options.progress.done, progressTotal: options.progress.total }),
      message: options.message ?? "released by a stopping worker",
    },
  });
  return count === 1;
}
