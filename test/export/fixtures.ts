import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import { db } from "@/lib/db/client";

const LANGS = ["python", "python", "python", "javascript", "go"];

/** A dataset of `n` generated snippets with LLM scores 0–5 (every 7th unlabeled), of varied sizes. */
export async function seedExportDataset(name: string, n: number, o: { kind?: string; threshold?: number } = {}): Promise<{ id: number; snippetIds: number[] }> {
  const dataset = await db().dataset.create({ data: { name, kind: o.kind ?? "code", threshold: o.threshold ?? 3, snippetCount: n } });
  const data = Array.from({ length: n }, (_, i) => {
    const body = Array.from({ length: 3 + (i % 17) }, (_, k) => `    total_${k} = helper_${k}(values[${k}]) + ${i * 7 + k}`).join("\n");
    const content = `def ${name.replace(/\W/g, "_")}_${i}(values):\n    """Return the sum number ${i} — ünïcode ✓."""\n${body}\n    return total_0\n`;
    return {
      datasetId: dataset.id,
      contentHash: crypto.createHash("sha256").update(content).digest("hex"),
      content,
      language: LANGS[i % LANGS.length],
      source: `org/repo${i % 5}`,
      path: i % 4 === 0 ? null : `src/file_${i}.py`,
      license: i % 3 === 0 ? "MIT" : null,
      externalId: `ext-${name}-${i}`,
      sizeBytes: Buffer.byteLength(content),
      lineCount: content.split("\n").length,
      llmScore: i % 7 === 6 ? null : i % 6,
    };
  });
  await db().snippet.createMany({ data });
  const ids = (await db().snippet.findMany({ where: { datasetId: dataset.id }, select: { id: true }, orderBy: { id: "asc" } })).map((s) => s.id);
  return { id: dataset.id, snippetIds: ids };
}

export function tempDir(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** Rows of Parquet files read by DuckDB (an independent reader), in file order. */
export async function readParquetWithDuckDb(files: string[]): Promise<Record<string, unknown>[]> {
  const inst = await DuckDBInstance.create(":memory:");
  const c = await inst.connect();
  try {
    const list = files.map((f) => `'${f.replace(/'/g, "''")}'`).join(", ");
    // Files in the order given (their names sort that way), rows in file order.
    const reader = await c.runAndReadAll(`SELECT * FROM read_parquet([${list}], filename = true, file_row_number = true) ORDER BY filename, file_row_number`);
    return reader.getRowObjects().map((r) => {
      const { filename: _f, file_row_number: _n, ...rest } = r as Record<string, unknown>;
      return rest;
    });
  } finally {
    c.closeSync();
  }
}
