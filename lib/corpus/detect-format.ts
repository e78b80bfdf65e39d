import fs from "node:fs/promises";
import path from "node:path";
import { ImportFatalError } from "./import-errors";
import type { ImportFormat } from "./types";

/**
 * Decides the format from the file's bytes, not only its name: gzip magic (1f 8b) → JSONL.gz, "PAR1" →
 * Parquet, anything else → JSONL (the JSONL reader then rejects binary content). Throws ImportFatalError
 * for an empty file and for a file named *.parquet that is not one.
 */
export async function detectFormat(filePath: string, fileName = path.basename(filePath)): Promise<ImportFormat> {
  const handle = await fs.open(filePath, "r");
  try {
    const { size } = await handle.stat();
    if (size === 0) throw new ImportFatalError("file is empty");
    const head = Buffer.alloc(Math.min(4, size));
    await handle.read(head, 0, head.length, 0);
    if (head.length >= 2 && head[0] === 0x1f && head[1] === 0x8b) return "jsonl.gz";
    if (head.toString("latin1") === "PAR1") return "parquet";
    if (/\.(parquet|pq)$/i.test(fileName)) {
      throw new ImportFatalError(`not a Parquet file: ${fileName} does not start with the PAR1 magic bytes`);
    }
    return "jsonl";
  } finally {
    await handle.close();
  }
}
