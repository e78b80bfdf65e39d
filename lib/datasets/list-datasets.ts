import { db } from "@/lib/db/client";
import { datasetStats } from "./dataset-stats";
import type { DatasetSummary } from "./types";

/** Every dataset, oldest first, with its statistics (cached per dataset; see dataset-stats.ts). */
export async function listDatasets(): Promise<DatasetSummary[]> {
  const datasets = await db().dataset.findMany({ orderBy: { id: "asc" } });
  const out: DatasetSummary[] = [];
  // One at a time: on SQLite the queries serialize anyway, and a cold list should not pile up work.
  for (const d of datasets) {
    const { allLanguages: _all, ...stats } = await datasetStats({ datasetId: d.id, snippetCount: d.snippetCount });
    out.push({ ...d, createdAt: d.createdAt.toISOString(), updatedAt: d.updatedAt.toISOString(), stats });
  }
  return out;
}
