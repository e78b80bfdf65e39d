import { db, type Tx } from "@/lib/db/client";

/**
 * Deletes the log lines of jobs that finished more than `olderThanDays` ago (the jobs themselves stay, with
 * their status, progress and error). A job back in the queue has no finishedAt, so its log is kept.
 */
export async function pruneJobLogs(options: { olderThanDays: number }, client: Tx = db()): Promise<number> {
  const cutoff = new Date(Date.now() - options.olderThanDays * 86_400_000);
  const { count } = await client.jobLog.deleteMany({ where: { job: { finishedAt: { lt: cutoff } } } });
  return count;
}
