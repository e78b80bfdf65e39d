import { db } from "@/lib/db/client";
import type { ExportModelRef, ResolvedExport, ResolvedExportSpec } from "./types";

export class DeletedDatasetError extends Error {}

/**
 * The resolved export of a stored Export row: its spec as stored, its datasets as they are now (a deleted
 * dataset is an error: the export cannot be reproduced), its model as recorded at creation.
 */
export async function loadResolvedExport(row: { spec: string; modelId: number | null; modelVersion: number | null; cut: number | null }): Promise<ResolvedExport> {
  const spec = JSON.parse(row.spec) as ResolvedExportSpec;
  const found = await db().dataset.findMany({ where: { id: { in: spec.datasetIds } }, select: { id: true, name: true, kind: true, threshold: true } });
  const missing = spec.datasetIds.filter((id) => !found.some((d) => d.id === id));
  if (missing.length) throw new DeletedDatasetError(`dataset ${missing.join(", ")} of this export was deleted`);
  const model: ExportModelRef | null = row.modelId !== null && row.modelVersion !== null ? { id: row.modelId, version: row.modelVersion, cut: row.cut ?? 0.5 } : null;
  return { spec, datasets: spec.datasetIds.map((id) => found.find((d) => d.id === id)!), model };
}
