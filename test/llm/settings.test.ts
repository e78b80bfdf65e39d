import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { GET as getLlm, PUT as putLlm } from "@/app/api/settings/llm/route";
import { GET as getStatus } from "@/app/api/settings/llm/status/route";
import { POST as postTest } from "@/app/api/settings/llm/test/route";
import { DELETE as deletePriceRoute, GET as getPrices, PUT as putPrice } from "@/app/api/settings/prices/route";
import { db } from "@/lib/db/client";
import { getLlmConfig, isLlmConfigured } from "@/lib/llm/config";
import { createLlmClient } from "@/lib/llm/create-llm-client";
import { getPrice } from "@/lib/llm/pricing/get-price";
import { listPrices } from "@/lib/llm/pricing/list-prices";
import { decryptSecret } from "@/lib/llm/secret-box";
import { LLM_SETTING_KEYS } from "@/lib/llm/setting-keys";
import { startFakeOpenAI, type FakeOpenAI } from "../fake-openai/server";
import { useTestDatabase } from "../helpers/db";
import { call, seedUsers, type Users } from "./fixtures";

useTestDatabase();
const ENV_KEYS = ["OPENAI_API_KEY", "OPENAI_BASE_URL", "SYLLABUS_LABEL_MODEL", "SYLLABUS_GENERATE_MODEL", "SYLLABUS_EMBED_MODEL", "OPENAI_TIMEOUT_MS"];
const savedEnv = Object.fromEntries(ENV_KEYS.map((k) => [k, process.env[k]]));
const KEY = "sk-test-0123456789-secret";
let users: Users;
let fake: FakeOpenAI;

beforeAll(async () => {
  for (const k of ENV_KEYS) delete process.env[k];
  users = await seedUsers("settings");
  fake = await startFakeOpenAI({ apiKey: KEY });
});
afterEach(async () => {
  for (const k of ENV_KEYS) delete process.env[k];
  await db().setting.deleteMany({ where: { key: { startsWith: "llm." } } });
});
afterAll(async () => {
  for (const [k, v] of Object.entries(savedEnv)) if (v === undefined) delete process.env[k];
  else process.env[k] = v;
  await fake.close();
});

const json = async (res: Response) => ({ status: res.status, body: await res.json() });

describe("LLM configuration", () => {
  it("is unconfigured with nothing set, with defaults for models and timeout", async () => {
    const cfg = await getLlmConfig();
    expect(cfg).toMatchObject({ baseUrl: null, apiKey: null, models: { label: "gpt-4o-mini", generate: "gpt-4o-mini", embed: "text-embedding-3-small" }, timeoutMs: 60_000 });
    expect(cfg.sources).toEqual({ baseUrl: "default", apiKey: "default", label: "default", generate: "default", embed: "default", timeoutMs: "default" });
    expect(isLlmConfigured(cfg)).toBe(false);
    expect(() => createLlmClient(cfg)).toThrow(/no LLM endpoint is configured/);
    const status = await json(await getStatus(...call(users.viewer.token, "/api/settings/llm/status")));
    expect(status.body.status).toMatchObject({ configured: false, host: null });
    expect(status.body.status.features[0]).toEqual({ feature: "LLM labeling campaigns", available: true });
  });

  it("takes the environment, and saved settings over it; clearing falls back", async () => {
    process.env.OPENAI_BASE_URL = "http://env-host:8000/v1";
    process.env.SYLLABUS_LABEL_MODEL = "env-model";
    process.env.OPENAI_TIMEOUT_MS = "5000";
    expect(await getLlmConfig()).toMatchObject({ baseUrl: "http://env-host:8000/v1", models: { label: "env-model" }, timeoutMs: 5000, sources: { baseUrl: "env", label: "env", timeoutMs: "env" } });

    const put = await json(await putLlm(...call(users.admin.token, "/api/settings/llm", { method: "PUT", body: { baseUrl: "http://ui-host:9000/v1/", models: { label: "ui-model" }, timeoutMs: 7000 } })));
    expect(put.status).toBe(200);
    expect(put.body.settings).toMatchObject({
      configured: true,
      baseUrl: { value: "http://ui-host:9000/v1", source: "settings", env: "http://env-host:8000/v1" },
      models: { label: { value: "ui-model", source: "settings", env: "env-model", default: "gpt-4o-mini" }, generate: { value: "gpt-4o-mini", source: "default" } },
      timeoutMs: { value: 7000, source: "settings", env: 5000 },
    });

    await putLlm(...call(users.admin.token, "/api/settings/llm", { method: "PUT", body: { baseUrl: null, models: { label: "" } } }));
    expect(await getLlmConfig()).toMatchObject({ baseUrl: "http://env-host:8000/v1", models: { label: "env-model" }, timeoutMs: 7000, sources: { baseUrl: "env", label: "env", timeoutMs: "settings" } });
  });

  it("stores the key encrypted and never returns it", async () => {
    process.env.OPENAI_API_KEY = "sk-from-env-abcdef";
    const before = await json(await getLlm(...call(users.admin.token, "/api/settings/llm")));
    expect(before.body.settings.apiKey).toEqual({ set: true, source: "env", envSet: true, problem: null });

    const put = await putLlm(...call(users.admin.token, "/api/settings/llm", { method: "PUT", body: { apiKey: KEY, baseUrl: fake.baseURL } }));
    const putText = await put.text();
    expect(put.status).toBe(200);
    expect(putText).not.toContain(KEY);
    expect(JSON.parse(putText).settings.apiKey).toEqual({ set: true, source: "settings", envSet: true, problem: null });

    const row = await db().setting.findUniqueOrThrow({ where: { key: LLM_SETTING_KEYS.apiKey } });
    expect(row.value).not.toContain(KEY);
    expect(row.value).toMatch(/^v1:/);
    expect(decryptSecret(row.value)).toBe(KEY);
    expect((await getLlmConfig()).apiKey).toBe(KEY);

    for (const res of [
      await getLlm(...call(users.admin.token, "/api/settings/llm")),
      await getStatus(...call(users.viewer.token, "/api/settings/llm/status")),
      await postTest(...call(users.admin.token, "/api/settings/llm/test", { method: "POST" })),
    ]) {
      const text = await res.text();
      expect(res.status).toBe(200);
      expect(text).not.toContain(KEY);
      expect(text).not.toContain("sk-from-env-abcdef");
    }

    await putLlm(...call(users.admin.token, "/api/settings/llm", { method: "PUT", body: { apiKey: null } }));
    expect(await getLlmConfig()).toMatchObject({ apiKey: "sk-from-env-abcdef", sources: { apiKey: "env" } });
  });

  it("ignores a saved key it cannot decrypt, and says so", async () => {
    await db().setting.create({ data: { key: LLM_SETTING_KEYS.apiKey, value: "v1:AAAAtampered" } });
    expect((await getLlmConfig()).apiKey).toBeNull();
    const view = await json(await getLlm(...call(users.admin.token, "/api/settings/llm")));
    expect(view.body.settings.apiKey).toMatchObject({ set: false, problem: expect.stringContaining("cannot be decrypted") });
  });

  it("tests the saved connection for admins", async () => {
    await putLlm(...call(users.admin.token, "/api/settings/llm", { method: "PUT", body: { apiKey: KEY, baseUrl: fake.baseURL } }));
    const ok = await json(await postTest(...call(users.admin.token, "/api/settings/llm/test", { method: "POST" })));
    expect(ok.body.result).toMatchObject({ ok: true, via: "models", models: { label: { name: "gpt-4o-mini", listed: true } } });
    await putLlm(...call(users.admin.token, "/api/settings/llm", { method: "PUT", body: { apiKey: "sk-wrong-key-000000" } }));
    const bad = await postTest(...call(users.admin.token, "/api/settings/llm/test", { method: "POST" }));
    const text = await bad.text();
    expect(JSON.parse(text).result).toMatchObject({ ok: false, error: expect.stringMatching(/HTTP 401/) });
    expect(text).not.toContain("sk-wrong-key-000000");
  });

  it("rejects bad input with a message naming the field", async () => {
    for (const [body, message] of [
      [{ baseUrl: "localhost:11434" }, /baseUrl/],
      [{ baseUrl: "ftp://x/v1" }, /baseUrl/],
      [{ timeoutMs: 10 }, /timeoutMs/],
      [{ timeoutMs: "60000" }, /timeoutMs/],
      [{ models: { label: "gpt 4" } }, /models.label/],
      [{ models: { other: "x" } }, /models/],
      [{ apiKey: "has space" }, /apiKey/],
      [{ something: 1 }, /something|Unrecognized/],
    ] as const) {
      const res = await json(await putLlm(...call(users.admin.token, "/api/settings/llm", { method: "PUT", body })));
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error).toMatch(message);
    }
  });

  it("keeps settings and the connection test to admins; status to any signed-in user", async () => {
    for (const token of [users.viewer.token, users.annotator.token]) {
      expect((await getLlm(...call(token, "/api/settings/llm"))).status).toBe(403);
      expect((await putLlm(...call(token, "/api/settings/llm", { method: "PUT", body: { baseUrl: null } }))).status).toBe(403);
      expect((await postTest(...call(token, "/api/settings/llm/test", { method: "POST" }))).status).toBe(403);
      expect((await getStatus(...call(token, "/api/settings/llm/status"))).status).toBe(200);
    }
    expect((await getStatus(...call(null, "/api/settings/llm/status"))).status).toBe(401);
    expect((await getLlm(...call(null, "/api/settings/llm"))).status).toBe(401);
  });
});

describe("prices", () => {
  it("seeds the defaults once, then keeps an admin's changes and deletions", async () => {
    const [prices] = await Promise.all([listPrices(), listPrices(), getPrice("o4-mini")]);
    expect(await db().modelPrice.count()).toBe(7);
    expect(prices.find((p) => p.model === "gpt-4o-mini")).toMatchObject({ inputPerMTok: 0.15, outputPerMTok: 0.6, batchFactor: 0.5 });
    expect(prices.map((p) => p.model)).toEqual(expect.arrayContaining(["gpt-4o", "gpt-4.1", "gpt-4.1-mini", "gpt-4.1-nano", "o4-mini", "text-embedding-3-small"]));

    const put = await json(await putPrice(...call(users.admin.token, "/api/settings/prices", { method: "PUT", body: { model: "gpt-4o-mini", inputPerMTok: 0.2, outputPerMTok: 0.8 } })));
    expect(put.body.price).toMatchObject({ model: "gpt-4o-mini", inputPerMTok: 0.2, outputPerMTok: 0.8, batchFactor: 0.5 });
    const del = await json(await deletePriceRoute(...call(users.admin.token, "/api/settings/prices?model=gpt-4o", { method: "DELETE" })));
    expect(del).toEqual({ status: 200, body: { deleted: { model: "gpt-4o" } } });

    const list = await json(await getPrices(...call(users.viewer.token, "/api/settings/prices")));
    expect(list.body.prices.find((p: { model: string }) => p.model === "gpt-4o")).toBeUndefined();
    expect(list.body.prices.find((p: { model: string }) => p.model === "gpt-4o-mini").inputPerMTok).toBe(0.2);
    expect(await getPrice("gpt-4o")).toBeNull();
  });

  it("matches dated snapshots to their alias; unknown models have no price", async () => {
    await listPrices();
    expect(await getPrice("gpt-4.1-nano-2025-04-14")).toMatchObject({ model: "gpt-4.1-nano", inputPerMTok: 0.1 });
    expect(await getPrice("gpt-4.1-nano-preview")).toBeNull();
    expect(await getPrice("llama3.1:8b")).toBeNull();
  });

  it("validates prices and keeps writes to admins", async () => {
    for (const body of [{ model: "m", inputPerMTok: -1, outputPerMTok: 1 }, { model: "m", inputPerMTok: "1", outputPerMTok: 1 }, { model: "", inputPerMTok: 1, outputPerMTok: 1 }, { model: "m", inputPerMTok: 1, outputPerMTok: 1, batchFactor: 2 }]) {
      expect((await putPrice(...call(users.admin.token, "/api/settings/prices", { method: "PUT", body }))).status, JSON.stringify(body)).toBe(400);
    }
    expect((await deletePriceRoute(...call(users.admin.token, "/api/settings/prices?model=nope", { method: "DELETE" }))).status).toBe(404);
    expect((await putPrice(...call(users.annotator.token, "/api/settings/prices", { method: "PUT", body: { model: "m", inputPerMTok: 1, outputPerMTok: 1 } }))).status).toBe(403);
    expect((await deletePriceRoute(...call(users.viewer.token, "/api/settings/prices?model=o4-mini", { method: "DELETE" }))).status).toBe(403);
    expect((await putPrice(...call(users.admin.token, "/api/settings/prices", { method: "PUT", body: { model: "llama3.1:8b", inputPerMTok: 0, outputPerMTok: 0, batchFactor: 1 } }))).status).toBe(200);
  });
});
