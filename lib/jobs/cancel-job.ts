import { db, type Tx } from "@/lib/db/client";
import type { Job } from "./types";

/**
 * Cancels a job. Queued: cancelled at once. Running: cancelRequested is set; the worker sees it on its
 * next heartbeat, aborts the handler's signal, and marks the job cancelled when the handler has stopped.
 * Finished jobs are left alone. Returns the job as it is afterwards, or null if there is no such job.
 */
export async function cancelJob(id: number, client: Tx = db()): Promise<Job | null> {
  const queued = await client.job.updateMany({
    where: { id, status: "queued" },
    data: { status: "cancelled", finishedAt: new Date(), message: "cancelled before it ran" },
  });
  if (queued.count === 0) {
    await client.job.updateMany({ where: { id, status: "running" }, data: { cancelRequested: true } });
  }
  return client.job.findUnique({ where: { id } });
}
