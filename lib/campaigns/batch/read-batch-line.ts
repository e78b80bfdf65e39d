import { parseScoreReply } from "@/lib/llm/parse-score-reply";
import type { ScoreOutcome, Usage } from "@/lib/llm/types";
import { itemIdOf } from "./batch-request-line";

const RAW_REPLY_LIMIT = 4000;

type Json = Record<string, unknown>;
const obj = (v: unknown): Json | null => (v && typeof v === "object" && !Array.isArray(v) ? (v as Json) : null);

/**
 * One line of a batch output or error file as the outcome of its campaign item. A line is one request
 * (`requests: 1`); its usage is what the provider billed, also for replies that cannot be parsed. Batch
 * requests have no latency of their own (0). `itemId` is null for a line that names no item of ours.
 */
export function readBatchLine(line: string): { itemId: number | null; outcome: ScoreOutcome } {
  const usage: Usage = { inputTokens: 0, outputTokens: 0 };
  const failed = (error: string, rawReply: string | null = null): ScoreOutcome => ({ ok: false, error, rawReply, usage, requests: 1, latencyMs: 0 });
  let parsed: Json | null;
  try {
    parsed = obj(JSON.parse(line));
  } catch {
    parsed = null;
  }
  if (!parsed) return { itemId: null, outcome: failed("batch output line is not a JSON object") };
  const itemId = itemIdOf(parsed.custom_id);
  const lineError = obj(parsed.error);
  if (lineError) return { itemId, outcome: failed(`batch request failed: ${describe(lineError)}`) };
  const response = obj(parsed.response);
  const body = obj(response?.body);
  const u = obj(body?.usage);
  usage.inputTokens = Number(u?.prompt_tokens ?? 0) || 0;
  usage.outputTokens = Number(u?.completion_tokens ?? 0) || 0;
  if (response?.status_code !== 200) {
    const apiError = obj(body?.error);
    return { itemId, outcome: failed(`batch request failed: HTTP ${String(response?.status_code ?? "?")}${apiError ? `: ${describe(apiError)}` : ""}`) };
  }
  const choices = Array.isArray(body?.choices) ? body.choices : [];
  const message = obj(obj(choices[0])?.message);
  if (!message) return { itemId, outcome: failed("the response has no choices") };
  if (typeof message.refusal === "string" && message.refusal) return { itemId, outcome: failed(`model refused: ${message.refusal.slice(0, 500)}`, message.refusal.slice(0, RAW_REPLY_LIMIT)) };
  const content = typeof message.content === "string" ? message.content : "";
  const score = parseScoreReply(content);
  if (!score.ok) {
    const cut = obj(choices[0])?.finish_reason === "length" ? " (the reply was cut off at the token limit)" : "";
    return { itemId, outcome: failed(`unparseable reply: ${score.error}${cut}`, content.slice(0, RAW_REPLY_LIMIT)) };
  }
  return { itemId, outcome: { ok: true, score: score.score, rationale: score.rationale, usage, requests: 1, latencyMs: 0 } };
}

function describe(e: Json): string {
  const message = typeof e.message === "string" ? e.message : "no message";
  return typeof e.code === "string" ? `${e.code}: ${message}` : message;
}
