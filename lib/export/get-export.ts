import { z } from "zod";
import { db } from "@/lib/db/client";
import { notFound } from "@/lib/http/errors";
import { toExportViews } from "./list-exports";
import type { ExportDetail, ExportManifest, ExportSplit } from "./types";

export const ZExportId = z.object({ exportId: z.coerce.number().int().positive() });

/**
 * One export with its shards (those finished so far while it runs) and, once it succeeded, its manifest
 * and the files that can be downloaded (manifest.json, README.md and every shard).
 */
export async function getExport(input: z.input<typeof ZExportId>): Promise<ExportDetail> {
  const { exportId } = ZExportId.parse(input);
  const row = await db().export.findUnique({ where: { id: exportId } });
  if (!row) throw notFound(`no export with id ${exportId}`);
  const [view] = await toExportViews([row]);
  const shards = await db().exportShard.findMany({ where: { exportId }, orderBy: [{ split: "asc" }, { index: "asc" }] });
  const manifest = row.manifest ? (JSON.parse(row.manifest) as ExportManifest) : null;
  const files = row.status === "succeeded" ? exportFiles(shards) : [];
  return {
    ...view,
    shards: shards.map((s) => ({ split: s.split as ExportSplit, index: s.index, fileName: s.fileName, rows: s.rows, tokens: Number(s.tokens), bytes: Number(s.bytes), sha256: s.sha256 })),
    manifest,
    files,
  };
}

/** The only files an export serves: its manifest, its card and its recorded shards. */
export function exportFiles(shards: { fileName: string }[]): string[] {
  return ["manifest.json", "README.md", ...shards.map((s) => s.fileName)];
}
