import type Database from "better-sqlite3";
import { medianScore } from "@/lib/classifier/load-training-targets";
import { countTokensMany } from "@/lib/snippets/count-tokens-pool";
import { storeTokenCounts } from "@/lib/snippets/count-tokens-missing";
import { dialect } from "@/lib/db/client";
import { pgPool, rawSqlite } from "@/lib/db/raw";
import type { ExportRow } from "./types";

type DbRow = {
  id: number;
  dataset: string;
  kind: string;
  content: string;
  language: string;
  source: string | null;
  path: string | null;
  license: string | null;
  externalId: string | null;
  tokenCount: number | null;
  llmScore: number | null;
  prob: number | null;
  topic: string | null;
  audience: string | null;
  functionName: string | null;
  tests: string | null;
};

/**
 * The output rows of `ids`, in that order (the shuffled order of a shard), read on the raw driver in one
 * query plus one for human scores. classifier_prob is model `modelId`'s probability (null without a model
 * or a score). A snippet deleted since the snapshot is simply missing from the result. A row without a
 * cached token count (content changed since the snapshot) is counted and stored now: token_count is exact.
 */
const COLUMNS = `s.id, d.name AS dataset, COALESCE(si.kind, d.kind) AS kind, s.content, s.language, s.source, s.path, s.license,
  s."externalId", s."tokenCount", s."llmScore", sc.probability AS prob, si.topic, si.audience, si."functionName", si.tests`;
const JOINS = `FROM snippet s JOIN dataset d ON d.id = s."datasetId"
  LEFT JOIN synthetic_item si ON si."snippetId" = s.id
  LEFT JOIN snippet_score sc ON sc."snippetId" = s.id AND sc."modelId" = ?`;

type SqliteStatements = { rows: Database.Statement; human: Database.Statement };
const sqliteStatements = new WeakMap<Database.Database, SqliteStatements>();

/** Rows and human scores of `ids` (sorted: B-tree order) in two prepared statements; the id list is one JSON parameter. */
async function readBatch(ids: number[], modelId: number | null): Promise<{ rows: DbRow[]; human: { snippetId: number; score: number }[] }> {
  const sorted = [...ids].sort((a, b) => a - b);
  if (dialect() === "postgres") {
    const pool = pgPool();
    const [rows, human] = await Promise.all([
      pool.query<DbRow>(`SELECT ${COLUMNS} ${JOINS.replace("?", "$2")} WHERE s.id = ANY($1::int[])`, [sorted, modelId ?? -1]),
      pool.query<{ snippetId: number; score: number }>(`SELECT h."snippetId", h.score FROM human_label h WHERE h."snippetId" = ANY($1::int[]) AND h.status = 'labeled' AND h.score IS NOT NULL`, [sorted]),
    ]);
    return { rows: rows.rows, human: human.rows };
  }
  const conn = rawSqlite();
  let st = sqliteStatements.get(conn);
  if (!st) {
    st = {
      rows: conn.prepare(`SELECT ${COLUMNS} ${JOINS} WHERE s.id IN (SELECT value FROM json_each(?))`),
      human: conn.prepare(`SELECT h."snippetId", h.score FROM human_label h WHERE h."snippetId" IN (SELECT value FROM json_each(?)) AND h.status = 'labeled' AND h.score IS NOT NULL`),
    };
    sqliteStatements.set(conn, st);
  }
  const list = JSON.stringify(sorted);
  return { rows: st.rows.all(modelId ?? -1, list) as DbRow[], human: st.human.all(list) as { snippetId: number; score: number }[] };
}

/**
 * The output rows of `ids`, in that order (the shuffled order of a shard), read on the raw driver with two
 * prepared statements. classifier_prob is model `modelId`'s probability (null without a model or a score).
 * A snippet deleted since the snapshot is simply missing from the result. A row without a cached token
 * count (content changed since the snapshot) is counted and stored now: token_count is exact.
 */
export async function readExportRows(ids: number[], modelId: number | null): Promise<ExportRow[]> {
  if (ids.length === 0) return [];
  const { rows, human } = await readBatch(ids, modelId);
  const scores = new Map<number, number[]>();
  for (const h of human) {
    const list = scores.get(h.snippetId);
    if (list) list.push(Number(h.score));
    else scores.set(h.snippetId, [Number(h.score)]);
  }
  const uncounted = rows.filter((r) => r.tokenCount === null);
  if (uncounted.length) {
    const counts = await countTokensMany(uncounted.map((r) => r.content));
    uncounted.forEach((r, i) => (r.tokenCount = counts[i]));
    await storeTokenCounts(uncounted.map((r) => r.id), counts);
  }
  const byId = new Map<number, DbRow>();
  for (const r of rows) byId.set(Number(r.id), r);
  const out: ExportRow[] = [];
  for (const id of ids) {
    const r = byId.get(id);
    if (!r) continue;
    const h = scores.get(id);
    out.push({
      id,
      dataset: r.dataset,
      kind: r.kind,
      content: r.content,
      language: r.language,
      source: r.source,
      path: r.path,
      license: r.license,
      external_id: r.externalId,
      token_count: Number(r.tokenCount),
      llm_score: r.llmScore === null ? null : Number(r.llmScore),
      human_score: h ? medianScore(h) : null,
      classifier_prob: r.prob === null ? null : Number(r.prob),
      topic: r.topic,
      audience: r.audience,
      function_name: r.functionName,
      tests: r.tests,
    });
  }
  return out;
}
