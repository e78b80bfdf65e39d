import type OpenAI from "openai";
import { z } from "zod";
import type { TaskContext } from "@/lib/context";
import { db } from "@/lib/db/client";
import { classifyLlmError } from "@/lib/llm/classify-llm-error";
import { getLlmConfig, isLlmConfigured, LlmNotConfiguredError } from "@/lib/llm/config";
import { createLlmClient } from "@/lib/llm/create-llm-client";
import { withLlmRetry, type LlmRetryOptions } from "@/lib/llm/with-llm-retry";
import { withRequestSignal } from "@/lib/llm/with-request-signal";
import { truncateForEmbedding } from "./truncate-for-embedding";
import { writeEmbeddings, type EmbeddingRow } from "./write-embeddings";

export const ZEmbedSnippets = z.object({
  datasetId: z.number().int().positive(),
  /** Embedding model; default: the configured one (Settings, SYLLABUS_EMBED_MODEL, text-embedding-3-small). */
  model: z.string().trim().min(1).max(200).optional(),
});
export type TEmbedSnippets = z.infer<typeof ZEmbedSnippets>;

export type EmbedSnippetsOptions = {
  /** Snippets read per step (default 64); one request each unless their tokens exceed the request budget. */
  batchSize?: number;
  /** Requests in flight (default 4). */
  concurrency?: number;
  retry?: Pick<LlmRetryOptions, "maxAttempts" | "baseDelayMs" | "maxDelayMs">;
};

export type EmbedSnippetsResult = {
  status: "succeeded" | "interrupted";
  model: string;
  total: number;
  /** Cached before this run. */
  cached: number;
  /** Inserted by this run. */
  embedded: number;
  /** Rejected by the endpoint (HTTP 400 for that input alone); retried on the next run. */
  skipped: number;
  requests: number;
};

// OpenAI caps one embeddings request at 300,000 input tokens; estimates here are upper bounds.
const REQUEST_TOKEN_BUDGET = 250_000;
// A 400 for each input alone, this many times: the endpoint rejects everything (wrong model kind…), stop.
const MAX_SKIPPED = 20;

type Pending = { id: number; content: string };
type Prepared = { id: number; text: string; tokens: number };

/**
 * The `classifier.embed` job: embeds every snippet of a dataset that has no cached vector for the model,
 * in batches through the configured OpenAI-compatible endpoint, and caches the vectors in
 * `snippet_embedding` (Float32 LE bytes, as the API sends them base64-encoded).
 *
 * Idempotent and resumable: it only ever asks for snippets without a vector, writes insert-or-ignore, and
 * commits each batch as it arrives, so a rerun after a crash, a cancel or a second worker on the same
 * dataset continues where the cache stands and never pays twice for a stored vector.
 */
export async function embedSnippets(input: TEmbedSnippets, ctx: TaskContext, options: EmbedSnippetsOptions = {}): Promise<EmbedSnippetsResult> {
  const { datasetId, model: requested } = ZEmbedSnippets.parse(input);
  const cfg = await getLlmConfig();
  if (!isLlmConfigured(cfg)) throw new LlmNotConfiguredError();
  const model = requested ?? cfg.models.embed;
  const client = createLlmClient(cfg);
  const batchSize = options.batchSize ?? 64;
  const concurrency = Math.max(1, options.concurrency ?? 4);

  const total = await db().snippet.count({ where: { datasetId } });
  const cached = await db().snippetEmbedding.count({ where: { model, snippet: { datasetId } } });
  const result: EmbedSnippetsResult = { status: "succeeded", model, total, cached, embedded: 0, skipped: 0, requests: 0 };
  ctx.log(`${(total - cached).toLocaleString("en-US")} of ${total.toLocaleString("en-US")} snippets to embed with ${model}`, "info");
  await ctx.reportProgress(cached, total, `embedding with ${model}`);

  let processed = 0;
  const request = async (items: readonly Prepared[]): Promise<(Uint8Array | null)[]> => {
    try {
      const { value, attempts } = await withLlmRetry(
        () => withRequestSignal(ctx.signal, (signal) => client.embeddings.create({ model, input: items.map((p) => p.text), encoding_format: "base64" }, { signal })),
        { ...options.retry, signal: ctx.signal, onRetry: (info) => ctx.log(`embeddings request failed (${info.reason}); retrying in ${info.waitMs} ms`, "warn") },
      );
      result.requests += attempts;
      return vectorsOf(value, items.length);
    } catch (e) {
      if (ctx.signal.aborted || classifyLlmError(e).status !== 400) throw e;
      result.requests++;
      // One bad input (too long for this model's tokenizer, say) fails the whole request: split to find it.
      if (items.length > 1) {
        const half = Math.ceil(items.length / 2);
        return [...(await request(items.slice(0, half))), ...(await request(items.slice(half)))];
      }
      if (++result.skipped > MAX_SKIPPED) throw e;
      ctx.log(`snippet ${items[0].id} skipped: ${classifyLlmError(e).reason}`, "warn");
      return [null];
    }
  };

  const embedBatch = async (rows: readonly Pending[]) => {
    const prepared = rows.map((r) => ({ id: r.id, ...truncateForEmbedding(r.content) }));
    const out: EmbeddingRow[] = [];
    for (const group of packRequests(prepared, batchSize)) {
      const vectors = await request(group);
      group.forEach((p, k) => {
        const vector = vectors[k];
        if (vector) out.push({ snippetId: p.id, vector });
      });
    }
    // Awaited first: `x += await …` would read x before the await and lose other batches' additions.
    const inserted = await writeEmbeddings({ model, rows: out });
    result.embedded += inserted;
    processed += rows.length;
    await ctx.heartbeat();
    await ctx.reportProgress(Math.min(total, cached + processed), total, `${result.embedded.toLocaleString("en-US")} embedded with ${model}`);
  };

  let afterId = 0;
  let failure: { error: unknown } | null = null;
  const inFlight = new Set<Promise<void>>();
  while (!ctx.signal.aborted && !failure) {
    const rows = await readPending({ datasetId, model, afterId, limit: batchSize });
    if (rows.length === 0) break;
    afterId = rows[rows.length - 1].id;
    const task: Promise<void> = embedBatch(rows)
      .catch((error: unknown) => {
        failure ??= { error };
      })
      .finally(() => inFlight.delete(task));
    inFlight.add(task);
    if (inFlight.size >= concurrency) await Promise.race(inFlight);
  }
  await Promise.all(inFlight);
  if (ctx.signal.aborted) return { ...result, status: "interrupted" };
  if (failure) throw (failure as { error: unknown }).error;
  ctx.log(`${result.embedded.toLocaleString("en-US")} snippets embedded with ${model} in ${result.requests.toLocaleString("en-US")} requests${result.skipped ? `; ${result.skipped} skipped` : ""}`, "info");
  return result;
}

/** The next snippets after `afterId` (id order) with no vector for the model. */
async function readPending({ datasetId, model, afterId, limit }: { datasetId: number; model: string; afterId: number; limit: number }): Promise<Pending[]> {
  const rows = await db().$queryRaw<{ id: number | bigint; content: string }[]>`
    SELECT s."id", s."content" FROM snippet s
    WHERE s."datasetId" = ${datasetId} AND s."id" > ${afterId}
      AND NOT EXISTS (SELECT 1 FROM snippet_embedding e WHERE e."snippetId" = s."id" AND e."model" = ${model})
    ORDER BY s."id"
    LIMIT ${limit}`;
  return rows.map((r) => ({ id: Number(r.id), content: r.content }));
}

/** Groups inputs into requests of at most `maxInputs` inputs and REQUEST_TOKEN_BUDGET tokens. */
function packRequests(items: readonly Prepared[], maxInputs: number): Prepared[][] {
  const groups: Prepared[][] = [];
  let current: Prepared[] = [];
  let tokens = 0;
  for (const item of items) {
    if (current.length > 0 && (current.length >= maxInputs || tokens + item.tokens > REQUEST_TOKEN_BUDGET)) {
      groups.push(current);
      current = [];
      tokens = 0;
    }
    current.push(item);
    tokens += item.tokens;
  }
  if (current.length > 0) groups.push(current);
  return groups;
}

/**
 * The reply's vectors as Float32 LE bytes, in input order. We ask for base64 (4 bytes per dimension
 * instead of ~20 characters of JSON); a server that ignores encoding_format and sends numbers works too.
 */
function vectorsOf(reply: OpenAI.CreateEmbeddingResponse, count: number): Uint8Array[] {
  const data = reply.data ?? [];
  if (data.length !== count) throw new Error(`the embeddings endpoint returned ${data.length} vectors for ${count} inputs`);
  const out = new Array<Uint8Array>(count);
  let dims = -1;
  for (const d of data) {
    const raw = d.embedding as unknown;
    const bytes = typeof raw === "string" ? Buffer.from(raw, "base64") : Array.isArray(raw) ? Buffer.from(Float32Array.from(raw as number[]).buffer) : null;
    if (!bytes || bytes.byteLength === 0 || bytes.byteLength % 4 !== 0) throw new Error("the embeddings endpoint returned a malformed vector");
    if (dims !== -1 && bytes.byteLength / 4 !== dims) throw new Error("the embeddings endpoint returned vectors of different lengths");
    dims = bytes.byteLength / 4;
    if (!Number.isInteger(d.index) || d.index < 0 || d.index >= count || out[d.index]) throw new Error("the embeddings endpoint returned vectors with bad indexes");
    out[d.index] = bytes;
  }
  return out;
}
