import { z } from "zod";
import { db } from "@/lib/db/client";
import { notFound } from "@/lib/http/errors";
import { datasetStats } from "./dataset-stats";
import type { DatasetSummary } from "./types";

export const ZGetDataset = z.object({ datasetId: z.coerce.number().int().positive() });
export type TGetDataset = z.input<typeof ZGetDataset>;

/** One dataset with its statistics; 404 when it does not exist. */
export async function getDataset(input: TGetDataset): Promise<DatasetSummary> {
  const { datasetId } = ZGetDataset.parse(input);
  const d = await db().dataset.findUnique({ where: { id: datasetId } });
  if (!d) throw notFound(`no dataset with id ${datasetId}`);
  const { allLanguages: _all, ...stats } = await datasetStats({ datasetId: d.id, snippetCount: d.snippetCount });
  return { ...d, createdAt: d.createdAt.toISOString(), updatedAt: d.updatedAt.toISOString(), stats };
}
