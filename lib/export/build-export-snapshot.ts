import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { Prisma } from "@syllabus/prisma-sqlite";
import type { TaskContext } from "@/lib/context";
import { countMissingTokens } from "@/lib/snippets/count-tokens-missing";
import { contaminationOverriddenSql, exportFromSql, exportWhereSql, humanVerdictSql, isApprovedSyntheticSql } from "./export-where-sql";
import { validationRows } from "./plan-shards";
import { queryRaw } from "./query-raw";
import { seededOrder } from "./seeded-rank";
import type { BreakdownRow, LabelCounts, ResolvedExport } from "./types";

const PAGE = 50_000;

/** The export's frozen selection: ids in shuffled order with their content bytes and tokens, and the counts of the manifest. */
export type ExportSnapshot = {
  exportId: number;
  /** Rows: train is [0, n - validation), validation [n - validation, n). */
  n: number;
  validation: number;
  ids: Int32Array;
  sizes: Int32Array;
  tokens: Int32Array;
  labels: LabelCounts;
  breakdown: BreakdownRow[];
  /** Rows counted by the tokenizer while selecting (0 when every count was cached). */
  tokenized: { rows: number; bytes: number; ms: number };
};

type Meta = Omit<ExportSnapshot, "ids" | "sizes" | "tokens"> & { version: 1; orderSha256: string };

const stateDir = (partialDir: string) => path.join(partialDir, ".state");

/**
 * Selects the export's rows once and freezes them: one pass over the selection in id pages reads (id,
 * bytes, cached tokens, labels); the rows without a token count are then counted (in threads, by id, and
 * stored on the snippets); the token range is applied in JS on exact counts; the rows are shuffled by the
 * seeded hash of (seed, id) (the order `ORDER BY randomRankSql(id, seed), id` gives) and the ordered list is
 * written into the export's temp directory. A retried job reads it back, so it writes the same rows in the
 * same order even if labels or imports changed meanwhile.
 */
export async function buildExportSnapshot(o: { exportId: number; resolved: ResolvedExport; partialDir: string }, ctx: TaskContext): Promise<ExportSnapshot> {
  const existing = readExportSnapshot(o.partialDir, o.exportId);
  if (existing) return existing;
  const { resolved } = o;
  const { spec } = resolved;

  // Per candidate row: id, bytes, tokens (-1: not counted), LLM score (-1: none), human verdict (-1 none,
  // 0 rejected, 1 approved), flags (1 approved synthetic, 2 contamination overridden), (dataset, language) group.
  const ids: number[] = [];
  const sizes: number[] = [];
  const tokens: number[] = [];
  const llm: number[] = [];
  const verdicts: number[] = [];
  const flags: number[] = [];
  const groups: number[] = [];
  const groupIndex = new Map<string, number>();
  const groupKeys: { dataset: string; language: string }[] = [];
  const where = exportWhereSql(resolved, { mode: "ignore" });
  let after = 0;
  await ctx.reportProgress(0, 0, "selecting snippets");
  for (;;) {
    ctx.signal.throwIfAborted();
    const page = await queryRaw<{ id: number; sizeBytes: number; tokenCount: number | null; llmScore: number | null; dataset: string; language: string; synthetic: number; overridden: number; verdict: number | null }>(Prisma.sql`
      SELECT s.id, s."sizeBytes", s."tokenCount", s."llmScore", d.name AS dataset, s.language,
        CASE WHEN ${isApprovedSyntheticSql} THEN 1 ELSE 0 END AS synthetic,
        CASE WHEN ${contaminationOverriddenSql} THEN 1 ELSE 0 END AS overridden,
        CASE WHEN s."reviewCount" > 0 THEN ${humanVerdictSql} END AS verdict
      FROM ${exportFromSql} WHERE ${where} AND s.id > ${after} ORDER BY s.id LIMIT ${Prisma.raw(String(PAGE))}`);
    for (const r of page) {
      ids.push(Number(r.id));
      sizes.push(Number(r.sizeBytes));
      tokens.push(r.tokenCount === null ? -1 : Number(r.tokenCount));
      llm.push(r.llmScore === null ? -1 : Number(r.llmScore));
      verdicts.push(r.verdict === null ? -1 : Number(r.verdict));
      flags.push((Number(r.synthetic) ? 1 : 0) | (Number(r.overridden) ? 2 : 0));
      const key = `${r.dataset}\u0000${r.language}`;
      let g = groupIndex.get(key);
      if (g === undefined) {
        g = groupKeys.push({ dataset: r.dataset, language: r.language }) - 1;
        groupIndex.set(key, g);
      }
      groups.push(g);
    }
    await ctx.heartbeat();
    await ctx.reportProgress(0, 0, `selected ${ids.length.toLocaleString("en-US")} snippets`);
    if (page.length < PAGE) break;
    after = Number(page[page.length - 1].id);
  }

  const missing = ids.filter((_, i) => tokens[i] < 0);
  let tokenized: ExportSnapshot["tokenized"] = { rows: 0, bytes: 0, ms: 0 };
  if (missing.length) {
    const counted = await countMissingTokens(
      { ids: missing, onPage: (done, total) => ctx.reportProgress(0, 0, `counted tokens of ${done.toLocaleString("en-US")} / ${total.toLocaleString("en-US")} snippets`) },
      ctx,
    );
    ids.forEach((id, i) => {
      if (tokens[i] < 0) tokens[i] = counted.counts.get(id) ?? 0;
    });
    tokenized = { rows: counted.counted, bytes: counted.bytes, ms: Math.round(counted.ms) };
    ctx.log(`counted tokens of ${counted.counted.toLocaleString("en-US")} snippets in ${(counted.ms / 1000).toFixed(1)} s`);
  }

  // The token range on exact counts, then the counts of the manifest over the rows that stay.
  const keep: number[] = [];
  for (let i = 0; i < ids.length; i++) {
    if (spec.minTokens !== undefined && tokens[i] < spec.minTokens) continue;
    if (spec.maxTokens !== undefined && tokens[i] > spec.maxTokens) continue;
    keep.push(i);
  }
  const labels: LabelCounts = { llm: {}, human: { approved: 0, rejected: 0, unlabeled: 0 }, synthetic: 0, contaminatedOverridden: 0 };
  const breakdown: BreakdownRow[] = groupKeys.map((k) => ({ ...k, rows: 0, tokens: 0, bytes: 0 }));
  for (const i of keep) {
    const k = llm[i] < 0 ? "none" : String(llm[i]);
    labels.llm[k] = (labels.llm[k] ?? 0) + 1;
    if (verdicts[i] === 1) labels.human.approved++;
    else if (verdicts[i] === 0) labels.human.rejected++;
    else labels.human.unlabeled++;
    if (flags[i] & 1) labels.synthetic++;
    if (flags[i] & 2) labels.contaminatedOverridden++;
    const b = breakdown[groups[i]];
    b.rows++;
    b.tokens += tokens[i];
    b.bytes += sizes[i];
  }

  const n = keep.length;
  const idArr = Int32Array.from(keep, (i) => ids[i]);
  const order = seededOrder(idArr, spec.seed);
  const snapshot: ExportSnapshot = {
    exportId: o.exportId,
    n,
    validation: validationRows(n, spec.split.validationFraction),
    ids: new Int32Array(n),
    sizes: new Int32Array(n),
    tokens: new Int32Array(n),
    labels,
    breakdown: breakdown.filter((b) => b.rows > 0).sort((a, b) => a.dataset.localeCompare(b.dataset) || b.rows - a.rows || a.language.localeCompare(b.language)),
    tokenized,
  };
  for (let i = 0; i < n; i++) {
    const j = keep[order[i]];
    snapshot.ids[i] = ids[j];
    snapshot.sizes[i] = sizes[j];
    snapshot.tokens[i] = tokens[j];
  }
  writeExportSnapshot(o.partialDir, snapshot);
  return snapshot;
}

/** Writes the snapshot atomically: order.bin first, then snapshot.json (with order.bin's sha256) by rename. */
function writeExportSnapshot(partialDir: string, s: ExportSnapshot): void {
  const dir = stateDir(partialDir);
  fs.mkdirSync(dir, { recursive: true });
  const bin = Buffer.concat([Buffer.from(s.ids.buffer), Buffer.from(s.sizes.buffer), Buffer.from(s.tokens.buffer)]);
  fs.writeFileSync(path.join(dir, "order.bin"), bin);
  const meta: Meta = {
    version: 1,
    exportId: s.exportId,
    n: s.n,
    validation: s.validation,
    labels: s.labels,
    breakdown: s.breakdown,
    tokenized: s.tokenized,
    orderSha256: crypto.createHash("sha256").update(bin).digest("hex"),
  };
  const temp = path.join(dir, "snapshot.json.tmp");
  fs.writeFileSync(temp, JSON.stringify(meta));
  fs.renameSync(temp, path.join(dir, "snapshot.json"));
}

/** The snapshot a previous attempt wrote, or null when there is none (or it is not intact). */
export function readExportSnapshot(partialDir: string, exportId: number): ExportSnapshot | null {
  const dir = stateDir(partialDir);
  let meta: Meta;
  let bin: Buffer;
  try {
    meta = JSON.parse(fs.readFileSync(path.join(dir, "snapshot.json"), "utf8")) as Meta;
    bin = fs.readFileSync(path.join(dir, "order.bin"));
  } catch {
    return null;
  }
  if (meta.version !== 1 || meta.exportId !== exportId || bin.byteLength !== meta.n * 12) return null;
  if (crypto.createHash("sha256").update(bin).digest("hex") !== meta.orderSha256) return null;
  const copy = new Uint8Array(bin).slice().buffer;
  return {
    exportId,
    n: meta.n,
    validation: meta.validation,
    ids: new Int32Array(copy, 0, meta.n),
    sizes: new Int32Array(copy, meta.n * 4, meta.n),
    tokens: new Int32Array(copy, meta.n * 8, meta.n),
    labels: meta.labels,
    breakdown: meta.breakdown,
    tokenized: meta.tokenized,
  };
}

/** Removes the snapshot (before the directory is renamed into place). */
export function removeExportSnapshot(partialDir: string): void {
  fs.rmSync(stateDir(partialDir), { recursive: true, force: true });
}
