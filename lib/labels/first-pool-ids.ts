import { Prisma } from "@syllabus/prisma-sqlite";
import { db } from "@/lib/db/client";

export type PoolScope = {
  datasetId: number;
  userId: string;
  labelsPerSnippet: number;
  /** Snippet ids to leave out (the client's buffer, saves in flight, picks made earlier in this request). */
  exclude: readonly number[];
};

/** Where to look: from `pivot` upwards, optionally within one LLM score (null: snippets without one). */
export type PoolProbe = { pivot: number; stratum?: number | null };

/**
 * For each probe, the smallest id ≥ pivot in the user's review pool — snippets of the dataset with fewer
 * than labelsPerSnippet labels that the user has neither labeled nor skipped — or null. All probes go in
 * one statement (one scalar subquery each), so a batch of random picks is one round trip.
 *
 * Each probe is an index seek plus a short forward walk, whatever the table size. Without a stratum it
 * becomes one subquery per reviewCount value below labelsPerSnippet, so each is an equality the planner
 * can serve either by walking the primary key from the pivot (what both SQLite and PostgreSQL choose while
 * the pool is dense: a few rows) or by the (datasetId, reviewCount) index, whose entries SQLite orders by
 * rowid within equal keys, making `id >= pivot ORDER BY id LIMIT 1` a seek. With a stratum the
 * (datasetId, llmScore) index plays that role. On PostgreSQL, an index on (datasetId, reviewCount, id)
 * would keep it a seek once most of a dataset is labeled (see the report).
 */
export async function firstPoolIds(scope: PoolScope, probes: readonly PoolProbe[]): Promise<(number | null)[]> {
  if (probes.length === 0) return [];
  const { datasetId, userId, labelsPerSnippet, exclude } = scope;
  const notExcluded = exclude.length ? Prisma.sql`AND s.id NOT IN (${Prisma.join(exclude)})` : Prisma.empty;
  // A correlated LIMIT 1 probe rather than NOT EXISTS: PostgreSQL turns NOT EXISTS into an anti-join that
  // scans every human label of the user before the walk starts; this stays one unique-index lookup per
  // candidate row on both databases.
  const notMine = Prisma.sql`AND (SELECT 1 FROM human_label h WHERE h."snippetId" = s.id AND h."userId" = ${userId} LIMIT 1) IS NULL`;
  const sub = (cond: Prisma.Sql, pivot: number) =>
    Prisma.sql`(SELECT s.id FROM snippet s WHERE s."datasetId" = ${datasetId} AND ${cond} AND s.id >= ${pivot} ${notExcluded} ${notMine} ORDER BY s.id LIMIT 1)`;
  const columns: Prisma.Sql[] = [];
  const owner: number[] = []; // probe index of each column
  probes.forEach((p, i) => {
    let conds: Prisma.Sql[];
    if (p.stratum !== undefined) {
      const score = p.stratum === null ? Prisma.sql`s."llmScore" IS NULL` : Prisma.sql`s."llmScore" = ${p.stratum}`;
      conds = [Prisma.sql`${score} AND s."reviewCount" < ${labelsPerSnippet}`];
    } else if (labelsPerSnippet <= 4) {
      conds = Array.from({ length: labelsPerSnippet }, (_, c) => Prisma.sql`s."reviewCount" = ${c}`);
    } else {
      conds = [Prisma.sql`s."reviewCount" < ${labelsPerSnippet}`];
    }
    for (const cond of conds) {
      columns.push(Prisma.sql`${sub(cond, p.pivot)} AS ${Prisma.raw(`c${columns.length}`)}`);
      owner.push(i);
    }
  });
  // Always hand $queryRaw one finished Prisma.sql: each generated client (SQLite, PostgreSQL) has its own
  // Sql class, and a fragment nested inside the other client's tagged template is bound as a value.
  const [row] = await db().$queryRaw<Record<string, number | bigint | null>[]>(Prisma.sql`SELECT ${Prisma.join(columns)}`);
  const out: (number | null)[] = probes.map(() => null);
  columns.forEach((_, k) => {
    const v = row?.[`c${k}`];
    if (v === null || v === undefined) return;
    const i = owner[k];
    out[i] = out[i] === null ? Number(v) : Math.min(out[i]!, Number(v));
  });
  return out;
}
