/**
 * GET    /api/exports/:id → { export: ExportDetail }  (viewer) — with shards, manifest and downloadable files
 * DELETE /api/exports/:id → { deleted: true, removedFiles } (admin) — removes the files; the row stays as "deleted".
 *        409 while queued or running (cancel first).
 */
import { deleteExport } from "@/lib/export/delete-export";
import { getExport } from "@/lib/export/get-export";
import { route } from "@/lib/http/route";

export const GET = route({}, async ({ params }) => ({ export: await getExport({ exportId: params.id as string }) }));

export const DELETE = route({ role: "admin" }, async ({ params }) => deleteExport({ exportId: params.id as string }));
