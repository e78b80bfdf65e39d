import { db, type Tx } from "@/lib/db/client";
import type { JobProgress } from "./heartbeat";
import { heldBy, type JobLease } from "./types";

/** The worker's side of a cancel: its handler has stopped, the job becomes cancelled. Fenced by attempt. */
export async function markJobCancelled(lease: JobLease, options: { progress?: JobProgress } = {}, client: Tx = db()): Promise<boolean> {
  const { count } = await client.job.updateMany({
    where: heldBy(lease),
    data: {
      status: "cancelled",
      finishedAt: new Date(),
      leaseUntil: null,
      ...(options.progress && { progressDone: options.progress.done, progressTotal: options.progress.total }),
      message: "cancelled",
    },
  });
  return count === 1;
}
