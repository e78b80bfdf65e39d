import { Prisma } from "@syllabus/prisma-sqlite";
import { db } from "@/lib/db/client";

type Range = { min: number; max: number };
type Entry = { range: Range | null; at: number };
const TTL_MS = 30_000;
const cache = ((globalThis as { __syllabusPoolRange?: Map<string, Entry> }).__syllabusPoolRange ??= new Map());

/**
 * Smallest and largest id among a dataset's snippets that still need labels (reviewCount below
 * labelsPerSnippet): the range random pivots are drawn from. One MIN and one MAX per reviewCount value,
 * each a single seek on the (datasetId, reviewCount) index (SQLite keeps rowids ordered within equal
 * keys). Cached briefly: a stale range only skews where pivots land, never what is eligible.
 */
export async function poolIdRange(datasetId: number, labelsPerSnippet: number): Promise<Range | null> {
  const key = `${datasetId}:${labelsPerSnippet}`;
  const hit = cache.get(key);
  if (hit && Date.now() - hit.at < TTL_MS) return hit.range;
  const conds =
    labelsPerSnippet <= 4
      ? Array.from({ length: labelsPerSnippet }, (_, c) => Prisma.sql`"reviewCount" = ${c}`)
      : [Prisma.sql`"reviewCount" < ${labelsPerSnippet}`];
  const cols = conds.flatMap((cond, i) => [
    Prisma.sql`(SELECT MIN(id) FROM snippet WHERE "datasetId" = ${datasetId} AND ${cond}) AS ${Prisma.raw(`lo${i}`)}`,
    Prisma.sql`(SELECT MAX(id) FROM snippet WHERE "datasetId" = ${datasetId} AND ${cond}) AS ${Prisma.raw(`hi${i}`)}`,
  ]);
  const [row] = await db().$queryRaw<Record<string, number | bigint | null>[]>(Prisma.sql`SELECT ${Prisma.join(cols)}`);
  const values = (prefix: string) =>
    Object.entries(row ?? {})
      .filter(([k, v]) => k.startsWith(prefix) && v !== null)
      .map(([, v]) => Number(v));
  const lo = values("lo");
  const hi = values("hi");
  const range = lo.length && hi.length ? { min: Math.min(...lo), max: Math.max(...hi) } : null;
  // An empty pool is not cached: an undo or an import may refill it any moment.
  if (range) cache.set(key, { range, at: Date.now() });
  else cache.delete(key);
  return range;
}
