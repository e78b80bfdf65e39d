import { Prisma } from "@syllabus/prisma-sqlite";
import type { CampaignFilter } from "./campaign-filter";

export type SelectionInput = { datasetId: number; filter: CampaignFilter; model: string; promptVersion: string };

/**
 * A pseudo-random rank of a snippet id for a seed: multiply, xor-shift, multiply, modulo a prime below
 * 2^32. Plain integer arithmetic that SQLite and PostgreSQL evaluate identically (every intermediate stays
 * below 2^63; xor is written as (a|b)-(a&b) because SQLite has no xor operator), so a seeded sample is the
 * same on both databases and on every run. Never ORDER BY RANDOM(): the sample must be reproducible.
 */
export function randomRankSql(idColumn: Prisma.Sql, seed: number): Prisma.Sql {
  if (!Number.isInteger(seed) || seed < 0 || seed > 2 ** 31) throw new Error(`invalid seed ${seed}`);
  const x = Prisma.sql`((${idColumn} * 2654435761 + ${Prisma.raw(String(seed))}) % 4294967291)`;
  return Prisma.sql`((((${x} | (${x} >> 13)) - (${x} & (${x} >> 13))) * 1597334677) % 4294967291)`;
}

/**
 * The campaign selection as SQL over `snippet s`: the WHERE condition, the ORDER BY and the LIMIT (empty
 * without a limit). Materialization, estimates and counts all use it, so they agree on what is selected.
 */
export function selectionSql({ datasetId, filter, model, promptVersion }: SelectionInput) {
  const conditions: Prisma.Sql[] = [
    Prisma.sql`s."datasetId" = ${datasetId}`,
    Prisma.sql`NOT EXISTS (SELECT 1 FROM llm_label l WHERE l."snippetId" = s.id AND l.model = ${model} AND l."promptVersion" = ${promptVersion})`,
  ];
  if (filter.language) conditions.push(Prisma.sql`s.language = ${filter.language}`);
  if (filter.scope === "unlabeled") conditions.push(Prisma.sql`NOT EXISTS (SELECT 1 FROM llm_label u WHERE u."snippetId" = s.id)`);
  const where = Prisma.join(conditions, " AND ");
  const order =
    filter.sample === "random" ? Prisma.sql`${randomRankSql(Prisma.sql`s.id`, filter.seed ?? 1)}, s.id` : Prisma.sql`s.id`;
  const limit = filter.limit ? Prisma.sql`LIMIT ${Prisma.raw(String(filter.limit))}` : Prisma.empty;
  return { where, order, limit };
}

/** Snippets of the dataset (and language) that already carry a label for this model and prompt version. */
export function alreadyLabeledSql({ datasetId, filter, model, promptVersion }: SelectionInput): Prisma.Sql {
  return Prisma.sql`
    SELECT COUNT(*) AS n FROM llm_label l JOIN snippet s ON s.id = l."snippetId"
    WHERE s."datasetId" = ${datasetId} AND l.model = ${model} AND l."promptVersion" = ${promptVersion}
      ${filter.language ? Prisma.sql`AND s.language = ${filter.language}` : Prisma.empty}`;
}
