/**
 * GET /api/exports/:id/files/<file> (viewer) — streams one file of a finished export: manifest.json,
 *   README.md or a shard (data/train-00000-of-00004.parquet). Only files the export lists are served (404
 *   for anything else: `..`, absolute or encoded paths never reach the file system). Content-Length and
 *   Content-Disposition: attachment; `?inline=1` shows manifest.json / README.md in the browser.
 */
import fs from "node:fs";
import { Readable } from "node:stream";
import { z } from "zod";
import { openExportFile } from "@/lib/export/open-export-file";
import { ZExportId } from "@/lib/export/get-export";
import { route } from "@/lib/http/route";

const ZQuery = z.object({ inline: z.enum(["0", "1"]).optional() });

export const GET = route({ query: ZQuery }, async ({ params, query }) => {
  const { exportId } = ZExportId.parse({ exportId: params.id });
  const segments = Array.isArray(params.path) ? params.path : [String(params.path ?? "")];
  const file = await openExportFile(exportId, segments.join("/"));
  const base = file.name.split("/").pop()!;
  const inline = query.inline === "1" && !file.name.startsWith("data/");
  const stream = Readable.toWeb(fs.createReadStream(file.absPath)) as ReadableStream<Uint8Array>;
  return new Response(stream, {
    headers: {
      "content-type": file.contentType,
      "content-length": String(file.bytes),
      "content-disposition": `${inline ? "inline" : "attachment"}; filename="${base.replace(/[^\w.-]/g, "_")}"`,
      "cache-control": "private, no-store",
      "x-content-type-options": "nosniff",
    },
  });
});
