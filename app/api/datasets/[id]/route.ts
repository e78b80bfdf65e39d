/**
 * GET /api/datasets/:id — one dataset with its statistics (role: viewer).
 *   200 { dataset: <same shape as an item of GET /api/datasets> } · 404 { error }
 *
 * PATCH /api/datasets/:id — change settings (role: admin).
 *   body { description?: string (≤ 5000), labelsPerSnippet?: int 1–20, threshold?: int 0–5 } (at least one)
 *   200 { dataset: { id, name, description, labelsPerSnippet, threshold, updatedAt } } · 400 · 403 · 404
 *
 * DELETE /api/datasets/:id?confirm=<dataset name> — delete the dataset, its snippets, LLM and human labels and
 * import runs (role: admin). `confirm` must equal the dataset's name.
 *   200 { deleted: { id, name, snippetsDeleted } } · 400 (confirmation mismatch) · 403 · 404
 */
import { z } from "zod";
import { deleteDataset } from "@/lib/datasets/delete-dataset";
import { getDataset } from "@/lib/datasets/get-dataset";
import { updateDataset, ZUpdateDatasetBody } from "@/lib/datasets/update-dataset";
import { route } from "@/lib/http/route";

export const GET = route({}, async ({ params }) => ({ dataset: await getDataset({ datasetId: String(params.id) }) }));

export const PATCH = route({ role: "admin", body: ZUpdateDatasetBody }, async ({ params, body }) => ({
  dataset: await updateDataset({ datasetId: Number(params.id), patch: body }),
}));

export const DELETE = route({ role: "admin", query: z.object({ confirm: z.string().default("") }) }, async ({ params, query }) => ({
  deleted: await deleteDataset({ datasetId: Number(params.id), confirm: query.confirm }),
}));
