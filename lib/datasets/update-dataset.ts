import { z } from "zod";
import { db } from "@/lib/db/client";
import { notFound } from "@/lib/http/errors";

/** Settings an admin may change; every field optional, at least one present. Shared by the route and the form. */
export const ZUpdateDatasetBody = z
  .object({
    description: z.string().trim().max(5000).optional(),
    labelsPerSnippet: z.number().int().min(1, "labels per snippet must be at least 1").max(20).optional(),
    threshold: z.number().int().min(0).max(5).optional(),
  })
  .strict()
  .refine((b) => Object.values(b).some((v) => v !== undefined), { message: "nothing to update" });
export type TUpdateDatasetBody = z.infer<typeof ZUpdateDatasetBody>;

export const ZUpdateDataset = z.object({ datasetId: z.number().int().positive(), patch: ZUpdateDatasetBody });
export type TUpdateDataset = z.input<typeof ZUpdateDataset>;

export async function updateDataset(input: TUpdateDataset) {
  const { datasetId, patch } = ZUpdateDataset.parse(input);
  const { count } = await db().dataset.updateMany({ where: { id: datasetId }, data: patch });
  if (count === 0) throw notFound(`no dataset with id ${datasetId}`);
  const d = await db().dataset.findUniqueOrThrow({ where: { id: datasetId } });
  return { id: d.id, name: d.name, description: d.description, labelsPerSnippet: d.labelsPerSnippet, threshold: d.threshold, updatedAt: d.updatedAt.toISOString() };
}
