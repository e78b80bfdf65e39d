import type { Export } from "@syllabus/prisma-sqlite";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { toExportView } from "./to-export-view";
import type { ExportView, ResolvedExportSpec } from "./types";

export const ZListExports = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  /** id of the last export of the previous page (newest first). */
  before: z.coerce.number().int().positive().optional(),
  /** Also list deleted exports (their lineage stays). Default: yes. */
  deleted: z.enum(["include", "exclude"]).default("include"),
});
export type TListExports = z.input<typeof ZListExports>;

/** Exports newest first with their jobs, creators and dataset names; keyset paging through `nextBefore`. */
export async function listExports(input: TListExports = {}): Promise<{ exports: ExportView[]; nextBefore: number | null }> {
  const q = ZListExports.parse(input);
  const rows = await db().export.findMany({
    where: { ...(q.before !== undefined && { id: { lt: q.before } }), ...(q.deleted === "exclude" && { status: { not: "deleted" } }) },
    orderBy: { id: "desc" },
    take: q.limit + 1,
  });
  const page = rows.slice(0, q.limit);
  return { exports: await toExportViews(page), nextBefore: rows.length > q.limit ? page[page.length - 1].id : null };
}

/** Views of Export rows, with the lookups they need done once for the whole page. */
export async function toExportViews(rows: Export[]): Promise<ExportView[]> {
  const jobIds = rows.map((e) => e.jobId).filter((id): id is number => id !== null);
  const userIds = [...new Set(rows.map((e) => e.createdById).filter((id): id is string => id !== null))];
  const datasetIds = [...new Set(rows.flatMap((e) => (JSON.parse(e.spec) as ResolvedExportSpec).datasetIds))];
  const [jobs, users, datasets] = await Promise.all([
    jobIds.length ? db().job.findMany({ where: { id: { in: jobIds } } }) : [],
    userIds.length ? db().user.findMany({ where: { id: { in: userIds } }, select: { id: true, name: true, email: true } }) : [],
    datasetIds.length ? db().dataset.findMany({ where: { id: { in: datasetIds } }, select: { id: true, name: true } }) : [],
  ]);
  const jobById = new Map(jobs.map((j) => [j.id, j]));
  const userById = new Map(users.map((u) => [u.id, u]));
  const names = new Map(datasets.map((d) => [d.id, d.name]));
  return rows.map((e) => toExportView(e, e.jobId === null ? null : (jobById.get(e.jobId) ?? null), userById, names));
}
