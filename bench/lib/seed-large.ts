/**
 * Fills a fresh SQLite database with N synthetic snippets (varied languages, sizes, LLM scores), their LLM
 * labels, a few users and some human labels, through the raw driver. For benchmarks at a million rows;
 * the content is generated, so no shared data is needed.
 */
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { migrate } from "../../lib/db/migrate";
import { openSqlite } from "../../lib/db/raw";

export type SeedLargeOptions = { file: string; snippets: number; datasets?: number; humanLabels?: number; users?: number; seed?: number };
export type SeedLargeResult = { url: string; datasetIds: number[]; userIds: string[]; seconds: number };

const LANGS = ["python", "python", "python", "python", "javascript", "typescript", "java", "go", "rust", "c"];
const WORDS = ["parse", "graph", "matrix", "queue", "token", "stream", "cache", "tree", "sort", "merge", "window", "prime", "vector", "string", "record"];

function rng(seed: number) {
  let s = seed >>> 0 || 1;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

export async function seedLarge(opts: SeedLargeOptions): Promise<SeedLargeResult> {
  const t0 = performance.now();
  fs.mkdirSync(path.dirname(opts.file), { recursive: true });
  for (const f of [opts.file, `${opts.file}-wal`, `${opts.file}-shm`]) fs.rmSync(f, { force: true });
  const url = `file:${opts.file}`;
  await migrate(url);
  const conn = openSqlite(url);
  const rand = rng(opts.seed ?? 42);
  const now = new Date().toISOString();
  const nDatasets = opts.datasets ?? 1;
  const datasetIds: number[] = [];
  for (let d = 0; d < nDatasets; d++) {
    const r = conn.prepare(`INSERT INTO dataset (name, kind, description, "labelsPerSnippet", threshold, "snippetCount", "createdAt", "updatedAt") VALUES (?, 'code', '', 1, 3, 0, ?, ?) RETURNING id`).get(`bench-${d}`, now, now) as { id: number };
    datasetIds.push(r.id);
  }
  const userIds: string[] = [];
  for (let u = 0; u < (opts.users ?? 4); u++) {
    const id = crypto.randomUUID();
    conn.prepare(`INSERT INTO "user" (id, name, email, "emailVerified", role, "createdAt", "updatedAt") VALUES (?, ?, ?, 0, ?, ?, ?)`).run(id, `user${u}`, `user${u}@bench.local`, u === 0 ? "admin" : "annotator", now, now);
    userIds.push(id);
  }
  const insSnippet = conn.prepare(
    `INSERT INTO snippet ("datasetId", "contentHash", content, language, source, path, license, "externalId", "sizeBytes", "lineCount", "llmScore", "reviewCount", "createdAt") VALUES (?, ?, ?, ?, ?, ?, 'MIT', ?, ?, ?, ?, 0, ?)`,
  );
  const insLabel = conn.prepare(`INSERT INTO llm_label ("snippetId", score, rationale, model, "promptVersion", origin, "isExample", "createdAt") VALUES (?, ?, ?, 'bench-llm', 'v1', 'import', 0, ?)`);
  const batch = 10_000;
  for (let start = 0; start < opts.snippets; start += batch) {
    conn.transaction(() => {
      for (let i = start; i < Math.min(opts.snippets, start + batch); i++) {
        const w1 = WORDS[i % WORDS.length];
        const w2 = WORDS[Math.floor(rand() * WORDS.length)];
        const lines = 5 + Math.floor(rand() * 40);
        const body = Array.from({ length: lines }, (_, k) => `    value_${k} = ${w2}_${k}(${i}) + ${k}`).join("\n");
        const content = `def ${w1}_${w2}_${i}(data):\n    """Compute the ${w1} of ${w2} number ${i}."""\n${body}\n    return data\n`;
        const score = Math.min(5, Math.floor(rand() * 6));
        const lang = LANGS[i % LANGS.length];
        const r = insSnippet.run(
          datasetIds[i % nDatasets], crypto.createHash("sha256").update(content).digest("hex"), content, lang,
          `org${i % 500}/repo${i % 97}`, `src/${w1}/${w2}_${i}.py`, `hex${i}`, Buffer.byteLength(content), lines + 3, score, now,
        );
        insLabel.run(Number(r.lastInsertRowid), score, `Synthetic rationale for ${w1} ${w2}.`, now);
      }
    })();
  }
  for (const id of datasetIds) conn.prepare(`UPDATE dataset SET "snippetCount" = (SELECT COUNT(*) FROM snippet WHERE "datasetId" = ?) WHERE id = ?`).run(id, id);
  const nHuman = opts.humanLabels ?? 0;
  const insHuman = conn.prepare(
    `INSERT INTO human_label ("snippetId", "userId", "datasetId", status, score, agreed, "llmScore", "timeSpentMs", queue, "createdAt", "updatedAt") SELECT id, ?, "datasetId", 'labeled', ?, 0, "llmScore", ?, 'random', ?, ? FROM snippet WHERE id = ?`,
  );
  conn.transaction(() => {
    for (let k = 0; k < nHuman; k++) {
      const snippetId = 1 + Math.floor((k * 7919) % opts.snippets);
      insHuman.run(userIds[k % userIds.length], Math.floor(rand() * 6), 2000 + Math.floor(rand() * 8000), now, now, snippetId);
    }
  })();
  conn.exec(`UPDATE snippet SET "reviewCount" = (SELECT COUNT(*) FROM human_label h WHERE h."snippetId" = snippet.id AND h.status = 'labeled') WHERE id IN (SELECT "snippetId" FROM human_label)`);
  conn.exec("ANALYZE");
  conn.close();
  return { url, datasetIds, userIds, seconds: (performance.now() - t0) / 1000 };
}

/**
 * The database a 1M-row benchmark runs against: with BENCH_REUSE and an existing file, that file brought up
 * to the current schema (an earlier version may lack new tables and indexes); otherwise a fresh seed.
 * Sets DATABASE_URL; import lib/db only after this returns.
 */
export async function openLargeBenchDatabase(opts: SeedLargeOptions): Promise<string> {
  if (process.env.BENCH_REUSE && fs.existsSync(opts.file)) {
    process.env.DATABASE_URL = `file:${opts.file}`;
    console.log(`reusing ${opts.file}`);
    const migrated = await migrate(process.env.DATABASE_URL);
    if (migrated.applied.length) console.log(`applied ${migrated.applied.join(", ")}`);
  } else {
    console.log(`seeding ${opts.snippets.toLocaleString()} snippets into ${opts.file} …`);
    const seeded = await seedLarge(opts);
    console.log(`seeded in ${seeded.seconds.toFixed(1)} s`);
    process.env.DATABASE_URL = seeded.url;
  }
  return process.env.DATABASE_URL;
}

/** Snippets in a cached bench database file, or -1 when there is none (or it cannot be read). */
export function cachedRowCount(file: string): number {
  try {
    const conn = new Database(file, { readonly: true });
    const n = (conn.prepare(`SELECT COUNT(*) AS n FROM snippet`).get() as { n: number }).n;
    conn.close();
    return n;
  } catch {
    return -1;
  }
}
