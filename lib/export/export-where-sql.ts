import { Prisma } from "@syllabus/prisma-sqlite";
import { dialect } from "@/lib/db/client";
import { contaminationExcludedSql } from "@/lib/decontam/contamination-sql";
import type { ResolvedExport } from "./types";

/**
 * How the token range is applied in SQL: on cached counts, or bytes × tokens/byte where none is cached (the
 * preview), or not at all (the job, which counts what is missing and applies the range on exact counts).
 */
export type TokenRangeMode = { mode: "estimate"; tokensPerByte: number } | { mode: "ignore" };

/**
 * The median human score of snippet `s` against its dataset's threshold (`d` = its dataset): 1 when the
 * median of its labeled (not skipped) scores is ≥ the threshold, 0 when below, NULL without human scores.
 * The rule is training's and the audits' (lib/audits/high-median-sql.ts): an even count takes the mean of
 * the two middle scores rounded down, decided here without ranking. An "agree" label stores the LLM score
 * the annotator saw, so agreeing with a high LLM score approves.
 */
export const humanVerdictSql = Prisma.sql`(
  SELECT CASE WHEN COUNT(*) = 0 THEN NULL
              WHEN 2 * SUM(CASE WHEN h.score >= d.threshold THEN 1 ELSE 0 END) > COUNT(*) THEN 1
              WHEN 2 * SUM(CASE WHEN h.score >= d.threshold THEN 1 ELSE 0 END) = COUNT(*)
                   AND MAX(CASE WHEN h.score < d.threshold THEN h.score END) + MIN(CASE WHEN h.score >= d.threshold THEN h.score END) >= 2 * d.threshold THEN 1
              ELSE 0 END
  FROM human_label h WHERE h."snippetId" = s.id AND h.status = 'labeled' AND h.score IS NOT NULL)`;

/** Contaminated and not overridden (the decontamination module's contract): excluded from exports by default. */
export function contaminatedSql(): Prisma.Sql {
  return Prisma.raw(contaminationExcludedSql("s", dialect()));
}

/**
 * Rows flagged as contaminated that a reviewer kept (for the label counts). TRUE is a literal: the raw
 * SQLite driver cannot bind booleans, and both databases read TRUE.
 */
export const contaminationOverriddenSql = Prisma.sql`(s."contaminated" = TRUE AND EXISTS (SELECT 1 FROM contam_override co WHERE co."snippetId" = s.id))`;

export const isSyntheticSql = Prisma.sql`EXISTS (SELECT 1 FROM synthetic_item si WHERE si."snippetId" = s.id)`;
export const isApprovedSyntheticSql = Prisma.sql`EXISTS (SELECT 1 FROM synthetic_item si WHERE si."snippetId" = s.id AND si."reviewStatus" = 'approved')`;

/**
 * The WHERE condition of an export's selection over `snippet s JOIN dataset d ON d.id = s."datasetId"`.
 * One function for the preview, the job's token counting and its snapshot, so they select the same rows.
 *
 * - Quality filter (non-synthetic snippets): the model's own probability in snippet_score ≥ cut (not
 *   classifierProb: the active model may change), the latest LLM score ≥ k, human-approved, or none.
 * - Synthetic items (snippets with a synthetic_item row) are left out, or with includeSynthetic only the
 *   approved ones are in: a reviewer's approval is their quality filter. Pending and rejected never.
 * - Exclusions apply to everything: human-rejected, contaminated without an override, near-duplicates,
 *   languages, token range (see TokenRangeMode).
 */
export function exportWhereSql({ spec, datasets }: ResolvedExport, tokens: TokenRangeMode): Prisma.Sql {
  const f = spec.filter;
  const conditions: Prisma.Sql[] = [Prisma.sql`s."datasetId" IN (${Prisma.join(datasets.map((d) => d.id))})`];
  if (spec.languages.length) conditions.push(Prisma.sql`s.language IN (${Prisma.join(spec.languages)})`);

  const quality =
    f.mode === "model"
      ? Prisma.sql`EXISTS (SELECT 1 FROM snippet_score sc WHERE sc."snippetId" = s.id AND sc."modelId" = ${f.modelId!} AND sc.probability >= ${f.cut!})`
      : f.mode === "llm"
        ? Prisma.sql`s."llmScore" >= ${f.minLlmScore}`
        : f.mode === "human"
          ? Prisma.sql`(s."reviewCount" > 0 AND ${humanVerdictSql} = 1)`
          : null;
  const organic = quality ? Prisma.sql`(NOT ${isSyntheticSql} AND ${quality})` : Prisma.sql`NOT ${isSyntheticSql}`;
  conditions.push(spec.includeSynthetic ? Prisma.sql`(${organic} OR ${isApprovedSyntheticSql})` : organic);

  if (spec.excludeHumanRejected) conditions.push(Prisma.sql`NOT (s."reviewCount" > 0 AND COALESCE(${humanVerdictSql}, 1) = 0)`);
  if (spec.excludeContaminated) conditions.push(Prisma.sql`NOT ${contaminatedSql()}`);
  if (spec.excludeNearDuplicates) conditions.push(Prisma.sql`s."nearDupOf" IS NULL`);

  if (tokens.mode === "estimate" && (spec.minTokens !== undefined || spec.maxTokens !== undefined)) {
    const t = Prisma.sql`COALESCE(s."tokenCount", s."sizeBytes" * CAST(${tokens.tokensPerByte} AS DOUBLE PRECISION))`;
    if (spec.minTokens !== undefined) conditions.push(Prisma.sql`${t} >= ${spec.minTokens}`);
    if (spec.maxTokens !== undefined) conditions.push(Prisma.sql`${t} <= ${spec.maxTokens}`);
  }
  return Prisma.join(conditions, " AND ");
}

/** The FROM clause every export query uses with exportWhereSql. */
export const exportFromSql = Prisma.sql`snippet s JOIN dataset d ON d.id = s."datasetId"`;
