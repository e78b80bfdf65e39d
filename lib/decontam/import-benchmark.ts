import path from "node:path";
import { z } from "zod";
import { ImportFatalError } from "@/lib/corpus/import-errors";
import { db } from "@/lib/db/client";
import { badRequest } from "@/lib/http/errors";
import { readBenchmarkFile } from "./read-benchmark-file";
import { refreshContamination } from "./refresh-contamination";
import type { BenchmarkImportReport } from "./types";

export type { BenchmarkImportReport };

export const ZBenchmarkName = z
  .string()
  .trim()
  .min(1, "a benchmark needs a name")
  .max(100, "benchmark names are at most 100 characters")
  .regex(/^[\w.\- ]+$/, "benchmark names use letters, digits, space, . _ -");

/** Default name from the file: `HumanEval.jsonl.gz` → `HumanEval`. */
export function benchmarkNameFromFile(fileName: string): string {
  return path.basename(fileName).replace(/(\.gz)$/i, "").replace(/\.(jsonl|json|ndjson|txt)$/i, "").replace(/[^\w.\- ]/g, "_") || "benchmark";
}

/**
 * Imports a benchmark file (see readBenchmarkFile) as Benchmark + BenchmarkItem rows, in one transaction.
 * Re-importing under an existing name replaces its items idempotently, keyed by task id: unchanged items
 * keep their ids and matches, changed ones are updated and lose their matches (the evidence is stale:
 * re-run the check), task ids absent from the new file are removed. Importing the same file twice changes
 * nothing. Malformed lines are skipped and reported with their line numbers; a file without a single
 * valid item is refused and leaves an existing benchmark untouched.
 */
export async function importBenchmark(input: { filePath: string; fileName?: string; name?: string }): Promise<BenchmarkImportReport> {
  const fileName = path.basename(input.fileName ?? input.filePath);
  const parsedName = ZBenchmarkName.safeParse(input.name ?? benchmarkNameFromFile(fileName));
  if (!parsedName.success) throw badRequest(parsedName.error.issues[0].message);
  const name = parsedName.data;
  let contents;
  try {
    contents = await readBenchmarkFile(input.filePath, fileName);
  } catch (e) {
    if (e instanceof ImportFatalError) throw badRequest(`${fileName}: ${e.message}`);
    throw e;
  }
  if (contents.items.length === 0) {
    const first = contents.errors.slice(0, 3).map((e) => `line ${e.line}: ${e.reason}`).join("; ");
    throw badRequest(`${fileName} has no valid benchmark item${contents.errorCount ? ` (${contents.errorCount} malformed line${contents.errorCount === 1 ? "" : "s"}; ${first})` : ""}`, { errors: contents.errors });
  }

  const result = await db().$transaction(
    async (tx) => {
      const existing = await tx.benchmark.findUnique({ where: { name }, include: { items: true } });
      const benchmark = existing
        ? await tx.benchmark.update({ where: { id: existing.id }, data: { fileName, itemCount: contents.items.length } })
        : await tx.benchmark.create({ data: { name, fileName, itemCount: contents.items.length } });
      const before = new Map((existing?.items ?? []).map((i) => [i.taskId, i]));
      const toCreate = [];
      const changed: { id: number; data: { prompt: string; solution: string; tests: string; entryPoint: string | null } }[] = [];
      let unchanged = 0;
      for (const item of contents.items) {
        const data = { prompt: item.prompt, solution: item.solution, tests: item.tests, entryPoint: item.entryPoint };
        const old = before.get(item.taskId);
        before.delete(item.taskId);
        if (!old) toCreate.push({ benchmarkId: benchmark.id, taskId: item.taskId, ...data });
        else if (old.prompt !== data.prompt || old.solution !== data.solution || old.tests !== data.tests || old.entryPoint !== data.entryPoint) changed.push({ id: old.id, data });
        else unchanged++;
      }
      const removedIds = [...before.values()].map((i) => i.id);
      if (removedIds.length) await tx.benchmarkItem.deleteMany({ where: { id: { in: removedIds } } });
      if (changed.length) {
        await tx.decontamMatch.deleteMany({ where: { benchmarkItemId: { in: changed.map((c) => c.id) } } });
        for (const c of changed) await tx.benchmarkItem.update({ where: { id: c.id }, data: c.data });
      }
      if (toCreate.length) await tx.benchmarkItem.createMany({ data: toCreate });
      const unflaggedSnippets = removedIds.length || changed.length ? await refreshContamination(tx, { flaggedOnly: true }) : 0;
      return { benchmark, inserted: toCreate.length, updated: changed.length, unchanged, removed: removedIds.length, unflaggedSnippets };
    },
    { timeout: 120_000, maxWait: 20_000 },
  );
  const { benchmark, ...counts } = result;
  return {
    benchmark: { id: benchmark.id, name: benchmark.name, fileName: benchmark.fileName, itemCount: benchmark.itemCount },
    format: contents.format,
    lines: contents.lines,
    ...counts,
    errors: contents.errors,
    errorCount: contents.errorCount,
  };
}
