import { db, dialect, type Tx } from "@/lib/db/client";
import { SQLITE_ISO_FORMAT, sqliteOffset } from "./sqlite-time";
import type { Job } from "./types";

export type ClaimJobOptions = {
  workerId: string;
  /** Only jobs this worker has handlers for, so an older worker never claims a newer job type. */
  names: string[];
  leaseMs: number;
};

/**
 * Atomically takes the next due job and leases it to `workerId` for `leaseMs`, incrementing `attempt`
 * (the fencing token every later write is checked against). Due means: queued with runAt <= now, or
 * running whose lease has expired (its worker died) — unless cancel was requested or attempts are used
 * up; housekeeping settles those.
 *
 * PostgreSQL: FOR UPDATE SKIP LOCKED, so concurrent workers each lock a different row instead of queueing
 * behind one; after a competitor commits, the row is re-checked and no longer matches. Lease times use the
 * database clock (now() in UTC, the columns are timestamp without time zone) so workers on machines with
 * skewed clocks agree on when a lease expires.
 *
 * SQLite: one UPDATE … WHERE id = (SELECT …) statement runs under the database write lock, so it is atomic
 * across processes. Times are ISO-8601 text in Prisma's format, computed inside the statement (see
 * sqlite-time.ts), so text comparison orders correctly. Job rows must be written through Prisma or these
 * functions, not raw SQL with CURRENT_TIMESTAMP (a different text format).
 */
export async function claimJob(options: ClaimJobOptions, client: Tx = db()): Promise<Job | null> {
  if (options.names.length === 0) return null;
  const leaseMs = Math.round(options.leaseMs);
  const rows =
    dialect() === "postgres"
      ? await client.$queryRaw<Record<string, unknown>[]>`
          UPDATE "job" SET
            "status" = 'running',
            "attempt" = "attempt" + 1,
            "leaseUntil" = (now() AT TIME ZONE 'UTC') + ${leaseMs}::int * interval '1 millisecond',
            "workerId" = ${options.workerId},
            "startedAt" = (now() AT TIME ZONE 'UTC'),
            "finishedAt" = NULL
          WHERE "id" = (
            SELECT "id" FROM "job"
            WHERE "name" = ANY(${options.names}::text[])
              AND (("status" = 'queued' AND "runAt" <= (now() AT TIME ZONE 'UTC'))
                OR ("status" = 'running' AND "leaseUntil" < (now() AT TIME ZONE 'UTC')
                    AND NOT "cancelRequested" AND "attempt" < "maxAttempts"))
            ORDER BY "runAt", "id"
            LIMIT 1
            FOR UPDATE SKIP LOCKED)
          RETURNING *`
      : await claimSqlite(options, leaseMs, client);
  return rows.length ? toJob(rows[0]) : null;
}

function claimSqlite(options: ClaimJobOptions, leaseMs: number, client: Tx) {
  return client.$queryRaw<Record<string, unknown>[]>`
    UPDATE "job" SET
      "status" = 'running',
      "attempt" = "attempt" + 1,
      "leaseUntil" = strftime(${SQLITE_ISO_FORMAT}, 'now', ${sqliteOffset(leaseMs)}),
      "workerId" = ${options.workerId},
      "startedAt" = strftime(${SQLITE_ISO_FORMAT}, 'now'),
      "finishedAt" = NULL
    WHERE "id" = (
      SELECT "id" FROM "job"
      WHERE "name" IN (SELECT "value" FROM json_each(${JSON.stringify(options.names)}))
        AND (("status" = 'queued' AND "runAt" <= strftime(${SQLITE_ISO_FORMAT}, 'now'))
          OR ("status" = 'running' AND "leaseUntil" < strftime(${SQLITE_ISO_FORMAT}, 'now')
              AND "cancelRequested" = 0 AND "attempt" < "maxAttempts"))
      ORDER BY "runAt", "id"
      LIMIT 1)
    RETURNING *`;
}

// Both adapters already map these columns to JS types; normalizing keeps raw-row quirks (bigint counts,
// 0/1 booleans) from leaking out if a driver version changes.
function toJob(row: Record<string, unknown>): Job {
  const date = (v: unknown) => (v == null ? null : v instanceof Date ? v : new Date(String(v)));
  return {
    id: Number(row.id),
    name: String(row.name),
    payload: String(row.payload),
    status: String(row.status),
    attempt: Number(row.attempt),
    maxAttempts: Number(row.maxAttempts),
    runAt: date(row.runAt)!,
    leaseUntil: date(row.leaseUntil),
    workerId: row.workerId == null ? null : String(row.workerId),
    progressDone: Number(row.progressDone),
    progressTotal: Number(row.progressTotal),
    message: String(row.message ?? ""),
    error: row.error == null ? null : String(row.error),
    cancelRequested: row.cancelRequested === true || row.cancelRequested === 1 || row.cancelRequested === 1n,
    createdAt: date(row.createdAt)!,
    startedAt: date(row.startedAt),
    finishedAt: date(row.finishedAt),
  };
}
