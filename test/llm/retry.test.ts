import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { AuthenticationError, InternalServerError } from "openai";
import { createLlmClient } from "@/lib/llm/create-llm-client";
import { withLlmRetry, type RetryInfo } from "@/lib/llm/with-llm-retry";
import { startFakeOpenAI, type FakeOpenAI } from "../fake-openai/server";
import { testConfig } from "./helpers";

let fake: FakeOpenAI;
beforeAll(async () => {
  fake = await startFakeOpenAI({ hangMs: 5_000 });
});
afterAll(() => fake.close());
beforeEach(() => fake.setFaults({}));

const ask = (client: ReturnType<typeof createLlmClient>, signal?: AbortSignal) => client.chat.completions.create({ model: "gpt-4o-mini", messages: [{ role: "user", content: "hi" }] }, { signal });

/** Runs fn with retries; the fault plan is cleared once `faultyAttempts` attempts have failed. */
async function retryUntilHealed(faultyAttempts: number, opts: { timeoutMs?: number; maxAttempts?: number } = {}) {
  const client = createLlmClient(testConfig(fake.baseURL, { timeoutMs: opts.timeoutMs ?? 10_000 }));
  const retries: RetryInfo[] = [];
  const started = Date.now();
  const result = await withLlmRetry(() => ask(client), {
    baseDelayMs: 20,
    maxAttempts: opts.maxAttempts,
    onRetry: (info) => {
      retries.push(info);
      if (retries.length >= faultyAttempts) fake.setFaults({});
    },
  });
  return { ...result, retries, elapsedMs: Date.now() - started };
}

describe("withLlmRetry against the fake server", () => {
  it("waits what Retry-After asks on 429", async () => {
    fake.setFaults({ rate429: 1, retryAfterSeconds: 1 });
    const r = await retryUntilHealed(1);
    expect(r.attempts).toBe(2);
    expect(r.retries).toEqual([{ attempt: 1, status: 429, waitMs: 1000, reason: expect.stringContaining("HTTP 429") }]);
    expect(r.elapsedMs).toBeGreaterThanOrEqual(950);
    expect(r.elapsedMs).toBeLessThan(3000);
    expect(r.value.choices[0].message.content).toBeTruthy();
  });

  it("caps a long Retry-After at maxDelayMs", async () => {
    fake.setFaults({ rate429: 1, retryAfterSeconds: 120 });
    const client = createLlmClient(testConfig(fake.baseURL));
    const waits: number[] = [];
    const started = Date.now();
    await withLlmRetry(() => ask(client), { maxDelayMs: 200, onRetry: (i) => (waits.push(i.waitMs), fake.setFaults({})) });
    expect(waits).toEqual([200]);
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it("retries 500s with exponential backoff and full jitter", async () => {
    fake.setFaults({ rate500: 1 });
    const r = await retryUntilHealed(3);
    expect(r.attempts).toBe(4);
    expect(r.retries.map((i) => i.status)).toEqual([500, 500, 500]);
    r.retries.forEach((info, i) => expect(info.waitMs).toBeLessThanOrEqual(20 * 2 ** i));
  });

  it("gives up after maxAttempts with the last error", async () => {
    fake.setFaults({ rate500: 1 });
    const client = createLlmClient(testConfig(fake.baseURL));
    const before = fake.stats().chatCompletions;
    await expect(withLlmRetry(() => ask(client), { maxAttempts: 3, baseDelayMs: 1 })).rejects.toBeInstanceOf(InternalServerError);
    expect(fake.stats().chatCompletions - before).toBe(3);
  });

  it("retries a request that timed out on the client", async () => {
    fake.setFaults({ rateTimeout: 1 });
    const r = await retryUntilHealed(1, { timeoutMs: 300 });
    expect(r.attempts).toBe(2);
    expect(r.retries[0]).toMatchObject({ status: null, reason: "request timed out" });
  });

  it("retries a broken response body", async () => {
    fake.setFaults({ rateBrokenBody: 1 });
    const r = await retryUntilHealed(1);
    expect(r.attempts).toBe(2);
    expect(r.retries[0].reason).toMatch(/broken response body/);
  });

  it("does not retry 401", async () => {
    const locked = await startFakeOpenAI({ apiKey: "right-key" });
    try {
      const client = createLlmClient(testConfig(locked.baseURL, { apiKey: "wrong-key" }));
      const retries: RetryInfo[] = [];
      await expect(withLlmRetry(() => ask(client), { onRetry: (i) => retries.push(i) })).rejects.toBeInstanceOf(AuthenticationError);
      expect(retries).toEqual([]);
      expect(locked.stats().requests).toBe(1);
    } finally {
      await locked.close();
    }
  });

  it("stops waiting as soon as the signal aborts", async () => {
    fake.setFaults({ rate429: 1, retryAfterSeconds: 30 });
    const client = createLlmClient(testConfig(fake.baseURL));
    const controller = new AbortController();
    const reason = new Error("job cancelled");
    setTimeout(() => controller.abort(reason), 200);
    const started = Date.now();
    await expect(withLlmRetry(() => ask(client, controller.signal), { signal: controller.signal })).rejects.toBe(reason);
    expect(Date.now() - started).toBeLessThan(1500);
  });

  it("aborts a request in flight", async () => {
    fake.setFaults({ rateTimeout: 1 });
    const client = createLlmClient(testConfig(fake.baseURL));
    const controller = new AbortController();
    const reason = new Error("worker is shutting down");
    setTimeout(() => controller.abort(reason), 200);
    const started = Date.now();
    await expect(withLlmRetry(() => ask(client, controller.signal), { signal: controller.signal })).rejects.toBe(reason);
    expect(Date.now() - started).toBeLessThan(1500);
  });
});
