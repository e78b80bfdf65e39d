import { db, dialect, type Tx } from "@/lib/db/client";
import { SQLITE_ISO_FORMAT } from "./sqlite-time";

const LOST = "worker lost: lease expired (the worker crashed, was killed or lost the database)";

export type RequeueExpiredResult = { requeued: number; failed: number; cancelled: number };

/**
 * Settles running jobs whose lease expired, i.e. whose worker died: back to the queue while attempts
 * remain, failed when they are used up (a job that kills its worker every time must not loop forever),
 * cancelled when a cancel was pending. runAt is kept so a requeued job keeps its place in line.
 * claimJob can also take an expired job directly; this makes the state visible and covers the rest.
 */
export async function requeueExpiredJobs(client: Tx = db()): Promise<RequeueExpiredResult> {
  const rows =
    dialect() === "postgres"
      ? await client.$queryRaw<{ status: string }[]>`
          UPDATE "job" SET
            "status" = CASE WHEN "cancelRequested" THEN 'cancelled' WHEN "attempt" >= "maxAttempts" THEN 'failed' ELSE 'queued' END,
            "finishedAt" = CASE WHEN "cancelRequested" OR "attempt" >= "maxAttempts" THEN (now() AT TIME ZONE 'UTC') ELSE NULL END,
            "error" = CASE WHEN NOT "cancelRequested" AND "attempt" >= "maxAttempts" THEN ${LOST} ELSE "error" END,
            "message" = CASE WHEN "cancelRequested" THEN 'cancelled' ELSE 'lease expired; requeued' END,
            "leaseUntil" = NULL,
            "workerId" = NULL
          WHERE "status" = 'running' AND "leaseUntil" < (now() AT TIME ZONE 'UTC')
          RETURNING "status"`
      : await requeueSqlite(client);
  const count = (status: string) => rows.filter((r) => r.status === status).length;
  return { requeued: count("queued"), failed: count("failed"), cancelled: count("cancelled") };
}

function requeueSqlite(client: Tx) {
  return client.$queryRaw<{ status: string }[]>`
    UPDATE "job" SET
      "status" = CASE WHEN "cancelRequested" = 1 THEN 'cancelled' WHEN "attempt" >= "maxAttempts" THEN 'failed' ELSE 'queued' END,
      "finishedAt" = CASE WHEN "cancelRequested" = 1 OR "attempt" >= "maxAttempts" THEN strftime(${SQLITE_ISO_FORMAT}, 'now') ELSE NULL END,
      "error" = CASE WHEN "cancelRequested" = 0 AND "attempt" >= "maxAttempts" THEN ${LOST} ELSE "error" END,
      "message" = CASE WHEN "cancelRequested" = 1 THEN 'cancelled' ELSE 'lease expired; requeued' END,
      "leaseUntil" = NULL,
      "workerId" = NULL
    WHERE "status" = 'running' AND "leaseUntil" < strftime(${SQLITE_ISO_FORMAT}, 'now')
    RETURNING "status"`;
}
