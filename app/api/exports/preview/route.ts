/**
 * POST /api/exports/preview  body TExportSpec → { preview: ExportPreview }   (viewer; writes nothing)
 *   Rows, bytes and tokens per dataset and language, split, shard estimate, label counts. Tokens are exact
 *   where cached and bytes × tokens/byte elsewhere (`tokensEstimated`, `uncountedRows`).
 */
import { previewExport } from "@/lib/export/preview-export";
import { ZExportSpec } from "@/lib/export/types";
import { route } from "@/lib/http/route";

export const POST = route({ body: ZExportSpec }, async ({ body }) => ({ preview: await previewExport(body) }));
