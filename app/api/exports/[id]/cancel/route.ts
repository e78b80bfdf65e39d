/** POST /api/exports/:id/cancel → { export: ExportDetail } (admin). A running export stops at its next batch and its temp directory is removed. */
import { cancelExport } from "@/lib/export/cancel-export";
import { route } from "@/lib/http/route";

export const POST = route({ role: "admin" }, async ({ params }) => ({ export: await cancelExport({ exportId: params.id as string }) }));
