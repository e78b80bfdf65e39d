import { Prisma } from "@syllabus/prisma-sqlite";
import { storeTokenCounts } from "@/lib/snippets/count-tokens-missing";
import { countTokensMany } from "@/lib/snippets/count-tokens-pool";
import { describeExportFilter } from "./describe-export-filter";
import { contaminationOverriddenSql, exportFromSql, exportWhereSql, humanVerdictSql, isApprovedSyntheticSql } from "./export-where-sql";
import { validationRows } from "./plan-shards";
import { queryRaw } from "./query-raw";
import { resolveExport } from "./resolve-export";
import type { BreakdownRow, ExportPreview, ResolvedExport, TExportSpec } from "./types";

// Counted rows read to measure tokens per byte, and uncounted rows tokenized when none is counted yet.
const RATIO_SAMPLE = 5_000;
const TOKENIZE_SAMPLE = 200;
const DEFAULT_TOKENS_PER_BYTE = 0.3;

type Group = {
  dataset: string;
  language: string;
  n: number;
  bytes: number;
  tokens: number | null;
  uncounted: number;
  uncountedBytes: number;
  llmNone: number;
  llm0: number;
  llm1: number;
  llm2: number;
  llm3: number;
  llm4: number;
  llm5: number;
  approved: number;
  rejected: number;
  synthetic: number;
  overridden: number;
};

/**
 * What an export would contain, without writing anything: rows, bytes and tokens per dataset and language,
 * the split, a shard estimate and label counts — one aggregate query over the selection. Tokens are exact
 * for rows whose o200k count is cached (Snippet.tokenCount) and estimated for the rest as bytes × a
 * measured tokens/byte ratio (flagged `tokensEstimated`; a token range is then applied to that estimate
 * too). The export job counts the missing ones exactly before it selects, so its manifest is exact.
 * No row-by-row work in JS, so a million-row preview costs one scan.
 */
export async function previewExport(input: TExportSpec): Promise<ExportPreview> {
  const t0 = performance.now();
  const resolved = await resolveExport(input);
  const tokensPerByte = await measureTokensPerByte(resolved);
  const v = (k: number) => Prisma.sql`SUM(CASE WHEN s."llmScore" = ${Prisma.raw(String(k))} THEN 1 ELSE 0 END) AS "llm${Prisma.raw(String(k))}"`;
  const groups = await queryRaw<Group>(Prisma.sql`
    SELECT d.name AS dataset, s.language, COUNT(*) AS n, SUM(s."sizeBytes") AS bytes, SUM(s."tokenCount") AS tokens,
      SUM(CASE WHEN s."tokenCount" IS NULL THEN 1 ELSE 0 END) AS uncounted,
      SUM(CASE WHEN s."tokenCount" IS NULL THEN s."sizeBytes" ELSE 0 END) AS "uncountedBytes",
      SUM(CASE WHEN s."llmScore" IS NULL THEN 1 ELSE 0 END) AS "llmNone", ${v(0)}, ${v(1)}, ${v(2)}, ${v(3)}, ${v(4)}, ${v(5)},
      SUM(CASE WHEN s."reviewCount" > 0 AND ${humanVerdictSql} = 1 THEN 1 ELSE 0 END) AS approved,
      SUM(CASE WHEN s."reviewCount" > 0 AND ${humanVerdictSql} = 0 THEN 1 ELSE 0 END) AS rejected,
      SUM(CASE WHEN ${isApprovedSyntheticSql} THEN 1 ELSE 0 END) AS synthetic,
      SUM(CASE WHEN ${contaminationOverriddenSql} THEN 1 ELSE 0 END) AS overridden
    FROM ${exportFromSql} WHERE ${exportWhereSql(resolved, { mode: "estimate", tokensPerByte })}
    GROUP BY d.name, s.language`);

  const breakdown: BreakdownRow[] = [];
  const labels: ExportPreview["labels"] = { llm: {}, human: { approved: 0, rejected: 0, unlabeled: 0 }, synthetic: 0, contaminatedOverridden: 0 };
  let rows = 0;
  let bytes = 0;
  let tokens = 0;
  let uncountedRows = 0;
  for (const g of groups) {
    const n = Number(g.n);
    const t = Number(g.tokens ?? 0) + Math.round(Number(g.uncountedBytes) * tokensPerByte);
    breakdown.push({ dataset: g.dataset, language: g.language, rows: n, tokens: t, bytes: Number(g.bytes) });
    rows += n;
    bytes += Number(g.bytes);
    tokens += t;
    uncountedRows += Number(g.uncounted);
    const add = (k: string, x: unknown) => {
      if (Number(x)) labels.llm[k] = (labels.llm[k] ?? 0) + Number(x);
    };
    add("none", g.llmNone);
    [g.llm0, g.llm1, g.llm2, g.llm3, g.llm4, g.llm5].forEach((x, k) => add(String(k), x));
    labels.human.approved += Number(g.approved);
    labels.human.rejected += Number(g.rejected);
    labels.synthetic += Number(g.synthetic);
    labels.contaminatedOverridden += Number(g.overridden);
  }
  labels.human.unlabeled = rows - labels.human.approved - labels.human.rejected;
  breakdown.sort((a, b) => a.dataset.localeCompare(b.dataset) || b.rows - a.rows || a.language.localeCompare(b.language));

  const { spec } = resolved;
  const validation = validationRows(rows, spec.split.validationFraction);
  const valBytes = rows ? Math.round((bytes * validation) / rows) : 0;
  const shardsOf = (r: number, b: number) => (r === 0 ? 0 : "rows" in spec.shard ? Math.ceil(r / spec.shard.rows) : Math.max(1, Math.ceil(b / spec.shard.bytes)));
  const train = { rows: rows - validation, bytes: bytes - valBytes, shards: shardsOf(rows - validation, bytes - valBytes) };
  const val = { rows: validation, bytes: valBytes, shards: shardsOf(validation, valBytes) };
  return {
    rows,
    tokens,
    tokensEstimated: uncountedRows > 0,
    uncountedRows,
    tokensPerByte,
    bytes,
    train,
    validation: val,
    shards: train.shards + val.shards,
    byDataset: rollUp(breakdown, "dataset"),
    byLanguage: rollUp(breakdown, "language"),
    breakdown,
    labels,
    model: resolved.model,
    filterSummary: describeExportFilter(spec, resolved.model),
    elapsedMs: Math.round(performance.now() - t0),
  };
}

function rollUp<K extends "dataset" | "language">(rows: BreakdownRow[], key: K): ({ [P in K]: string } & { rows: number; tokens: number; bytes: number })[] {
  const map = new Map<string, { rows: number; tokens: number; bytes: number }>();
  for (const r of rows) {
    const t = map.get(r[key]) ?? { rows: 0, tokens: 0, bytes: 0 };
    t.rows += r.rows;
    t.tokens += r.tokens;
    t.bytes += r.bytes;
    map.set(r[key], t);
  }
  return [...map.entries()].map(([k, t]) => ({ [key]: k, ...t }) as { [P in K]: string } & typeof t).sort((a, b) => b.rows - a.rows);
}

/**
 * Tokens per byte of the chosen datasets, from up to 5,000 already-counted snippets; when none is counted
 * yet, 200 of the selection are tokenized now (and stored, so the next preview is more exact).
 */
async function measureTokensPerByte(resolved: ResolvedExport): Promise<number> {
  const ids = Prisma.join(resolved.datasets.map((d) => d.id));
  const [m] = await queryRaw<{ t: number | null; b: number | null }>(Prisma.sql`
    SELECT SUM(x."tokenCount") AS t, SUM(x."sizeBytes") AS b FROM (
      SELECT s."tokenCount", s."sizeBytes" FROM snippet s WHERE s."datasetId" IN (${ids}) AND s."tokenCount" IS NOT NULL LIMIT ${Prisma.raw(String(RATIO_SAMPLE))}
    ) x`);
  if (m && Number(m.b) > 0) return Number(m.t) / Number(m.b);
  const sample = await queryRaw<{ id: number; content: string; sizeBytes: number }>(
    Prisma.sql`SELECT s.id, s.content, s."sizeBytes" FROM ${exportFromSql} WHERE ${exportWhereSql(resolved, { mode: "ignore" })} ORDER BY s.id LIMIT ${Prisma.raw(String(TOKENIZE_SAMPLE))}`,
  );
  if (sample.length === 0) return DEFAULT_TOKENS_PER_BYTE;
  const counts = await countTokensMany(sample.map((r) => r.content), 1);
  await storeTokenCounts(sample.map((r) => Number(r.id)), counts);
  const b = sample.reduce((a, r) => a + Number(r.sizeBytes), 0);
  return b > 0 ? counts.reduce((a, c) => a + c, 0) / b : DEFAULT_TOKENS_PER_BYTE;
}
