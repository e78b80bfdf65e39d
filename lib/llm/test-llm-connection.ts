import { APIError } from "openai";
import { classifyLlmError } from "./classify-llm-error";
import { isLlmConfigured } from "./config";
import { createLlmClient } from "./create-llm-client";
import { redactSecrets } from "./redact-secrets";
import type { LlmConfig } from "./types";

export type LlmConnectionResult = {
  ok: boolean;
  /** How the endpoint was checked: listing models, or (when /models is unsupported) a 1-token chat request. */
  via: "models" | "chat" | null;
  latencyMs: number | null;
  endpoint: string;
  /** Models the server lists (first 200), empty when checked by chat. */
  available: string[];
  /** Whether each configured model is listed; null when the server could not tell us. */
  models: Record<"label" | "generate" | "embed", { name: string; listed: boolean | null }>;
  error: string | null;
};

const TEST_TIMEOUT_MS = 15_000;

/** Checks the endpoint with the given settings. Messages never contain the API key. */
export async function testLlmConnection(cfg: LlmConfig): Promise<LlmConnectionResult> {
  const endpoint = cfg.baseUrl ?? "https://api.openai.com/v1";
  const result: LlmConnectionResult = {
    ok: false,
    via: null,
    latencyMs: null,
    endpoint,
    available: [],
    models: {
      label: { name: cfg.models.label, listed: null },
      generate: { name: cfg.models.generate, listed: null },
      embed: { name: cfg.models.embed, listed: null },
    },
    error: null,
  };
  if (!isLlmConfigured(cfg)) return { ...result, error: "not configured: set a base URL or an API key" };

  const client = createLlmClient({ ...cfg, timeoutMs: Math.min(cfg.timeoutMs, TEST_TIMEOUT_MS) });
  const describe = (e: unknown) => redactSecrets(classifyLlmError(e).reason, [cfg.apiKey]);
  const started = performance.now();
  try {
    const page = await client.models.list();
    result.latencyMs = Math.round(performance.now() - started);
    const ids = new Set(page.data.map((m) => m.id));
    result.available = [...ids].sort().slice(0, 200);
    for (const m of Object.values(result.models)) m.listed = ids.has(m.name);
    return { ...result, ok: true, via: "models" };
  } catch (e) {
    if (!(e instanceof APIError && [404, 405, 501].includes(e.status ?? 0))) return { ...result, error: describe(e) };
  }

  const chatStarted = performance.now();
  try {
    await client.chat.completions.create({ model: cfg.models.label, messages: [{ role: "user", content: "Reply with OK." }], max_tokens: 1 });
    result.latencyMs = Math.round(performance.now() - chatStarted);
    result.models.label.listed = true;
    return { ...result, ok: true, via: "chat" };
  } catch (e) {
    return { ...result, via: "chat", error: `GET /models is not supported and a test chat request failed: ${describe(e)}` };
  }
}
