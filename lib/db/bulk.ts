import type Database from "better-sqlite3";
import type pg from "pg";
import { dialect } from "./client";
import { pgPool, rawSqlite, sqliteWriteTransaction } from "./raw";

/**
 * Bulk writers on the raw drivers: one transaction per batch, prepared statements on SQLite and one
 * multi-row `INSERT … SELECT FROM unnest(…)` per table on PostgreSQL. Prisma's createMany is ~100x
 * slower at millions of rows. Everything a batch changes (snippets, their LLM labels, the dataset's
 * snippetCount, the import's checkpoint) commits or rolls back together, so a crash never leaves counts
 * that disagree with the rows.
 */

export type LlmLabelInput = {
  /** Integer 0–5. */
  score: number;
  rationale: string;
  model: string;
  promptVersion: string;
  /** "import" (default) | "campaign" */
  origin?: string;
  isExample?: boolean;
  inputTokens?: number | null;
  outputTokens?: number | null;
  costUsd?: number | null;
};

/**
 * The synthetic side of an imported textbook section or exercise (lib/corpus/map-synthetic-record.ts): a
 * SyntheticItem (review pending) and its SyntheticEdit version 1 are written with the snippet.
 */
export type SyntheticRowInput = {
  kind: "textbook" | "exercise";
  topic: string | null;
  audience: string | null;
  functionName: string | null;
  title: string | null;
  prompt: string | null;
  solution: string | null;
  tests: string | null;
  /** JSON of the parts, the SyntheticEdit v1 content. */
  edit: string;
};

/** A snippet ready to insert; lib/corpus/map-record.ts builds these from imported records. */
export type SnippetInput = {
  /** sha256 hex of the UTF-8 bytes of `content`; unique per dataset. */
  contentHash: string;
  content: string;
  language: string;
  source: string | null;
  path: string | null;
  license: string | null;
  externalId: string | null;
  sizeBytes: number;
  lineCount: number;
  /** JSON text of the record's other columns. */
  meta: string | null;
  llm?: LlmLabelInput | null;
  /** Only for textbook/exercise datasets: written with a new snippet, ignored on a duplicate. */
  synthetic?: SyntheticRowInput | null;
};

/**
 * Progress of an ImportRun, written in the batch's transaction. The update is fenced on
 * `expectedLinesDone`: if another process advanced the same run meanwhile, the whole batch rolls back
 * with ImportRunConflictError instead of counting the same lines twice.
 */
export type ImportRunCheckpoint = {
  importRunId: number;
  expectedLinesDone: number;
  linesDone: number;
  /** Bad lines in this batch (added to errorCount). */
  errorCount: number;
  /** The run's full `errors` JSON, when it changed in this batch. */
  errorsJson?: string;
};

export type SnippetBatchResult = { inserted: number; duplicates: number; llmLabels: number };

export type InsertSnippetBatchOptions = {
  importId?: number | null;
  checkpoint?: ImportRunCheckpoint;
  /** The generation campaign synthetic rows belong to; its total and generated counts grow with them. */
  syntheticCampaignId?: number | null;
};

export class ImportRunConflictError extends Error {
  override name = "ImportRunConflictError";
  constructor(importRunId: number) {
    super(`import run ${importRunId} was advanced by another process; stopping this one`);
  }
}

/**
 * Inserts snippets into a dataset, skipping exact duplicates (same contentHash in the dataset, or earlier
 * in `rows`). A row's LLM label is stored with a new snippet (and sets its llmScore). On a duplicate, the
 * label is attached to the existing snippet when that snippet has no label yet for the same
 * (model, promptVersion) — it then becomes the snippet's latest label, so llmScore follows it — and is
 * ignored otherwise: existing labels are never overwritten, and re-importing a file adds nothing. A new
 * snippet that carries `synthetic` gets its SyntheticItem and SyntheticEdit v1 in the same transaction.
 */
export async function insertSnippetBatch(datasetId: number, rows: readonly SnippetInput[], options: InsertSnippetBatchOptions = {}): Promise<SnippetBatchResult> {
  const { unique, repeats } = splitRepeats(rows);
  return dialect() === "postgres"
    ? insertPostgres(datasetId, unique, repeats, options)
    : insertSqlite(datasetId, unique, repeats, options);
}

function splitRepeats(rows: readonly SnippetInput[]) {
  const seen = new Set<string>();
  const unique: SnippetInput[] = [];
  const repeats: SnippetInput[] = [];
  for (const row of rows) {
    if (seen.has(row.contentHash)) repeats.push(row);
    else {
      seen.add(row.contentHash);
      unique.push(row);
    }
  }
  return { unique, repeats };
}

// ---- SQLite ----

type SqliteStatements = {
  insertSnippet: Database.Statement;
  insertLabel: Database.Statement;
  findSnippet: Database.Statement;
  setLlmScore: Database.Statement;
  bumpDataset: Database.Statement;
  checkpoint: Database.Statement;
  insertSynthetic: Database.Statement;
  insertEdit: Database.Statement;
  bumpCampaign: Database.Statement;
};
const sqliteStatements = new WeakMap<Database.Database, SqliteStatements>();

function statementsFor(conn: Database.Database): SqliteStatements {
  let s = sqliteStatements.get(conn);
  if (!s) {
    s = {
      insertSnippet: conn.prepare(
        `INSERT INTO snippet ("datasetId", "contentHash", "content", "language", "source", "path", "license", "externalId", "sizeBytes", "lineCount", "meta", "llmScore", "importId", "createdAt")
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT ("datasetId", "contentHash") DO NOTHING`,
      ),
      insertLabel: conn.prepare(
        `INSERT INTO llm_label ("snippetId", "score", "rationale", "model", "promptVersion", "inputTokens", "outputTokens", "costUsd", "origin", "isExample", "createdAt")
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT ("snippetId", "model", "promptVersion") DO NOTHING`,
      ),
      findSnippet: conn.prepare(`SELECT "id" FROM snippet WHERE "datasetId" = ? AND "contentHash" = ?`).pluck(),
      setLlmScore: conn.prepare(`UPDATE snippet SET "llmScore" = ? WHERE "id" = ?`),
      bumpDataset: conn.prepare(`UPDATE dataset SET "snippetCount" = "snippetCount" + ?, "updatedAt" = ? WHERE "id" = ?`),
      checkpoint: conn.prepare(
        `UPDATE import_run SET "linesDone" = ?, "inserted" = "inserted" + ?, "duplicates" = "duplicates" + ?, "llmLabels" = "llmLabels" + ?,
           "errorCount" = "errorCount" + ?, "errors" = COALESCE(?, "errors")
         WHERE "id" = ? AND "linesDone" = ?`,
      ),
      insertSynthetic: conn.prepare(
        `INSERT INTO synthetic_item ("snippetId", "datasetId", "campaignId", "kind", "topic", "audience", "functionName", "title", "prompt", "solution", "tests", "updatedAt")
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      insertEdit: conn.prepare(`INSERT INTO synthetic_edit ("snippetId", "version", "content", "createdAt") VALUES (?, 1, ?, ?)`),
      bumpCampaign: conn.prepare(`UPDATE generation_campaign SET "total" = "total" + ?, "generated" = "generated" + ? WHERE "id" = ?`),
    };
    sqliteStatements.set(conn, s);
  }
  return s;
}

function insertSqlite(datasetId: number, unique: SnippetInput[], repeats: SnippetInput[], options: InsertSnippetBatchOptions): Promise<SnippetBatchResult> {
  const conn = rawSqlite();
  const st = statementsFor(conn);
  const importId = options.importId ?? null;
  // IMMEDIATE, without blocking the event loop while another connection (Prisma's, in this process too)
  // holds the write lock: see sqliteWriteTransaction.
  return sqliteWriteTransaction(conn, (): SnippetBatchResult => {
    // Prisma's SQLite adapter reads DATETIME columns written as ISO-8601 text.
    const now = new Date().toISOString();
    let inserted = 0;
    let llmLabels = 0;
    let synthetic = 0;
    const campaignId = options.syntheticCampaignId ?? null;
    const labelledDuplicates: SnippetInput[] = [];
    for (const r of unique) {
      const info = st.insertSnippet.run(
        datasetId, r.contentHash, r.content, r.language, r.source, r.path, r.license, r.externalId,
        r.sizeBytes, r.lineCount, r.meta, r.llm ? r.llm.score : null, importId, now,
      );
      if (info.changes === 1) {
        inserted++;
        if (r.llm) llmLabels += st.insertLabel.run(Number(info.lastInsertRowid), ...sqliteLabelParams(r.llm), now).changes;
        if (r.synthetic) {
          const x = r.synthetic;
          const snippetId = Number(info.lastInsertRowid);
          st.insertSynthetic.run(snippetId, datasetId, campaignId, x.kind, x.topic, x.audience, x.functionName, x.title, x.prompt, x.solution, x.tests, now);
          st.insertEdit.run(snippetId, x.edit, now);
          synthetic++;
        }
      } else if (r.llm) {
        labelledDuplicates.push(r);
      }
    }
    for (const r of repeats) if (r.llm) labelledDuplicates.push(r);
    for (const r of labelledDuplicates) {
      const snippetId = st.findSnippet.get(datasetId, r.contentHash) as number;
      if (st.insertLabel.run(snippetId, ...sqliteLabelParams(r.llm!), now).changes === 1) {
        llmLabels++;
        st.setLlmScore.run(r.llm!.score, snippetId);
      }
    }
    if (inserted > 0) st.bumpDataset.run(inserted, now, datasetId);
    if (synthetic > 0 && campaignId !== null) st.bumpCampaign.run(synthetic, synthetic, campaignId);
    const duplicates = unique.length + repeats.length - inserted;
    const cp = options.checkpoint;
    if (cp) {
      const changed = st.checkpoint.run(cp.linesDone, inserted, duplicates, llmLabels, cp.errorCount, cp.errorsJson ?? null, cp.importRunId, cp.expectedLinesDone).changes;
      if (changed !== 1) throw new ImportRunConflictError(cp.importRunId);
    }
    return { inserted, duplicates, llmLabels };
  });
}

/** The SyntheticItem + SyntheticEdit v1 rows of the snippets this batch inserted, and the campaign's counts. */
async function insertSyntheticPostgres(client: pg.PoolClient, datasetId: number, unique: readonly SnippetInput[], idByHash: ReadonlyMap<string, number>, campaignId: number | null) {
  const rows = unique.filter((r) => r.synthetic && idByHash.has(r.contentHash));
  if (rows.length === 0) return;
  const ids = rows.map((r) => idByHash.get(r.contentHash)!);
  const x = rows.map((r) => r.synthetic!);
  await client.query(
    `INSERT INTO synthetic_item ("snippetId", "datasetId", "campaignId", "kind", "topic", "audience", "functionName", "title", "prompt", "solution", "tests", "updatedAt")
     SELECT t."snippetId", $1::int, $2::int, t."kind", t."topic", t."audience", t."functionName", t."title", t."prompt", t."solution", t."tests", ${PG_NOW}
     FROM unnest($3::int[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[], $11::text[])
       AS t("snippetId", "kind", "topic", "audience", "functionName", "title", "prompt", "solution", "tests")`,
    [datasetId, campaignId, ids, x.map((s) => s.kind), x.map((s) => s.topic), x.map((s) => s.audience), x.map((s) => s.functionName), x.map((s) => s.title), x.map((s) => s.prompt), x.map((s) => s.solution), x.map((s) => s.tests)],
  );
  await client.query(
    `INSERT INTO synthetic_edit ("snippetId", "version", "content", "createdAt") SELECT t."snippetId", 1, t."content", ${PG_NOW} FROM unnest($1::int[], $2::text[]) AS t("snippetId", "content")`,
    [ids, x.map((s) => s.edit)],
  );
  if (campaignId !== null) await client.query(`UPDATE generation_campaign SET "total" = "total" + $1, "generated" = "generated" + $1 WHERE "id" = $2`, [rows.length, campaignId]);
}

function sqliteLabelParams(l: LlmLabelInput) {
  return [l.score, l.rationale, l.model, l.promptVersion, l.inputTokens ?? null, l.outputTokens ?? null, l.costUsd ?? null, l.origin ?? "import", l.isExample ? 1 : 0] as const;
}

// ---- PostgreSQL ----

// Columns are TIMESTAMP(3) without time zone holding UTC (as Prisma writes them), whatever the server's zone.
const PG_NOW = `(now() AT TIME ZONE 'UTC')`;

async function insertPostgres(datasetId: number, unique: SnippetInput[], repeats: SnippetInput[], options: InsertSnippetBatchOptions): Promise<SnippetBatchResult> {
  const client = await pgPool().connect();
  try {
    await client.query("BEGIN");
    const result = await insertPostgresInTransaction(client, datasetId, unique, repeats, options);
    await client.query("COMMIT");
    return result;
  } catch (e) {
    await client.query("ROLLBACK").catch(() => {});
    throw e;
  } finally {
    client.release();
  }
}

async function insertPostgresInTransaction(client: pg.PoolClient, datasetId: number, unique: SnippetInput[], repeats: SnippetInput[], options: InsertSnippetBatchOptions): Promise<SnippetBatchResult> {
  const idByHash = new Map<string, number>();
  if (unique.length > 0) {
    const res = await client.query<{ id: number; contentHash: string }>(
      `INSERT INTO snippet ("datasetId", "contentHash", "content", "language", "source", "path", "license", "externalId", "sizeBytes", "lineCount", "meta", "llmScore", "importId", "createdAt")
       SELECT $1::int, t.*, $2::int, ${PG_NOW}
       FROM unnest($3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::int[], $11::int[], $12::text[], $13::int[])
         AS t("contentHash", "content", "language", "source", "path", "license", "externalId", "sizeBytes", "lineCount", "meta", "llmScore")
       ON CONFLICT ("datasetId", "contentHash") DO NOTHING
       RETURNING "id", "contentHash"`,
      [
        datasetId,
        options.importId ?? null,
        unique.map((r) => r.contentHash),
        unique.map((r) => r.content),
        unique.map((r) => r.language),
        unique.map((r) => r.source),
        unique.map((r) => r.path),
        unique.map((r) => r.license),
        unique.map((r) => r.externalId),
        unique.map((r) => r.sizeBytes),
        unique.map((r) => r.lineCount),
        unique.map((r) => r.meta),
        unique.map((r) => (r.llm ? r.llm.score : null)),
      ],
    );
    for (const row of res.rows) idByHash.set(row.contentHash, row.id);
  }
  const inserted = idByHash.size;
  await insertSyntheticPostgres(client, datasetId, unique, idByHash, options.syntheticCampaignId ?? null);

  // Labels: those of new snippets, then those of duplicates (which need the existing snippet's id).
  type PendingLabel = { snippetId: number; label: LlmLabelInput; onDuplicate: boolean };
  const labels: PendingLabel[] = [];
  const labelledDuplicates: SnippetInput[] = [];
  for (const r of unique) {
    if (!r.llm) continue;
    const id = idByHash.get(r.contentHash);
    if (id !== undefined) labels.push({ snippetId: id, label: r.llm, onDuplicate: false });
    else labelledDuplicates.push(r);
  }
  for (const r of repeats) if (r.llm) labelledDuplicates.push(r);
  if (labelledDuplicates.length > 0) {
    const missing = [...new Set(labelledDuplicates.map((r) => r.contentHash).filter((h) => !idByHash.has(h)))];
    if (missing.length > 0) {
      const found = await client.query<{ id: number; contentHash: string }>(
        `SELECT "id", "contentHash" FROM snippet WHERE "datasetId" = $1 AND "contentHash" = ANY($2::text[])`,
        [datasetId, missing],
      );
      for (const row of found.rows) idByHash.set(row.contentHash, row.id);
    }
    for (const r of labelledDuplicates) labels.push({ snippetId: idByHash.get(r.contentHash)!, label: r.llm!, onDuplicate: true });
  }

  let llmLabels = 0;
  if (labels.length > 0) {
    // One statement cannot rely on ON CONFLICT between two of its own rows for a deterministic winner:
    // keep the first label per (snippet, model, promptVersion), as the SQLite path does.
    const seen = new Set<string>();
    const distinct = labels.filter((p) => {
      const key = `${p.snippetId}\u0000${p.label.model}\u0000${p.label.promptVersion}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
    const res = await client.query<{ snippetId: number; model: string; promptVersion: string }>(
      `INSERT INTO llm_label ("snippetId", "score", "rationale", "model", "promptVersion", "inputTokens", "outputTokens", "costUsd", "origin", "isExample", "createdAt")
       SELECT t.*, ${PG_NOW}
       FROM unnest($1::int[], $2::int[], $3::text[], $4::text[], $5::text[], $6::int[], $7::int[], $8::float8[], $9::text[], $10::bool[])
         AS t("snippetId", "score", "rationale", "model", "promptVersion", "inputTokens", "outputTokens", "costUsd", "origin", "isExample")
       ON CONFLICT ("snippetId", "model", "promptVersion") DO NOTHING
       RETURNING "snippetId", "model", "promptVersion"`,
      [
        distinct.map((p) => p.snippetId),
        distinct.map((p) => p.label.score),
        distinct.map((p) => p.label.rationale),
        distinct.map((p) => p.label.model),
        distinct.map((p) => p.label.promptVersion),
        distinct.map((p) => p.label.inputTokens ?? null),
        distinct.map((p) => p.label.outputTokens ?? null),
        distinct.map((p) => p.label.costUsd ?? null),
        distinct.map((p) => p.label.origin ?? "import"),
        distinct.map((p) => p.label.isExample ?? false),
      ],
    );
    llmLabels = res.rowCount ?? res.rows.length;
    // A label attached to an existing snippet is now its latest one: llmScore follows it.
    const added = new Set(res.rows.map((r) => `${r.snippetId}\u0000${r.model}\u0000${r.promptVersion}`));
    const scoreBySnippet = new Map<number, number>();
    for (const p of distinct) {
      if (p.onDuplicate && added.has(`${p.snippetId}\u0000${p.label.model}\u0000${p.label.promptVersion}`)) scoreBySnippet.set(p.snippetId, p.label.score);
    }
    if (scoreBySnippet.size > 0) {
      await client.query(
        `UPDATE snippet SET "llmScore" = v.score FROM unnest($1::int[], $2::int[]) AS v(id, score) WHERE snippet."id" = v.id`,
        [[...scoreBySnippet.keys()], [...scoreBySnippet.values()]],
      );
    }
  }

  if (inserted > 0) {
    await client.query(`UPDATE dataset SET "snippetCount" = "snippetCount" + $1, "updatedAt" = ${PG_NOW} WHERE "id" = $2`, [inserted, datasetId]);
  }
  const duplicates = unique.length + repeats.length - inserted;
  const cp = options.checkpoint;
  if (cp) {
    const res = await client.query(
      `UPDATE import_run SET "linesDone" = $1, "inserted" = "inserted" + $2, "duplicates" = "duplicates" + $3, "llmLabels" = "llmLabels" + $4,
         "errorCount" = "errorCount" + $5, "errors" = COALESCE($6, "errors")
       WHERE "id" = $7 AND "linesDone" = $8`,
      [cp.linesDone, inserted, duplicates, llmLabels, cp.errorCount, cp.errorsJson ?? null, cp.importRunId, cp.expectedLinesDone],
    );
    if (res.rowCount !== 1) throw new ImportRunConflictError(cp.importRunId);
  }
  return { inserted, duplicates, llmLabels };
}
