import { BadRequestError } from "openai";
import type OpenAI from "openai";
import type { ChatCompletion, ChatCompletionCreateParamsNonStreaming } from "openai/resources/chat/completions";
import { classifyLlmError } from "@/lib/llm/classify-llm-error";
import { LlmResponseError } from "@/lib/llm/llm-response-error";
import { renderGenerationPrompt } from "@/lib/llm/prompts/render-generation-prompt";
import { redactSecrets } from "@/lib/llm/redact-secrets";
import type { PromptVersion, Usage } from "@/lib/llm/types";
import { withLlmRetry, type RetryInfo } from "@/lib/llm/with-llm-retry";
import { withRequestSignal } from "@/lib/llm/with-request-signal";
import type { SyntheticKind, SyntheticParts } from "./compose-content";
import { generationResponseFormat } from "./generation-response-format";
import { parseGenerationReply } from "./parse-generation-reply";

const RAW_REPLY_LIMIT = 20_000;

// Base URLs whose server rejected response_format once: later generation requests go plain from the start.
const noStructuredOutput = new Set<string>();

// Reasoning models (o1, o3, o4-mini…, gpt-5) take only the default temperature and max_completion_tokens.
const isReasoningModel = (model: string) => /^(o\d|gpt-5)/i.test(model);

export type GenerationRequest = {
  kind: SyntheticKind;
  topic: string;
  audience: string | null;
  functionName: string | null;
};

export type GenerationOutcome =
  | { ok: true; parts: SyntheticParts; usage: Usage; requests: number; latencyMs: number }
  | { ok: false; error: string; rawReply: string | null; usage: Usage; requests: number; latencyMs: number };

export type GenerateItemOptions = {
  client: OpenAI;
  model: string;
  prompt: PromptVersion;
  item: GenerationRequest;
  temperature: number;
  maxTokens: number;
  signal?: AbortSignal;
  maxAttempts?: number;
  baseDelayMs?: number;
  onRetry?: (info: RetryInfo) => void;
};

/** One generation request body (structured output unless the server is known to reject it). */
export function buildGenerationRequest(o: Pick<GenerateItemOptions, "model" | "prompt" | "item" | "temperature" | "maxTokens">, structured = true): ChatCompletionCreateParamsNonStreaming {
  const { system, user } = renderGenerationPrompt(o.prompt, o.item);
  const reasoning = isReasoningModel(o.model);
  return {
    model: o.model,
    messages: [
      { role: "system", content: system },
      { role: "user", content: user },
    ],
    ...(reasoning ? { max_completion_tokens: o.maxTokens } : { temperature: o.temperature, max_tokens: o.maxTokens }),
    ...(structured ? { response_format: generationResponseFormat(o.item.kind) } : {}),
  };
}

/**
 * Generates one textbook section or exercise, retries included (lib/llm's withLlmRetry: Retry-After, backoff,
 * timeouts). Never throws for HTTP or parse failures: they come back as `ok: false` with a reason and the raw
 * reply when one arrived, so a campaign records them and moves on. Throws only the signal's reason on abort.
 * An exercise must define the function it was asked for; a reply cut off at the token limit fails.
 */
export async function generateItem(opts: GenerateItemOptions): Promise<GenerationOutcome> {
  const started = performance.now();
  const usage: Usage = { inputTokens: 0, outputTokens: 0 };
  let requests = 0;
  const done = <T extends object>(rest: T) => ({ ...rest, usage, requests, latencyMs: Math.round(performance.now() - started) });
  const redact = (s: string) => redactSecrets(s, [opts.client.apiKey]);

  const request = (structured: boolean) =>
    withLlmRetry(
      async () => {
        requests++;
        const body = buildGenerationRequest(opts, structured);
        const completion = opts.signal
          ? await withRequestSignal(opts.signal, (signal) => opts.client.chat.completions.create(body, { signal }))
          : await opts.client.chat.completions.create(body);
        return readCompletion(completion, usage);
      },
      { signal: opts.signal, maxAttempts: opts.maxAttempts, baseDelayMs: opts.baseDelayMs, onRetry: opts.onRetry && ((info) => opts.onRetry!({ ...info, reason: redact(info.reason) })) },
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
    return done({ ok: false as const, error: redact((requests > 1 ? `failed after ${requests} attempts: ` : "") + reason), rawReply: null });
  }

  const raw = reply.content.slice(0, RAW_REPLY_LIMIT);
  if (reply.refusal) return done({ ok: false as const, error: `model refused: ${reply.refusal.slice(0, 500)}`, rawReply: reply.refusal.slice(0, RAW_REPLY_LIMIT) });
  if (reply.finishReason === "length") return done({ ok: false as const, error: `the reply was cut off at the token limit (max tokens ${opts.maxTokens})`, rawReply: raw });
  const parsed = parseGenerationReply(opts.item.kind, reply.content);
  if (!parsed.ok) return done({ ok: false as const, error: `unparseable reply: ${parsed.error}`, rawReply: raw });
  const name = opts.item.functionName;
  if (opts.item.kind === "exercise" && name && !new RegExp(`(^|\\n)\\s*def\\s+${name}\\s*\\(`).test(parsed.parts.prompt ?? "")) {
    return done({ ok: false as const, error: `the exercise does not define the requested function ${name}()`, rawReply: raw });
  }
  return done({ ok: true as const, parts: parsed.parts });
}

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
