import crypto from "node:crypto";
import fs from "node:fs";
import readline from "node:readline";
import type Database from "better-sqlite3";

/**
 * The floor to compare our importer with: readline, JSON.parse, sha256 and one prepared INSERT per row in
 * transactions of `batchSize`, writing the same snippet columns into the same schema. No per-line error
 * reports, line-size limit, UTF-8 validation, resume checkpoints, progress or LLM label rows.
 */
export async function rawBaselineImport(conn: Database.Database, filePath: string, batchSize: number): Promise<{ records: number; inserted: number }> {
  const now = new Date().toISOString();
  const datasetId = Number(conn.prepare(`INSERT INTO dataset ("name", "updatedAt") VALUES ('bench-raw', ?)`).run(now).lastInsertRowid);
  const insert = conn.prepare(
    `INSERT INTO snippet ("datasetId", "contentHash", "content", "language", "source", "path", "license", "externalId", "sizeBytes", "lineCount", "meta", "llmScore", "createdAt")
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT ("datasetId", "contentHash") DO NOTHING`,
  );
  const known = new Set(["content", "lang", "max_stars_repo_name", "max_stars_repo_path", "max_stars_repo_licenses", "hexsha", "llm_score", "llm_rationale", "llm_model", "prompt_version"]);
  let batch: unknown[][] = [];
  let records = 0;
  let inserted = 0;
  const flush = conn.transaction((rows: unknown[][]) => {
    for (const r of rows) inserted += insert.run(...r).changes;
  });
  const lines = readline.createInterface({ input: fs.createReadStream(filePath), crlfDelay: Infinity });
  for await (const line of lines) {
    if (!line) continue;
    const o = JSON.parse(line) as Record<string, unknown>;
    const content = o.content as string;
    const meta: Record<string, unknown> = {};
    for (const k in o) if (!known.has(k)) meta[k] = o[k];
    batch.push([
      datasetId,
      crypto.createHash("sha256").update(content).digest("hex"),
      content,
      String(o.lang ?? "unknown").toLowerCase(),
      o.max_stars_repo_name ?? null,
      o.max_stars_repo_path ?? null,
      Array.isArray(o.max_stars_repo_licenses) ? o.max_stars_repo_licenses.join(", ") : null,
      o.hexsha ?? null,
      Buffer.byteLength(content),
      content.split("\n").length,
      JSON.stringify(meta),
      typeof o.llm_score === "number" ? o.llm_score : null,
      now,
    ]);
    records++;
    if (batch.length >= batchSize) {
      flush(batch);
      batch = [];
    }
  }
  flush(batch);
  return { records, inserted };
}
