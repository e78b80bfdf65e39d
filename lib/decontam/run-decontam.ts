import type { TaskContext } from "@/lib/context";
import { db } from "@/lib/db/client";
import { JobCancelledError, LeaseLostError } from "@/lib/jobs/abort-reasons";
import { empty, join, num, sql } from "@/lib/snippets/sql";
import { buildBenchmarkIndex } from "./build-benchmark-index";
import { createSnippetScanner } from "./create-snippet-scanner";
import { DECONTAM_DEFAULTS, MAX_EVIDENCE_CHARS } from "./defaults";
import { readSnippetPage } from "./read-snippet-page";
import { refreshContamination } from "./refresh-contamination";
import { writeDecontamMatches, type MatchRow } from "./write-decontam-matches";

export type RunDecontamOptions = {
  runId: number;
  minShared?: number;
  minSubstringChars?: number;
  /** Snippets read, scanned and written per transaction (default 2,000). */
  pageSize?: number;
};

export type RunDecontamResult = {
  status: "succeeded" | "failed" | "cancelled" | "interrupted" | "gone";
  total: number;
  flagged: number;
  matches: number;
  /** Milliseconds: building the index, reading pages, scanning, writing matches, the final flag update. */
  timings: { index: number; read: number; scan: number; write: number; finish: number };
};

/**
 * The `decontam.run` job: checks the run's snippets (one dataset, or all) against its benchmarks' items
 * (all benchmarks when none were chosen). The benchmark n-grams are indexed once in memory (see
 * buildBenchmarkIndex); snippets stream through in id-ordered keyset pages, so a million snippets take
 * bounded memory; each page's matches and the run's progress commit together.
 *
 * When every page is done, one transaction marks the run succeeded, deletes older runs' matches that this
 * run supersedes (same benchmark items, snippets in this scope) and recomputes `snippet.contaminated` for
 * the scope from the current matches: set where a match exists, cleared where none is left. Older matches
 * against benchmarks this run did not check stay, so a run against one new benchmark does not unflag what
 * another benchmark found.
 *
 * Idempotent: every attempt first deletes the run's own matches and starts over (a rerun of the same run
 * replaces its matches); matches of a run that is not succeeded never count as current. Cancel: the run
 * becomes cancelled and its partial matches go.
 */
export async function runDecontam(opts: RunDecontamOptions, ctx: TaskContext): Promise<RunDecontamResult> {
  const { runId } = opts;
  const timings = { index: 0, read: 0, scan: 0, write: 0, finish: 0 };
  const run = await db().decontamRun.findUnique({ where: { id: runId } });
  if (!run) return { status: "gone", total: 0, flagged: 0, matches: 0, timings };
  if (run.status === "succeeded" || run.status === "cancelled") return { status: run.status, total: run.total, flagged: run.flagged, matches: 0, timings };
  const benchmarkIds = parseIds(run.benchmarkIds);
  await db().decontamRun.update({ where: { id: runId }, data: { status: "running", error: null, done: 0, flagged: 0, finishedAt: null } });
  await db().decontamMatch.deleteMany({ where: { runId } });

  try {
    let t = performance.now();
    const items = await db().benchmarkItem.findMany({
      where: benchmarkIds.length ? { benchmarkId: { in: benchmarkIds } } : {},
      select: { id: true, benchmarkId: true, taskId: true, prompt: true, solution: true },
      orderBy: { id: "asc" },
    });
    if (items.length === 0) {
      const error = "no benchmark items to check against (the benchmarks were deleted?): import one and start a new check";
      await db().decontamRun.update({ where: { id: runId }, data: { status: "failed", error, finishedAt: new Date() } });
      ctx.log(error, "error");
      return { status: "failed", total: 0, flagged: 0, matches: 0, timings };
    }
    const index = buildBenchmarkIndex(items, { ngram: run.ngram, minSubstringChars: opts.minSubstringChars ?? DECONTAM_DEFAULTS.minSubstringChars });
    const scanner = createSnippetScanner(index, { minShared: opts.minShared ?? DECONTAM_DEFAULTS.minShared });
    timings.index = performance.now() - t;
    const checkedBenchmarks = [...new Set(items.map((i) => i.benchmarkId))];
    ctx.log(
      `${items.length} benchmark items: ${index.gramCount.toLocaleString("en-US")} distinct ${run.ngram}-grams (${index.droppedGrams} dropped as in more than ${index.maxItemsPerNgram} items), ` +
        `${index.patternCount} substring patterns of ≥ ${index.minSubstringChars} characters; index ${(index.bytes / 1e6).toFixed(1)} MB`,
    );

    const [{ n }] = await db().$queryRaw<{ n: unknown }[]>(run.datasetId === null ? sql`SELECT COUNT(*) AS n FROM snippet` : sql`SELECT COUNT(*) AS n FROM snippet WHERE "datasetId" = ${run.datasetId}`);
    const total = num(n);
    await db().decontamRun.update({ where: { id: runId }, data: { total } });
    await ctx.reportProgress(0, total, "checking snippets");

    const pageSize = opts.pageSize ?? 2_000;
    let after = 0;
    let done = 0;
    let flagged = 0;
    let matches = 0;
    for (;;) {
      if (ctx.signal.aborted) return await settleAbort(runId, ctx.signal.reason, { total, flagged, matches, timings });
      t = performance.now();
      const page = await readSnippetPage({ after, datasetId: run.datasetId, limit: pageSize });
      timings.read += performance.now() - t;
      if (page.length === 0) break;
      t = performance.now();
      const rows: MatchRow[] = [];
      for (const s of page) {
        const found = scanner.scan(s.content);
        if (found.length === 0) continue;
        flagged++;
        for (const m of found) {
          rows.push({
            snippetId: s.id,
            benchmarkItemId: index.items[m.item].id,
            method: m.method,
            shared: m.shared,
            overlap: m.overlap,
            evidence: s.content.slice(m.start, Math.min(m.end, m.start + MAX_EVIDENCE_CHARS)),
          });
        }
      }
      timings.scan += performance.now() - t;
      done += page.length;
      matches += rows.length;
      after = page[page.length - 1].id;
      t = performance.now();
      await writeDecontamMatches(runId, rows, { done, flagged });
      timings.write += performance.now() - t;
      await ctx.reportProgress(done, Math.max(total, done), `${done.toLocaleString("en-US")} snippets checked, ${flagged.toLocaleString("en-US")} flagged`);
      if (page.length < pageSize) break;
    }

    t = performance.now();
    const finished = await db().$transaction(
      async (tx) => {
        const marked = await tx.decontamRun.updateMany({ where: { id: runId, status: "running" }, data: { status: "succeeded", done, flagged, total: Math.max(total, done), finishedAt: new Date() } });
        if (marked.count === 0) return false;
        const inScope = run.datasetId === null ? empty : sql`AND "snippetId" IN (SELECT id FROM snippet WHERE "datasetId" = ${run.datasetId})`;
        const superseded = await tx.$executeRaw(sql`
          DELETE FROM decontam_match WHERE "runId" < ${runId}
            AND "benchmarkItemId" IN (SELECT id FROM benchmark_item WHERE "benchmarkId" IN (${join(checkedBenchmarks)})) ${inScope}`);
        const changed = await refreshContamination(tx, { datasetId: run.datasetId });
        ctx.log(`${superseded} older matches superseded; contamination flag changed on ${changed} snippets`);
        return true;
      },
      { timeout: 600_000, maxWait: 30_000 },
    );
    timings.finish = performance.now() - t;
    if (!finished) return { status: "interrupted", total, flagged, matches, timings };
    await ctx.reportProgress(done, Math.max(total, done), `${flagged.toLocaleString("en-US")} of ${done.toLocaleString("en-US")} snippets flagged`);
    ctx.log(`${done} snippets checked, ${flagged} flagged, ${matches} matches`);
    return { status: "succeeded", total: Math.max(total, done), flagged, matches, timings };
  } catch (e) {
    if (ctx.signal.aborted) return settleAbort(runId, ctx.signal.reason, { total: run.total, flagged: 0, matches: 0, timings });
    const job = run.jobId === null ? null : await db().job.findUnique({ where: { id: run.jobId }, select: { maxAttempts: true } });
    const last = !job || ctx.attempt >= job.maxAttempts;
    const message = e instanceof Error ? e.message : String(e);
    // Another attempt follows unless this was the last: the run waits for it as queued, with the error shown.
    await db().decontamRun.updateMany({ where: { id: runId, status: "running" }, data: { status: last ? "failed" : "queued", error: message, finishedAt: last ? new Date() : null } });
    await db().decontamMatch.deleteMany({ where: { runId } });
    throw e;
  }
}

async function settleAbort(runId: number, reason: unknown, r: Omit<RunDecontamResult, "status">): Promise<RunDecontamResult> {
  if (reason instanceof LeaseLostError) return { ...r, status: "interrupted" };
  if (reason instanceof JobCancelledError) {
    await db().decontamRun.updateMany({ where: { id: runId, status: { in: ["queued", "running"] } }, data: { status: "cancelled", finishedAt: new Date() } });
    await db().decontamMatch.deleteMany({ where: { runId } });
    return { ...r, status: "cancelled" };
  }
  // Worker shutdown: the job goes back to the queue and the next attempt starts the run over.
  await db().decontamRun.updateMany({ where: { id: runId, status: "running" }, data: { status: "queued" } });
  return { ...r, status: "interrupted" };
}

function parseIds(json: string): number[] {
  try {
    const v = JSON.parse(json);
    return Array.isArray(v) ? v.filter((x): x is number => Number.isInteger(x)) : [];
  } catch {
    return [];
  }
}
