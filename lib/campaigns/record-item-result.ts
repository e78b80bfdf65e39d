import type Database from "better-sqlite3";
import type pg from "pg";
import { dialect } from "@/lib/db/client";
import { pgPool, rawSqlite, sqliteWriteTransaction } from "@/lib/db/raw";
import { costOf } from "@/lib/llm/pricing/cost-of";
import { getPrice } from "@/lib/llm/pricing/get-price";
import type { ScoreOutcome, Usage } from "@/lib/llm/types";

export type RecordItemCampaign = { id: number; datasetId: number; model: string; promptVersion: string; mode: string };
export type ItemResult = { itemId: number; snippetId: number; outcome: ScoreOutcome };
export type RecordItemResultInput = ItemResult & {
  campaign: RecordItemCampaign;
  /** The model's price row, when the caller already has it (else it is read); null: price unknown, cost 0. */
  price?: Awaited<ReturnType<typeof getPrice>>;
};

export type RecordedStatus = "labeled" | "failed" | "skipped";

/**
 * Writes one item's outcome, durably and exactly once, in one transaction:
 * - the item leaves `pending` (a conditional update: if it is no longer pending — another run already
 *   recorded it — nothing at all is written and null is returned);
 * - a successful score becomes an LlmLabel; the label is unique per snippet × model × prompt version, so
 *   when one exists already (another campaign got there first) the item becomes `skipped` instead and no
 *   second label is created; otherwise the snippet's llmScore follows the new label;
 * - the item's and the campaign's token, cost and request totals grow by the same amounts (items add to
 *   what an earlier failed attempt used), so the campaign's totals always equal the sum over its items.
 * Returns the item's new status, or null when it was not applied.
 */
export async function recordItemResult(input: RecordItemResultInput): Promise<RecordedStatus | null> {
  const price = input.price !== undefined ? input.price : await getPrice(input.campaign.model);
  const [status] = await recordItemResults({ campaign: input.campaign, price, results: [input] });
  return status;
}

/**
 * recordItemResult for several items in one transaction (group commit: the live runner writes every reply
 * that arrived while the previous write was committing). Each item is applied exactly as above, in order:
 * an item listed twice applies once, at its first place. The campaign's counters get one update with the
 * sums of the items that applied. Statuses come back in the order of `results`.
 *
 * On the raw drivers (like lib/db/bulk.ts): this runs for every reply of every campaign, and Prisma's
 * per-statement cost (~0.3 ms of CPU each, four statements per item) was most of a campaign's overhead.
 */
export async function recordItemResults({ campaign, price, results }: { campaign: RecordItemCampaign; price: Awaited<ReturnType<typeof getPrice>>; results: readonly ItemResult[] }): Promise<(RecordedStatus | null)[]> {
  if (results.length === 0) return [];
  const batch = campaign.mode === "batch";
  const items = results.map((r) => ({ ...r, cost: costOf(price, r.outcome.usage, { batch }) }));
  return dialect() === "postgres" ? recordPostgres(campaign, items) : recordSqlite(campaign, items);
}

type PricedResult = ItemResult & { cost: number };
type Totals = { labeled: number; failed: number; skipped: number; requests: number; retries: number; inputTokens: number; outputTokens: number; costUsd: number };

function totalsOf(items: readonly PricedResult[], statuses: readonly (RecordedStatus | null)[]): Totals | null {
  const t: Totals = { labeled: 0, failed: 0, skipped: 0, requests: 0, retries: 0, inputTokens: 0, outputTokens: 0, costUsd: 0 };
  let applied = 0;
  items.forEach(({ outcome, cost }, i) => {
    const status = statuses[i];
    if (!status) return;
    applied++;
    t[status]++;
    t.requests += outcome.requests;
    t.retries += Math.max(0, outcome.requests - 1);
    t.inputTokens += outcome.usage.inputTokens;
    t.outputTokens += outcome.usage.outputTokens;
    t.costUsd += cost;
  });
  return applied > 0 ? t : null;
}

const skipReason = (campaign: RecordItemCampaign) => `already labeled by ${campaign.model} with prompt ${campaign.promptVersion}`;

// ---- SQLite ----

type SqliteStatements = {
  claim: Database.Statement;
  insertLabel: Database.Statement;
  setLlmScore: Database.Statement;
  skip: Database.Statement;
  bumpCampaign: Database.Statement;
};
const sqliteStatements = new WeakMap<Database.Database, SqliteStatements>();

function statementsFor(conn: Database.Database): SqliteStatements {
  let s = sqliteStatements.get(conn);
  if (!s) {
    s = {
      claim: conn.prepare(
        `UPDATE campaign_item SET "status" = ?, "score" = ?, "error" = ?, "rawReply" = ?, "attempts" = "attempts" + ?,
           "inputTokens" = COALESCE("inputTokens", 0) + ?, "outputTokens" = COALESCE("outputTokens", 0) + ?, "costUsd" = COALESCE("costUsd", 0) + ?,
           "latencyMs" = ?, "updatedAt" = ?
         WHERE "id" = ? AND "campaignId" = ? AND "status" = 'pending'`,
      ),
      insertLabel: conn.prepare(
        `INSERT INTO llm_label ("snippetId", "score", "rationale", "model", "promptVersion", "inputTokens", "outputTokens", "costUsd", "origin", "isExample", "campaignId", "createdAt")
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'campaign', 0, ?, ?)
         ON CONFLICT ("snippetId", "model", "promptVersion") DO NOTHING`,
      ),
      setLlmScore: conn.prepare(`UPDATE snippet SET "llmScore" = ? WHERE "id" = ?`),
      skip: conn.prepare(`UPDATE campaign_item SET "status" = 'skipped', "error" = ? WHERE "id" = ?`),
      bumpCampaign: conn.prepare(
        `UPDATE label_campaign SET "labeled" = "labeled" + ?, "failed" = "failed" + ?, "skipped" = "skipped" + ?, "requests" = "requests" + ?, "retries" = "retries" + ?,
           "inputTokens" = "inputTokens" + ?, "outputTokens" = "outputTokens" + ?, "costUsd" = "costUsd" + ?
         WHERE "id" = ?`,
      ),
    };
    sqliteStatements.set(conn, s);
  }
  return s;
}

function recordSqlite(campaign: RecordItemCampaign, items: readonly PricedResult[]): Promise<(RecordedStatus | null)[]> {
  const conn = rawSqlite();
  const st = statementsFor(conn);
  return sqliteWriteTransaction(conn, () => {
    // Prisma's SQLite adapter reads DATETIME columns written as ISO-8601 text.
    const now = new Date().toISOString();
    const statuses = items.map((item) => applySqlite(st, campaign, item, now));
    const t = totalsOf(items, statuses);
    if (t) st.bumpCampaign.run(t.labeled, t.failed, t.skipped, t.requests, t.retries, t.inputTokens, t.outputTokens, t.costUsd, campaign.id);
    return statuses;
  });
}

function applySqlite(st: SqliteStatements, campaign: RecordItemCampaign, { itemId, snippetId, outcome, cost }: PricedResult, now: string): RecordedStatus | null {
  const { inputTokens, outputTokens } = outcome.usage;
  const claimed = st.claim.run(
    outcome.ok ? "labeled" : "failed", outcome.ok ? outcome.score : null, outcome.ok ? null : outcome.error, outcome.ok ? null : outcome.rawReply,
    outcome.requests, inputTokens, outputTokens, cost, outcome.latencyMs, now, itemId, campaign.id,
  ).changes;
  if (claimed === 0) return null;
  if (!outcome.ok) return "failed";
  if (st.insertLabel.run(snippetId, outcome.score, outcome.rationale, campaign.model, campaign.promptVersion, inputTokens, outputTokens, cost, campaign.id, now).changes === 1) {
    // The newest label is the snippet's score, as for imported labels.
    st.setLlmScore.run(outcome.score, snippetId);
    return "labeled";
  }
  st.skip.run(skipReason(campaign), itemId);
  return "skipped";
}

// ---- PostgreSQL ----

// Columns are TIMESTAMP(3) without time zone holding UTC (as Prisma writes them), whatever the server's zone.
const PG_NOW = `(now() AT TIME ZONE 'UTC')`;

async function recordPostgres(campaign: RecordItemCampaign, items: readonly PricedResult[]): Promise<(RecordedStatus | null)[]> {
  const client = await pgPool().connect();
  try {
    await client.query("BEGIN");
    const statuses = await recordPostgresInTransaction(client, campaign, items);
    await client.query("COMMIT");
    return statuses;
  } catch (e) {
    await client.query("ROLLBACK").catch(() => {});
    throw e;
  } finally {
    client.release();
  }
}

async function recordPostgresInTransaction(client: pg.PoolClient, campaign: RecordItemCampaign, items: readonly PricedResult[]): Promise<(RecordedStatus | null)[]> {
  // One statement updates a row at most once, whichever of its input rows it joins first: an item listed
  // twice must apply at its first place only, as the one-by-one SQLite path does.
  const byItem = new Map<number, PricedResult>();
  for (const r of items) if (!byItem.has(r.itemId)) byItem.set(r.itemId, r);
  const firsts = [...byItem.values()];
  const claim = await client.query<{ id: number }>(
    `UPDATE campaign_item AS ci SET "status" = v."status", "score" = v."score", "error" = v."error", "rawReply" = v."rawReply", "attempts" = ci."attempts" + v."requests",
       "inputTokens" = COALESCE(ci."inputTokens", 0) + v."inputTokens", "outputTokens" = COALESCE(ci."outputTokens", 0) + v."outputTokens",
       "costUsd" = COALESCE(ci."costUsd", 0) + v."costUsd", "latencyMs" = v."latencyMs", "updatedAt" = ${PG_NOW}
     FROM unnest($2::int[], $3::text[], $4::int[], $5::text[], $6::text[], $7::int[], $8::int[], $9::int[], $10::float8[], $11::int[])
       AS v("id", "status", "score", "error", "rawReply", "requests", "inputTokens", "outputTokens", "costUsd", "latencyMs")
     WHERE ci."id" = v."id" AND ci."campaignId" = $1 AND ci."status" = 'pending'
     RETURNING ci."id"`,
    [
      campaign.id,
      firsts.map((r) => r.itemId),
      firsts.map((r) => (r.outcome.ok ? "labeled" : "failed")),
      firsts.map((r) => (r.outcome.ok ? r.outcome.score : null)),
      firsts.map((r) => (r.outcome.ok ? null : r.outcome.error)),
      firsts.map((r) => (r.outcome.ok ? null : r.outcome.rawReply)),
      firsts.map((r) => r.outcome.requests),
      firsts.map((r) => r.outcome.usage.inputTokens),
      firsts.map((r) => r.outcome.usage.outputTokens),
      firsts.map((r) => r.cost),
      firsts.map((r) => r.outcome.latencyMs),
    ],
  );
  const claimed = new Set(claim.rows.map((r) => r.id));
  const status = new Map<number, RecordedStatus>();
  // Only the first claimed success per snippet may insert: a later one would have met its label and been
  // skipped, one by one; within one INSERT the winner of a conflict is not defined.
  const seenSnippets = new Set<number>();
  const labels: { itemId: number; snippetId: number; score: number; rationale: string; usage: Usage; cost: number }[] = [];
  for (const { itemId, snippetId, outcome, cost } of firsts) {
    if (!claimed.has(itemId)) continue;
    if (!outcome.ok) status.set(itemId, "failed");
    else if (seenSnippets.has(snippetId)) status.set(itemId, "skipped");
    else {
      seenSnippets.add(snippetId);
      labels.push({ itemId, snippetId, score: outcome.score, rationale: outcome.rationale, usage: outcome.usage, cost });
    }
  }

  if (labels.length > 0) {
    // The newest label is the snippet's score, as for imported labels.
    const added = await client.query<{ id: number }>(
      `WITH added AS (
         INSERT INTO llm_label ("snippetId", "score", "rationale", "model", "promptVersion", "inputTokens", "outputTokens", "costUsd", "origin", "isExample", "campaignId", "createdAt")
         SELECT v."snippetId", v."score", v."rationale", $1, $2, v."inputTokens", v."outputTokens", v."costUsd", 'campaign', false, $3, ${PG_NOW}
         FROM unnest($4::int[], $5::int[], $6::text[], $7::int[], $8::int[], $9::float8[]) AS v("snippetId", "score", "rationale", "inputTokens", "outputTokens", "costUsd")
         ON CONFLICT ("snippetId", "model", "promptVersion") DO NOTHING
         RETURNING "snippetId", "score"
       )
       UPDATE snippet SET "llmScore" = added."score" FROM added WHERE snippet."id" = added."snippetId"
       RETURNING snippet."id"`,
      [
        campaign.model,
        campaign.promptVersion,
        campaign.id,
        labels.map((r) => r.snippetId),
        labels.map((r) => r.score),
        labels.map((r) => r.rationale),
        labels.map((r) => r.usage.inputTokens),
        labels.map((r) => r.usage.outputTokens),
        labels.map((r) => r.cost),
      ],
    );
    const labeled = new Set(added.rows.map((r) => r.id));
    for (const r of labels) status.set(r.itemId, labeled.has(r.snippetId) ? "labeled" : "skipped");
  }

  const skipped = [...status].filter(([, s]) => s === "skipped").map(([id]) => id);
  if (skipped.length > 0) await client.query(`UPDATE campaign_item SET "status" = 'skipped', "error" = $1 WHERE "id" = ANY($2::int[])`, [skipReason(campaign), skipped]);

  const statuses = items.map((r) => (byItem.get(r.itemId) === r ? (status.get(r.itemId) ?? null) : null));
  const t = totalsOf(items, statuses);
  if (t) {
    await client.query(
      `UPDATE label_campaign SET "labeled" = "labeled" + $2, "failed" = "failed" + $3, "skipped" = "skipped" + $4, "requests" = "requests" + $5, "retries" = "retries" + $6,
         "inputTokens" = "inputTokens" + $7::bigint, "outputTokens" = "outputTokens" + $8::bigint, "costUsd" = "costUsd" + $9::float8
       WHERE "id" = $1`,
      [campaign.id, t.labeled, t.failed, t.skipped, t.requests, t.retries, t.inputTokens, t.outputTokens, t.costUsd],
    );
  }
  return statuses;
}
