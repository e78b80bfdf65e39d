import { z } from "zod";
import { db } from "@/lib/db/client";
import { notFound } from "@/lib/http/errors";
import { datasetStats } from "./dataset-stats";
import type { LanguageCount } from "./types";

export const ZListDatasetLanguages = z.object({ datasetId: z.coerce.number().int().positive() });
export type TListDatasetLanguages = z.input<typeof ZListDatasetLanguages>;

/** Every language of a dataset with its snippet count, largest first (the language filter's options). */
export async function listDatasetLanguages(input: TListDatasetLanguages): Promise<LanguageCount[]> {
  const { datasetId } = ZListDatasetLanguages.parse(input);
  const d = await db().dataset.findUnique({ where: { id: datasetId }, select: { id: true, snippetCount: true } });
  if (!d) throw notFound(`no dataset with id ${datasetId}`);
  // Same GROUP BY as the statistics, so it shares their cache.
  return (await datasetStats({ datasetId: d.id, snippetCount: d.snippetCount })).allLanguages;
}
