import { describe, expect, it } from "vitest";
import { batchPollIntervalMs } from "./batch-settings";
import { itemIdOf } from "./batch-request-line";
import { readBatchLine } from "./read-batch-line";

const completion = (content: string, finish = "stop") => ({ choices: [{ index: 0, message: { role: "assistant", content, refusal: null }, finish_reason: finish }], usage: { prompt_tokens: 120, completion_tokens: 30 } });
const line = (customId: string, statusCode: number, body: unknown, error: unknown = null) => JSON.stringify({ id: "batch_req_1", custom_id: customId, response: { status_code: statusCode, request_id: "req_1", body }, error });

describe("readBatchLine", () => {
  it("reads a structured reply with its usage", () => {
    expect(readBatchLine(line("item-7", 200, completion('{"rationale":"clear loop","score":4}')))).toEqual({
      itemId: 7,
      outcome: { ok: true, score: 4, rationale: "clear loop", usage: { inputTokens: 120, outputTokens: 30 }, requests: 1, latencyMs: 0 },
    });
  });

  it("falls back to the tolerant parser for prose", () => {
    const { outcome } = readBatchLine(line("item-8", 200, completion("Educational score: 3\nok")));
    expect(outcome).toMatchObject({ ok: true, score: 3 });
  });

  it("keeps the raw reply and the billed usage when the reply cannot be parsed", () => {
    const { itemId, outcome } = readBatchLine(line("item-9", 200, completion("I'm not able to rate this snippet.", "length")));
    expect(itemId).toBe(9);
    expect(outcome).toMatchObject({ ok: false, rawReply: "I'm not able to rate this snippet.", usage: { inputTokens: 120, outputTokens: 30 } });
    expect(!outcome.ok && outcome.error).toMatch(/unparseable reply: .*cut off/);
  });

  it("fails non-200 lines and line-level errors with the provider's message", () => {
    const notFound = readBatchLine(line("item-10", 404, { error: { message: "The model 'x' does not exist.", code: "model_not_found" } }));
    expect(notFound.outcome).toMatchObject({ ok: false, error: "batch request failed: HTTP 404: model_not_found: The model 'x' does not exist." });
    const lineError = readBatchLine(JSON.stringify({ id: "r", custom_id: "item-11", response: null, error: { code: "expired", message: "not run" } }));
    expect(lineError).toMatchObject({ itemId: 11, outcome: { ok: false, error: "batch request failed: expired: not run" } });
  });

  it("returns no item for garbage and foreign ids", () => {
    expect(readBatchLine("{not json").itemId).toBeNull();
    expect(readBatchLine(line("other-3", 200, completion("{}"))).itemId).toBeNull();
    expect(itemIdOf("item-12x")).toBeNull();
  });
});

describe("batchPollIntervalMs", () => {
  it("defaults to 30 s and rejects nonsense", () => {
    expect(batchPollIntervalMs({})).toBe(30_000);
    expect(batchPollIntervalMs({ SYLLABUS_BATCH_POLL_MS: "250" })).toBe(250);
    expect(() => batchPollIntervalMs({ SYLLABUS_BATCH_POLL_MS: "soon" })).toThrow(/SYLLABUS_BATCH_POLL_MS/);
  });
});
