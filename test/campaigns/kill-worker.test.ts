import { spawn } from "node:child_process";
import path from "node:path";
import { afterAll, afterEach, beforeAll, expect, it } from "vitest";
import { createCampaign } from "@/lib/campaigns/create-campaign";
import { db } from "@/lib/db/client";
import { jobRegistry } from "@/workers/registry";
import { startFakeOpenAI, type FakeOpenAI } from "../fake-openai/server";
import { useTestDatabase } from "../helpers/db";
import { waitFor } from "../jobs/helpers";
import { configureLlm, itemSums, seedDataset } from "./fixtures";

/**
 * kill -9 of a real worker process in the middle of a campaign: a second worker reclaims the job once the
 * lease expires and finishes it, with every item labeled exactly once and the totals equal to the items'.
 */
const database = useTestDatabase();
const root = path.resolve(import.meta.dirname, "..", "..");
let fake: FakeOpenAI;
type Child = { child: ReturnType<typeof spawn>; exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>; output: () => string };
const children: Child[] = [];

function spawnWorker(env: Record<string, string>): Child {
  const child = spawn(process.execPath, ["--import", "tsx", "workers/main.ts"], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: database.url(), OPENAI_BASE_URL: fake.baseURL, OPENAI_API_KEY: "sk-kill", JOB_POLL_MS: "50", JOB_HOUSEKEEPING_MS: "0", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (d) => (output += d));
  child.stderr.on("data", (d) => (output += d));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on("exit", (code, signal) => resolve({ code, signal })));
  const handle = { child, exited, output: () => output };
  children.push(handle);
  return handle;
}

beforeAll(async () => {
  fake = await startFakeOpenAI({ apiKey: "sk-kill", latencyMs: 60 });
  await configureLlm(fake.baseURL, { apiKey: "sk-kill" });
});
afterEach(async () => {
  for (const c of children.splice(0)) {
    if (c.child.exitCode === null && c.child.signalCode === null) c.child.kill("SIGKILL");
    await c.exited;
  }
});
afterAll(async () => {
  await fake?.close();
});

it("a worker killed with SIGKILL mid-campaign: a new worker finishes it, no item lost, no label twice", { timeout: 120_000 }, async () => {
  const ds = await seedDataset("kill", 300);
  const { id, jobId } = await createCampaign({ datasetId: ds.id, concurrency: 4 }, jobRegistry);
  const campaign = () => db().labelCampaign.findUniqueOrThrow({ where: { id } });

  const first = spawnWorker({ JOB_LEASE_MS: "2000" });
  // Progress is durable: items are written as their replies arrive.
  await waitFor(async () => (await campaign()).labeled >= 40, 60_000, "40 items labeled by the first worker");
  first.child.kill("SIGKILL");
  expect(await first.exited).toEqual({ code: null, signal: "SIGKILL" });
  const atKill = await campaign();
  expect(atKill.status).toBe("running");
  expect(atKill.labeled).toBeLessThan(300);

  const second = spawnWorker({ JOB_LEASE_MS: "1000" });
  // The campaign row settles inside the handler, the job right after it returns.
  const job = await waitFor(async () => {
    const j = await db().job.findUniqueOrThrow({ where: { id: jobId } });
    return j.status === "succeeded" ? j : null;
  }, 90_000, "job succeeded");
  const done = await campaign();
  expect(done.status).toBe("succeeded");
  expect(job.attempt).toBeGreaterThanOrEqual(2);
  expect(job).toMatchObject({ progressDone: 300, progressTotal: 300 });

  const sums = await itemSums(id);
  expect(sums.byStatus).toEqual({ pending: 0, labeled: 300, failed: 0, skipped: 0 });
  expect(done).toMatchObject({ total: 300, labeled: 300, failed: 0, skipped: 0 });
  const labels = await db().llmLabel.findMany({ where: { snippet: { datasetId: ds.id } }, select: { snippetId: true } });
  expect(labels).toHaveLength(300);
  expect(new Set(labels.map((l) => l.snippetId))).toEqual(new Set(ds.snippetIds));
  expect(Number(done.inputTokens)).toBe(sums.inputTokens);
  expect(Number(done.outputTokens)).toBe(sums.outputTokens);
  expect(done.costUsd).toBeCloseTo(sums.costUsd, 9);
  expect(done.requests).toBe(sums.requests);
  // Replies that reached the killed worker but were never recorded cost tokens the campaign cannot see.
  expect(fake.stats().usage.inputTokens).toBeGreaterThanOrEqual(sums.inputTokens);

  second.child.kill("SIGTERM");
  expect((await second.exited).code).toBe(0);
});
