import { describe, expect, it } from "vitest";
import { buildScoreRequest, SCORE_RESPONSE_FORMAT } from "@/lib/llm/build-score-request";
import { retryAfterMs } from "@/lib/llm/classify-llm-error";
import { countChatTokens, countTokens } from "@/lib/llm/count-tokens";
import { parseLlmEnv } from "@/lib/llm/llm-env";
import { costOf } from "@/lib/llm/pricing/cost-of";
import { DEFAULT_PROMPTS } from "@/lib/llm/prompts/default-prompts";
import { renderPrompt } from "@/lib/llm/prompts/render-prompt";
import { redactSecrets } from "@/lib/llm/redact-secrets";
import type { PromptVersion } from "@/lib/llm/types";
import { ZWorkerEnv } from "@/workers/env";

const prompt: PromptVersion = { id: 1, task: "edu-score", version: "t", system: "sys", template: "Lang {{language}} at {{ path }}:\n{{code}}", maxCodeChars: 20 };

describe("countTokens", () => {
  it("counts o200k_base tokens", () => {
    expect(countTokens("")).toBe(0);
    expect(countTokens("hello world")).toBe(2);
    const code = "def add(a, b):\n    return a + b\n";
    expect(countTokens(code)).toBeGreaterThan(5);
    expect(countTokens(code)).toBeLessThan(code.length);
  });

  it("counts special-token text in code instead of throwing", () => {
    expect(countTokens("x = '<|endoftext|>'")).toBeGreaterThan(3);
  });

  it("adds per-message framing for chat requests", () => {
    const messages = [
      { role: "system", content: "You rate code." },
      { role: "user", content: "print(1)" },
    ];
    const content = countTokens("You rate code.") + countTokens("print(1)");
    expect(countChatTokens(messages)).toBe(content + 2 * (3 + 1) + 3);
  });
});

describe("costOf", () => {
  const price = { inputPerMTok: 0.15, outputPerMTok: 0.6, batchFactor: 0.5 };
  it("prices usage per million tokens, halved through the Batch API", () => {
    expect(costOf(price, { inputTokens: 1_000_000, outputTokens: 1_000_000 })).toBeCloseTo(0.75);
    expect(costOf(price, { inputTokens: 2000, outputTokens: 100 }, { batch: true })).toBeCloseTo((2000 * 0.15 + 100 * 0.6) / 2e6);
  });
  it("is 0 for an unknown price", () => {
    expect(costOf(null, { inputTokens: 5, outputTokens: 5 })).toBe(0);
  });
});

describe("renderPrompt and buildScoreRequest", () => {
  it("fills placeholders once, leaving placeholder-like code alone", () => {
    const r = renderPrompt({ ...prompt, maxCodeChars: 1000 }, { content: "s = '{{path}}'", language: "python", path: null });
    expect(r.user).toBe("Lang python at (unknown):\ns = '{{path}}'");
    expect(r.truncated).toBe(false);
  });

  it("keeps the head of long code and marks the cut", () => {
    const r = renderPrompt(prompt, { content: "a".repeat(20) + "b".repeat(1500), language: "go", path: "x.go" });
    expect(r.truncated).toBe(true);
    expect(r.user).toContain("a".repeat(20) + "\n… [truncated: 1,500 more characters not shown]");
    expect(r.user).not.toContain("b");
  });

  it("asks for JSON-schema output by default and plain text on request", () => {
    const snippet = { content: "x = 1", language: "python", path: "a.py" };
    const structured = buildScoreRequest({ model: "gpt-4o-mini", prompt, snippet });
    expect(structured.response_format).toEqual(SCORE_RESPONSE_FORMAT);
    expect(SCORE_RESPONSE_FORMAT.json_schema.schema.properties.score).toMatchObject({ type: "integer", minimum: 0, maximum: 5 });
    expect(structured.messages).toEqual([
      { role: "system", content: "sys" },
      { role: "user", content: "Lang python at a.py:\nx = 1" },
    ]);
    expect(structured.temperature).toBe(0);
    const plain = buildScoreRequest({ model: "o4-mini", prompt, snippet, structured: false });
    expect(plain.response_format).toBeUndefined();
    expect(plain.temperature).toBeUndefined();
  });

  it("ships a default rubric with the required placeholder", () => {
    const edu = DEFAULT_PROMPTS[0];
    expect(edu.version).toBe("edu-v1");
    expect(edu.template).toContain("{{code}}");
    expect(edu.template.match(/^\d\. /gm)).toHaveLength(5);
  });
});

describe("environment", () => {
  it("accepts an empty environment and names a bad variable", () => {
    expect(parseLlmEnv({})).toEqual({});
    expect(parseLlmEnv({ OPENAI_BASE_URL: " http://localhost:11434/v1 ", OPENAI_TIMEOUT_MS: "5000", OPENAI_API_KEY: "" })).toEqual({ OPENAI_BASE_URL: "http://localhost:11434/v1", OPENAI_TIMEOUT_MS: 5000 });
    expect(() => parseLlmEnv({ OPENAI_BASE_URL: "localhost:11434" })).toThrow(/OPENAI_BASE_URL/);
    expect(() => parseLlmEnv({ OPENAI_BASE_URL: "ftp://x/v1" })).toThrow(/OPENAI_BASE_URL/);
    expect(() => parseLlmEnv({ OPENAI_TIMEOUT_MS: "soon" })).toThrow(/OPENAI_TIMEOUT_MS/);
    expect(() => parseLlmEnv({ SYLLABUS_LABEL_MODEL: "gpt 4" })).toThrow(/SYLLABUS_LABEL_MODEL/);
  });

  it("is checked by the worker at start", () => {
    expect(ZWorkerEnv.safeParse({ OPENAI_TIMEOUT_MS: "x" }).success).toBe(false);
    expect(ZWorkerEnv.safeParse({ OPENAI_BASE_URL: "http://127.0.0.1:4010/v1" }).success).toBe(true);
  });
});

describe("retryAfterMs and redactSecrets", () => {
  it("reads seconds, milliseconds and HTTP dates", () => {
    expect(retryAfterMs(new Headers({ "retry-after": "2" }))).toBe(2000);
    expect(retryAfterMs(new Headers({ "retry-after": "2", "retry-after-ms": "150" }))).toBe(150);
    const now = Date.parse("2026-01-01T00:00:00Z");
    expect(retryAfterMs(new Headers({ "retry-after": "Thu, 01 Jan 2026 00:00:03 GMT" }), now)).toBe(3000);
    expect(retryAfterMs(new Headers({ "retry-after": "soon" }))).toBeNull();
    expect(retryAfterMs(undefined)).toBeNull();
  });

  it("masks the configured key and key-shaped strings", () => {
    expect(redactSecrets("Incorrect API key provided: sk-proj-abc123****wxyz", [])).toBe("Incorrect API key provided: sk-***");
    expect(redactSecrets("bad key my-local-secret here", ["my-local-secret"])).toBe("bad key *** here");
  });
});
