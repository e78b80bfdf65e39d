import type { Dialect } from "@/lib/db/url";

/**
 * The export contract: a snippet is excluded from exports as contaminated when `snippet.contaminated` is
 * true (the latest decontamination runs found a benchmark match, see run-decontam.ts) and no reviewer
 * kept it with a ContamOverride. Returns that predicate as SQL over the snippet table aliased `alias`, for
 * either database (SQLite stores booleans as 0/1, PostgreSQL as boolean); no parameters, so it fits raw
 * driver SQL as it is and Prisma queries through `Prisma.raw(…)`.
 *
 *   `SELECT … FROM snippet s WHERE … AND NOT (${contaminationExcludedSql("s", dialect())})`
 */
export function contaminationExcludedSql(alias: string, dialect: Dialect): string {
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(alias)) throw new Error(`contaminationExcludedSql: "${alias}" is not a plain SQL alias`);
  const flagged = dialect === "postgres" ? `${alias}."contaminated" = TRUE` : `${alias}."contaminated" = 1`;
  return `(${flagged} AND NOT EXISTS (SELECT 1 FROM contam_override co WHERE co."snippetId" = ${alias}."id"))`;
}
