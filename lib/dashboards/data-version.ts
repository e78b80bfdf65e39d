import { db } from "@/lib/db/client";

type Row = Record<string, number | bigint | string | null>;

export type DataVersion = { scores: string; labels: string };

/**
 * Cheap fingerprints of what the dashboards read, for cache keys (a handful of primary-key / tiny-table
 * lookups, ~1 ms). `scores`: snippets (inserted or deleted with their dataset), LLM labels (insert-only,
 * unique per snippet × model × prompt), models (training, activation) and score runs (every finished chunk
 * raises score_run.done). `labels`: human labels (COUNT catches deletes/undo, MAX(updatedAt) edits) and audits
 * (items are written with their audit, which is immutable).
 */
export async function dataVersion(): Promise<DataVersion> {
  // One scan or index probe per table; CASE WHEN active works for SQLite's 0/1 and PostgreSQL's boolean.
  const [row] = await db().$queryRaw<Row[]>`
    SELECT * FROM
      (SELECT MAX(id) AS "snippetMax" FROM snippet) s,
      (SELECT COUNT(*) AS "datasets", COALESCE(SUM("snippetCount"), 0) AS "snippetCount" FROM dataset) d,
      (SELECT MAX(id) AS "llmMax" FROM llm_label) l,
      (SELECT COUNT(*) AS "models", MAX(CASE WHEN active THEN id END) AS "activeId", MAX("trainedAt") AS "trainedAt" FROM classifier_model) m,
      (SELECT COUNT(*) AS "runs", COALESCE(SUM(done), 0) AS "runsDone" FROM score_run) r,
      (SELECT COUNT(*) AS "humans", MAX(id) AS "humanMax", MAX("updatedAt") AS "humanAt" FROM human_label) h,
      (SELECT COUNT(*) AS "audits", MAX(id) AS "auditMax" FROM audit) a`;
  const v = (k: string) => String(row?.[k] ?? "");
  return {
    scores: ["snippetMax", "datasets", "snippetCount", "llmMax", "models", "activeId", "trainedAt", "runs", "runsDone"].map(v).join(":"),
    labels: ["humans", "humanMax", "humanAt", "audits", "auditMax"].map(v).join(":"),
  };
}
