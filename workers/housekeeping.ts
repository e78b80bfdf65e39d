import { db, type Tx } from "@/lib/db/client";
import { requeueExpiredJobs, type RequeueExpiredResult } from "@/lib/jobs/requeue-expired-jobs";

export type HousekeepingResult = RequeueExpiredResult & { sessions: number; verifications: number };

/**
 * Periodic cleanup, run by every worker about once a minute (each statement is idempotent, so several
 * workers doing it at once is harmless): expired better-auth sessions and verification tokens, and jobs
 * whose worker died (lease expired).
 */
export async function runHousekeeping(client: Tx = db()): Promise<HousekeepingResult> {
  const now = new Date();
  const sessions = await client.session.deleteMany({ where: { expiresAt: { lt: now } } });
  const verifications = await client.verification.deleteMany({ where: { expiresAt: { lt: now } } });
  const jobs = await requeueExpiredJobs(client);
  return { sessions: sessions.count, verifications: verifications.count, ...jobs };
}
