import { BadRequestError } from "openai";
import type OpenAI from "openai";
import type { ChatCompletion } from "openai/resources/chat/completions";
import { buildScoreRequest } from "./build-score-request";
import { classifyLlmError } from "./classify-llm-error";
import { LlmResponseError } from "./llm-response-error";
import { parseScoreReply } from "./parse-score-reply";
import { redactSecrets } from "./redact-secrets";
import type { PromptVersion, ScoreInput, ScoreOutcome, Usage } from "./types";
import { withLlmRetry, type RetryInfo } from "./with-llm-retry";
import { withRequestSignal } from "./with-request-signal";

const RAW_REPLY_LIMIT = 4000;

// Base URLs whose server rejected response_format once: later requests go plain from the start.
const noStructuredOutput = new Set<string>();

export type ScoreSnippetOptions = {
  client: OpenAI;
  model: string;
  prompt: PromptVersion;
  snippet: ScoreInput;
  signal?: AbortSignal;
  maxAttempts?: number;
  baseDelayMs?: number;
  onRetry?: (info: RetryInfo) => void;
};

/**
 * Scores one snippet, retries included. Never throws for HTTP or parse failures: those come back as
 * `ok: false` with a reason (and the raw reply when one arrived), so a campaign records them and moves on.
 * Throws only the signal's reason when `signal` aborts.
 */
export async function scoreSnippet(opts: ScoreSnippetOptions): Promise<ScoreOutcome> {
  const started = performance.now();
  const usage: Usage = { inputTokens: 0, outputTokens: 0 };
  let requests = 0;
  const done = <T extends object>(rest: T) => ({ ...rest, usage, requests, latencyMs: Math.round(performance.now() - started) });

  const request = (structured: boolean) =>
    withLlmRetry(
      async () => {
        requests++;
        const body = buildScoreRequest({ model: opts.model, prompt: opts.prompt, snippet: opts.snippet, structured });
        // A signal per request: the SDK never removes the listener it adds to the one it is given, and the
        // caller's signal usually lives for a whole campaign.
        const completion = opts.signal
          ? await withRequestSignal(opts.signal, (signal) => opts.client.chat.completions.create(body, { signal }))
          : await opts.client.chat.completions.create(body);
        return readCompletion(completion, usage);
      },
      {
        signal: opts.signal,
        maxAttempts: opts.maxAttempts,
        baseDelayMs: opts.baseDelayMs,
        onRetry: opts.onRetry && ((info) => opts.onRetry!({ ...info, reason: redactSecrets(info.reason, [opts.client.apiKey]) })),
      },
    );

  let reply: Awaited<ReturnType<typeof readCompletion>>;
  try {
    const structured = !noStructuredOutput.has(opts.client.baseURL);
    try {
      reply = (await request(structured)).value;
    } catch (e) {
      if (!structured || !rejectsResponseFormat(e)) throw e;
      noStructuredOutput.add(opts.client.baseURL);
      reply = (await request(false)).value;
    }
  } catch (e) {
    opts.signal?.throwIfAborted();
    const { reason } = classifyLlmError(e);
    const prefix = requests > 1 ? `failed after ${requests} attempts: ` : "";
    return done({ ok: false as const, error: redactSecrets(prefix + reason, [opts.client.apiKey]), rawReply: null });
  }

  if (reply.refusal) return done({ ok: false as const, error: `model refused: ${reply.refusal.slice(0, 500)}`, rawReply: reply.refusal.slice(0, RAW_REPLY_LIMIT) });
  const parsed = parseScoreReply(reply.content);
  if (!parsed.ok) {
    const cut = reply.finishReason === "length" ? " (the reply was cut off at the token limit)" : "";
    return done({ ok: false as const, error: `unparseable reply: ${parsed.error}${cut}`, rawReply: reply.content.slice(0, RAW_REPLY_LIMIT) });
  }
  return done({ ok: true as const, score: parsed.score, rationale: parsed.rationale });
}

/** Adds the reply's usage (it was billed whatever happens next) and checks its shape. */
function readCompletion(completion: ChatCompletion, usage: Usage) {
  usage.inputTokens += completion?.usage?.prompt_tokens ?? 0;
  usage.outputTokens += completion?.usage?.completion_tokens ?? 0;
  const choice = completion?.choices?.[0];
  if (!choice?.message) throw new LlmResponseError("the response has no choices");
  return { content: choice.message.content ?? "", refusal: choice.message.refusal ?? null, finishReason: choice.finish_reason };
}

function rejectsResponseFormat(e: unknown): boolean {
  return (e instanceof BadRequestError || (e as { status?: number })?.status === 422) && /response_format|json_schema|structured/i.test((e as Error).message);
}
