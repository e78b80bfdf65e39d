import fs from "node:fs";
import path from "node:path";
import { db } from "@/lib/db/client";
import { notFound } from "@/lib/http/errors";
import { exportFiles } from "./get-export";

export type ExportFile = { absPath: string; name: string; bytes: number; contentType: string };

const TYPES: [string, string][] = [
  [".parquet", "application/vnd.apache.parquet"],
  [".jsonl.gz", "application/gzip"],
  [".json", "application/json; charset=utf-8"],
  [".md", "text/markdown; charset=utf-8"],
];

/**
 * A file of a finished export, for download: `relPath` must be exactly one of the files the export lists
 * (manifest.json, README.md, its recorded shards) — a lookup, never a path join of user input — and the
 * real path on disk must still lie inside the export's directory (no symlink escapes). 404 otherwise.
 */
export async function openExportFile(exportId: number, relPath: string): Promise<ExportFile> {
  const e = await db().export.findUnique({ where: { id: exportId }, select: { status: true, outDir: true } });
  if (!e || e.status !== "succeeded") throw notFound(`export ${exportId} has no files to download`);
  const shards = await db().exportShard.findMany({ where: { exportId }, select: { fileName: true } });
  const name = exportFiles(shards).find((f) => f === relPath);
  if (!name) throw notFound(`export ${exportId} has no file "${relPath}"`);
  let root: string;
  let absPath: string;
  try {
    root = fs.realpathSync(e.outDir);
    absPath = fs.realpathSync(path.join(e.outDir, name));
  } catch {
    throw notFound(`${name} of export ${exportId} is missing on disk`);
  }
  if (!absPath.startsWith(root + path.sep)) throw notFound(`export ${exportId} has no file "${relPath}"`);
  const st = fs.statSync(absPath);
  if (!st.isFile()) throw notFound(`export ${exportId} has no file "${relPath}"`);
  const contentType = TYPES.find(([ext]) => name.endsWith(ext))?.[1] ?? "application/octet-stream";
  return { absPath, name, bytes: st.size, contentType };
}
