import { once } from "node:events";
import zlib from "node:zlib";
import type { ShardFile } from "./shard-file";
import { EXPORT_COLUMNS, type ExportRow } from "./types";

export const GZIP_LEVEL = 6;

/** One JSON object per line, keys in column order (nulls kept, so every line has every column). */
export function rowToJsonLine(row: ExportRow): string {
  const o: Record<string, unknown> = {};
  for (const c of EXPORT_COLUMNS) o[c.name] = row[c.name];
  return JSON.stringify(o) + "\n";
}

/**
 * Writes one JSONL.gz shard from batches of rows: gzip at a fixed level through Node's zlib, whose header
 * carries mtime 0 and no file name, so the same rows give the same bytes.
 */
export async function writeJsonlShard(file: ShardFile, batches: AsyncIterable<ExportRow[]>): Promise<{ rows: number; tokens: number }> {
  const gzip = zlib.createGzip({ level: GZIP_LEVEL });
  gzip.on("data", (chunk: Buffer) => file.write(chunk));
  const ended = once(gzip, "end");
  let rows = 0;
  let tokens = 0;
  try {
    for await (const batch of batches) {
      if (batch.length === 0) continue;
      let text = "";
      for (const row of batch) {
        text += rowToJsonLine(row);
        rows++;
        tokens += row.token_count;
      }
      if (!gzip.write(text)) await once(gzip, "drain");
    }
    gzip.end();
    await ended;
  } catch (e) {
    gzip.destroy();
    throw e;
  }
  return { rows, tokens };
}
