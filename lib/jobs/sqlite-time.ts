/**
 * SQLite has no timestamp type: Prisma's better-sqlite3 adapter stores DateTime as ISO-8601 text,
 * `toISOString()` with "Z" replaced by "+00:00" ("2026-01-02T03:04:05.678+00:00"). This strftime format
 * produces exactly that text, so times computed inside a statement compare correctly (as text) with
 * times Prisma wrote.
 *
 * Lease and due times are computed in SQL at execution, not in JS before the call: the first query of a
 * process (or one waiting on the write lock) can start seconds after the call, and a lease computed up
 * front would then already be partly or wholly expired when written.
 */
export const SQLITE_ISO_FORMAT = "%Y-%m-%dT%H:%M:%f+00:00";

/** strftime modifier for "now + ms", e.g. "+1.5 seconds". */
export function sqliteOffset(ms: number): string {
  return `${ms < 0 ? "-" : "+"}${Math.abs(Math.round(ms)) / 1000} seconds`;
}
