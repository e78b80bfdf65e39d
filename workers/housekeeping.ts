import { db, type Tx } from "@/lib/db/client";
import { pruneJobLogs } from "@/lib/jobs/prune-job-logs";
import { requeueExpiredJobs, type RequeueExpiredResult } from "@/lib/jobs/requeue-expired-jobs";

export type HousekeepingResult = RequeueExpiredResult & { sessions: number; verifications: number; jobLogs: number };

export const DEFAULT_JOB_LOG_RETENTION_DAYS = 30;

/**
 * Periodic cleanup, run by every worker about once a minute (each statement is idempotent, so several
 * workers doing it at once is harmless): expired better-auth sessions and verification tokens, jobs
 * whose worker died (lease expired), and log lines of jobs that finished more than `jobLogRetentionDays`
 * ago (0 keeps them forever).
 */
export async function runHousekeeping(client: Tx = db(), options: { jobLogRetentionDays?: number } = {}): Promise<HousekeepingResult> {
  const now = new Date();
  const sessions = await client.session.deleteMany({ where: { expiresAt: { lt: now } } });
  const verifications = await client.verification.deleteMany({ where: { expiresAt: { lt: now } } });
  const jobs = await requeueExpiredJobs(client);
  const retention = options.jobLogRetentionDays ?? DEFAULT_JOB_LOG_RETENTION_DAYS;
  const jobLogs = retention > 0 ? await pruneJobLogs({ olderThanDays: retention }, client) : 0;
  return { sessions: sessions.count, verifications: verifications.count, ...jobs, jobLogs };
}
