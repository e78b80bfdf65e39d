import http from "node:http";
import type { AddressInfo } from "node:net";
import type { LlmConfig } from "@/lib/llm/types";

/** An LlmConfig pointing at a test server, as getLlmConfig would return it. */
export function testConfig(baseUrl: string, overrides: Partial<LlmConfig> = {}): LlmConfig {
  return {
    baseUrl,
    apiKey: null,
    models: { label: "gpt-4o-mini", generate: "gpt-4o-mini", embed: "text-embedding-3-small" },
    timeoutMs: 10_000,
    sources: { baseUrl: "env", apiKey: "default", label: "default", generate: "default", embed: "default", timeoutMs: "default" },
    ...overrides,
  };
}

/**
 * A minimal server that behaves like an OpenAI-compatible server without structured output and without
 * GET /models (e.g. an older llama.cpp): a 400 naming response_format, a prose reply otherwise.
 */
export async function startPlainServer(): Promise<{ baseURL: string; requests: { path: string; body: Record<string, unknown> | null }[]; close: () => Promise<void> }> {
  const requests: { path: string; body: Record<string, unknown> | null }[] = [];
  const server = http.createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const body = chunks.length ? (JSON.parse(Buffer.concat(chunks).toString("utf8")) as Record<string, unknown>) : null;
    requests.push({ path: req.url ?? "", body });
    const json = (status: number, value: unknown) => {
      res.writeHead(status, { "content-type": "application/json" });
      res.end(JSON.stringify(value));
    };
    if (req.method !== "POST" || req.url !== "/v1/chat/completions") return json(404, { error: { message: "Not found" } });
    if (body?.response_format) return json(400, { error: { message: "Unsupported parameter: 'response_format' is not supported by this server", type: "invalid_request_error" } });
    json(200, {
      id: "c1",
      object: "chat.completion",
      created: 0,
      model: body?.model,
      choices: [{ index: 0, message: { role: "assistant", content: "The file defines one loop.\nEducational score: 2", refusal: null }, finish_reason: "stop" }],
      usage: { prompt_tokens: 50, completion_tokens: 10, total_tokens: 60 },
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const { port } = server.address() as AddressInfo;
  return { baseURL: `http://127.0.0.1:${port}/v1`, requests, close: () => new Promise((r) => server.close(() => r())) };
}
