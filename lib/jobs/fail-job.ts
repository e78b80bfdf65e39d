import { db, dialect, type Tx } from "@/lib/db/client";
import { backoffDelayMs, type BackoffOptions } from "./backoff";
import { formatJobError } from "./format-job-error";
import type { JobProgress } from "./heartbeat";
import { SQLITE_ISO_FORMAT, sqliteOffset } from "./sqlite-time";
import { heldBy, type JobLease } from "./types";

export type FailJobResult =
  | { status: "queued"; retryInMs: number }
  | { status: "failed" }
  /** Fenced: this worker no longer held the job, nothing was written. */
  | { status: "lost" };

/**
 * Records a failed attempt. While attempts remain, the job goes back to the queue with runAt pushed out by
 * exponential backoff with jitter; after the last attempt (or when `permanent`, e.g. an invalid payload),
 * it is failed for good. The error (message + top of the stack) is kept either way, and so is the progress
 * the attempt reached (a resumable handler continues from it; the jobs page shows how far it got).
 */
export async function failJob(
  lease: JobLease & { maxAttempts: number },
  error: unknown,
  options: { backoff?: BackoffOptions; permanent?: boolean; progress?: JobProgress } = {},
  client: Tx = db(),
): Promise<FailJobResult> {
  const text = formatJobError(error);
  const where = heldBy(lease);
  const done = options.progress ? Math.round(options.progress.done) : null;
  const total = options.progress ? Math.round(options.progress.total) : null;
  if (options.permanent || lease.attempt >= lease.maxAttempts) {
    const { count } = await client.job.updateMany({
      where,
      data: {
        status: "failed",
        error: text,
        finishedAt: new Date(),
        leaseUntil: null,
        message: `failed on attempt ${lease.attempt} of ${lease.maxAttempts}`,
        ...(done !== null && total !== null && { progressDone: done, progressTotal: total }),
      },
    });
    return count === 1 ? { status: "failed" } : { status: "lost" };
  }
  const delay = backoffDelayMs(lease.attempt, options.backoff);
  const message = `attempt ${lease.attempt} failed, retrying`;
  // runAt is computed by the database, like every time claimJob compares (see claim-job.ts).
  const count =
    dialect() === "postgres"
      ? await client.$executeRaw`
          UPDATE "job" SET "status" = 'queued', "error" = ${text}, "message" = ${message},
            "progressDone" = COALESCE(${done}::int, "progressDone"), "progressTotal" = COALESCE(${total}::int, "progressTotal"),
            "runAt" = (now() AT TIME ZONE 'UTC') + ${delay}::int * interval '1 millisecond',
            "leaseUntil" = NULL, "workerId" = NULL
          WHERE "id" = ${lease.id} AND "attempt" = ${lease.attempt} AND "status" = 'running'`
      : await client.$executeRaw`
          UPDATE "job" SET "status" = 'queued', "error" = ${text}, "message" = ${message},
            "progressDone" = COALESCE(${done}, "progressDone"), "progressTotal" = COALESCE(${total}, "progressTotal"),
            "runAt" = strftime(${SQLITE_ISO_FORMAT}, 'now', ${sqliteOffset(delay)}),
            "leaseUntil" = NULL, "workerId" = NULL
          WHERE "id" = ${lease.id} AND "attempt" = ${lease.attempt} AND "status" = 'running'`;
  return count === 1 ? { status: "queued", retryInMs: delay } : { status: "lost" };
}
