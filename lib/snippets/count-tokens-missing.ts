import type Database from "better-sqlite3";
import type { TaskContext } from "@/lib/context";
import { dialect } from "@/lib/db/client";
import { pgPool, rawSqlite, sqliteWriteTransaction } from "@/lib/db/raw";
import { countTokensMany } from "./count-tokens-pool";

// Snippets read, counted and stored per round (a few MB of content).
const PAGE = 2_000;

export type CountMissingTokensResult = { counted: number; bytes: number; ms: number };

/**
 * Counts the o200k tokens of snippets `ids` (those whose Snippet.tokenCount is null) and stores them: reads
 * their content in id-sorted pages, counting a page in the token threads while the previous one is
 * written. Counts are a pure function of the content, so an interrupted run just leaves the rest null and
 * a rerun continues. Returns the counts by id; `onPage` reports progress.
 */
export async function countMissingTokens(
  o: { ids: ArrayLike<number>; onPage?: (counted: number, total: number) => Promise<void> | void },
  ctx: Pick<TaskContext, "signal" | "heartbeat">,
): Promise<CountMissingTokensResult & { counts: Map<number, number> }> {
  const t0 = performance.now();
  const sorted = Int32Array.from(o.ids).sort();
  const counts = new Map<number, number>();
  let bytes = 0;
  let pendingWrite: Promise<void> | null = null;
  for (let at = 0; at < sorted.length; at += PAGE) {
    ctx.signal.throwIfAborted();
    const page = await readContents(Array.from(sorted.subarray(at, at + PAGE)));
    const counting = countTokensMany(page.map((r) => r.content));
    if (pendingWrite) await pendingWrite;
    const c = await counting;
    pendingWrite = storeTokenCounts(page.map((r) => r.id), c);
    page.forEach((r, i) => {
      counts.set(r.id, c[i]);
      bytes += Buffer.byteLength(r.content);
    });
    await ctx.heartbeat();
    await o.onPage?.(Math.min(sorted.length, at + PAGE), sorted.length);
  }
  if (pendingWrite) await pendingWrite;
  return { counted: counts.size, bytes, ms: performance.now() - t0, counts };
}

const sqliteReads = new WeakMap<Database.Database, Database.Statement>();

/** id and content of snippets `ids` (one JSON parameter on SQLite, an int[] on PostgreSQL). */
async function readContents(ids: number[]): Promise<{ id: number; content: string }[]> {
  if (dialect() === "postgres") return (await pgPool().query<{ id: number; content: string }>(`SELECT id, content FROM snippet WHERE id = ANY($1::int[])`, [ids])).rows;
  const conn = rawSqlite();
  let st = sqliteReads.get(conn);
  if (!st) sqliteReads.set(conn, (st = conn.prepare(`SELECT id, content FROM snippet WHERE id IN (SELECT value FROM json_each(?))`)));
  return st.all(JSON.stringify(ids)) as { id: number; content: string }[];
}

const sqliteUpdates = new WeakMap<Database.Database, Database.Statement>();

/** Stores token counts by snippet id in one transaction on the raw driver. */
export async function storeTokenCounts(ids: ArrayLike<number>, counts: ArrayLike<number>): Promise<void> {
  if (ids.length === 0) return;
  if (dialect() === "postgres") {
    await pgPool().query(`UPDATE snippet SET "tokenCount" = v.t FROM unnest($1::int[], $2::int[]) AS v(id, t) WHERE snippet.id = v.id`, [Array.from(ids), Array.from(counts)]);
    return;
  }
  const conn = rawSqlite();
  let st = sqliteUpdates.get(conn);
  if (!st) sqliteUpdates.set(conn, (st = conn.prepare(`UPDATE snippet SET "tokenCount" = ? WHERE id = ?`)));
  const update = st;
  await sqliteWriteTransaction(conn, () => {
    for (let i = 0; i < ids.length; i++) update.run(counts[i], ids[i]);
  });
}
