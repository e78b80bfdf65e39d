import { db, dialect, type Tx } from "@/lib/db/client";
import { SQLITE_ISO_FORMAT, sqliteOffset } from "./sqlite-time";
import type { JobLease } from "./types";

export type JobProgress = { done: number; total: number; message: string };

export type HeartbeatResult =
  | { held: true; cancelRequested: boolean; leaseUntil: Date }
  /** The job is no longer ours: its lease expired and another worker took it, or it was settled. */
  | { held: false };

/**
 * Renews the lease of a running job for another `leaseMs` and, when given, stores its progress in the
 * same write. Fenced by attempt: a worker whose lease was taken over gets `held: false` and must stop.
 * Also tells the worker whether someone asked to cancel the job.
 */
export async function heartbeatJob(lease: JobLease, options: { leaseMs: number; progress?: JobProgress }, client: Tx = db()): Promise<HeartbeatResult> {
  const leaseMs = Math.round(options.leaseMs);
  const done = options.progress ? Math.round(options.progress.done) : null;
  const total = options.progress ? Math.round(options.progress.total) : null;
  const message = options.progress?.message ?? null;
  const rows =
    dialect() === "postgres"
      ? await client.$queryRaw<{ cancelRequested: boolean; leaseUntil: Date }[]>`
          UPDATE "job" SET
            "leaseUntil" = (now() AT TIME ZONE 'UTC') + ${leaseMs}::int * interval '1 millisecond',
            "progressDone" = COALESCE(${done}::int, "progressDone"),
            "progressTotal" = COALESCE(${total}::int, "progressTotal"),
            "message" = COALESCE(${message}::text, "message")
          WHERE "id" = ${lease.id} AND "attempt" = ${lease.attempt} AND "status" = 'running'
          RETURNING "cancelRequested", "leaseUntil"`
      : await client.$queryRaw<{ cancelRequested: boolean | number; leaseUntil: Date | string }[]>`
          UPDATE "job" SET
            "leaseUntil" = strftime(${SQLITE_ISO_FORMAT}, 'now', ${sqliteOffset(leaseMs)}),
            "progressDone" = COALESCE(${done}, "progressDone"),
            "progressTotal" = COALESCE(${total}, "progressTotal"),
            "message" = COALESCE(${message}, "message")
          WHERE "id" = ${lease.id} AND "attempt" = ${lease.attempt} AND "status" = 'running'
          RETURNING "cancelRequested", "leaseUntil"`;
  if (rows.length === 0) return { held: false };
  const row = rows[0];
  return { held: true, cancelRequested: Boolean(row.cancelRequested), leaseUntil: new Date(row.leaseUntil) };
}
