import path from "node:path";
import { Prisma } from "@syllabus/prisma-sqlite";
import { db } from "@/lib/db/client";
import { badRequest } from "@/lib/http/errors";
import { enqueueJob } from "@/lib/jobs/enqueue-job";
import type { JobRegistry } from "@/lib/jobs/job-definition";
import { defaultExportDir, outDirProblem } from "./export-paths";
import { exportFromSql, exportWhereSql } from "./export-where-sql";
import { queryRaw } from "./query-raw";
import { resolveExport } from "./resolve-export";
import type { TExportSpec } from "./types";

export const EXPORT_JOB = "export.run";

/**
 * Starts an export: resolves the spec (datasets, model and cut, seed, name), checks that something matches
 * and that the destination is free, then writes the Export row and its `export.run` job in one transaction.
 * `outDir` (CLI only: the web API never lets a caller pick a server path) must be absolute and absent or
 * empty; the default is `<data dir>/exports/<id>-<slug>`. 400 when nothing matches or the directory is taken.
 */
export async function createExport(input: { spec: TExportSpec; outDir?: string; createdById?: string | null }, registry: JobRegistry): Promise<{ id: number; jobId: number; outDir: string }> {
  const resolved = await resolveExport(input.spec);
  const outDir = input.outDir === undefined ? undefined : path.resolve(input.outDir);
  if (outDir !== undefined) {
    const problem = outDirProblem(outDir);
    if (problem) throw badRequest(problem);
  }
  const [any] = await queryRaw<{ one: number }>(Prisma.sql`SELECT 1 AS one FROM ${exportFromSql} WHERE ${exportWhereSql(resolved, { mode: "ignore" })} LIMIT 1`);
  if (!any) throw badRequest("nothing to export: no snippet matches this filter");
  const { spec, model } = resolved;
  return db().$transaction(async (tx) => {
    const row = await tx.export.create({
      data: {
        name: spec.name,
        spec: JSON.stringify(spec),
        format: spec.format,
        seed: spec.seed,
        outDir: outDir ?? "",
        modelId: model?.id ?? null,
        modelVersion: model?.version ?? null,
        cut: model?.cut ?? null,
        createdById: input.createdById ?? null,
      },
    });
    const dir = outDir ?? defaultExportDir(row.id, spec.name);
    if (outDir === undefined) {
      const problem = outDirProblem(dir);
      if (problem) throw badRequest(problem);
    }
    const job = await enqueueJob(tx, { name: EXPORT_JOB, payload: { exportId: row.id } }, registry);
    await tx.export.update({ where: { id: row.id }, data: { jobId: job.id, outDir: dir } });
    return { id: row.id, jobId: job.id, outDir: dir };
  });
}
