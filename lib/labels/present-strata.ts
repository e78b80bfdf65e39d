import { Prisma } from "@syllabus/prisma-sqlite";
import { db } from "@/lib/db/client";

export type Stratum = number | null;
export const STRATA: readonly Stratum[] = [0, 1, 2, 3, 4, 5, null];

const TTL_MS = 5 * 60_000;
const cache = ((globalThis as { __syllabusStrata?: Map<number, { strata: Set<Stratum>; at: number }> }).__syllabusStrata ??= new Map());

/**
 * Which LLM scores (null: unscored) occur in a dataset: one LIMIT 1 seek per stratum on the
 * (datasetId, llmScore) index, cached for minutes. The stratified queue skips absent strata, whose
 * probes would otherwise walk the whole table looking for a row that does not exist.
 */
export async function presentStrata(datasetId: number): Promise<Set<Stratum>> {
  const hit = cache.get(datasetId);
  if (hit && Date.now() - hit.at < TTL_MS) return hit.strata;
  const cols = STRATA.map((s, i) => {
    const cond = s === null ? Prisma.sql`"llmScore" IS NULL` : Prisma.sql`"llmScore" = ${s}`;
    return Prisma.sql`(SELECT 1 FROM snippet WHERE "datasetId" = ${datasetId} AND ${cond} LIMIT 1) AS ${Prisma.raw(`s${i}`)}`;
  });
  const [row] = await db().$queryRaw<Record<string, unknown>[]>(Prisma.sql`SELECT ${Prisma.join(cols)}`);
  const strata = new Set(STRATA.filter((_, i) => row?.[`s${i}`] !== null && row?.[`s${i}`] !== undefined));
  if (strata.size) cache.set(datasetId, { strata, at: Date.now() });
  return strata;
}
