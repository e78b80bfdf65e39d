/**
 * Labeling overhead: wall time of a live campaign over 2,000 snippets (runCampaign: materialize, prompt
 * rendering, retries wrapper, group-committed result writes, progress) against the same 2,000 requests made
 * directly with the SDK at the same concurrency, both against the local fake OpenAI server (in a child
 * process, 20 ms latency, no faults), in one run. Target: campaign / direct ≤ 1.2.
 *
 *   npx tsx bench/label.ts                          # SQLite (a fresh temp file)
 *   BENCH_DATABASE=postgres npx tsx bench/label.ts  # a throwaway PostgreSQL database on BENCH_PG_URL
 *   BENCH_SNIPPETS=5000 BENCH_CONCURRENCY=32 BENCH_LATENCY_MS=50 BENCH_ROUNDS=5 …
 *
 * Each round times both sides (alternating which goes first); prints per-round figures and medians,
 * asserts nothing.
 */
import { spawn, type ChildProcess } from "node:child_process";
import os from "node:os";
import path from "node:path";
import readline from "node:readline";
import type { ScratchDatabase } from "../lib/db/create-scratch-database";

const SNIPPETS = Number(process.env.BENCH_SNIPPETS ?? 2_000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 16);
const LATENCY_MS = Number(process.env.BENCH_LATENCY_MS ?? 20);
const ROUNDS = Math.max(1, Number(process.env.BENCH_ROUNDS ?? 3));
const WARMUP = 200;
const DIALECT = process.env.BENCH_DATABASE === "postgres" ? "postgres" : "sqlite";
const PG_URL = process.env.BENCH_PG_URL ?? "postgresql://postgres@127.0.0.1:5432/test";
const MODEL = "gpt-4o-mini";
const WORDS = ["parse", "graph", "matrix", "queue", "token", "stream", "cache", "tree", "sort", "merge", "window", "prime"];

/** The fake server in its own process, so its CPU time is not charged to either side of the comparison. */
async function startServer(): Promise<{ baseURL: string; child: ChildProcess }> {
  const child = spawn(process.execPath, ["--import", "tsx", path.join(import.meta.dirname, "../test/fake-openai/cli.ts"), "--port", "0", "--latency-ms", String(LATENCY_MS)], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  const first = await new Promise<string>((resolve, reject) => {
    readline.createInterface({ input: child.stdout! }).once("line", resolve);
    child.once("exit", (code) => reject(new Error(`fake server exited with ${code}`)));
  });
  return { baseURL: first.trim(), child };
}

async function createDatabase(): Promise<ScratchDatabase> {
  const { createScratchDatabase } = await import("../lib/db/create-scratch-database");
  return createScratchDatabase({ dialect: DIALECT, pgAdminUrl: PG_URL, prefix: "syllabus_bench_label" });
}

function snippetContent(i: number): string {
  const w1 = WORDS[i % WORDS.length];
  const w2 = WORDS[(i * 7) % WORDS.length];
  const lines = 5 + ((i * 13) % 40);
  const body = Array.from({ length: lines }, (_, k) => `    value_${k} = ${w2}_${k}(${i}) + ${k}`).join("\n");
  return `def ${w1}_${w2}_${i}(data):\n    """Compute the ${w1} of ${w2} number ${i}."""\n${body}\n    return data\n`;
}

type Result = { seconds: number; ok: number };

async function main() {
  const server = await startServer();
  try {
    await measure(server.baseURL);
  } finally {
    server.child.kill("SIGTERM");
  }
}

async function measure(baseURL: string) {
  const database = await createDatabase();
  process.env.DATABASE_URL = database.url;
  process.env.OPENAI_BASE_URL = baseURL;
  process.env.OPENAI_API_KEY = "sk-bench";
  const { db, disconnectDb } = await import("../lib/db/client");
  const { closeRaw } = await import("../lib/db/raw");
  const { plainContext } = await import("../lib/context");
  const { runCampaign } = await import("../lib/campaigns/run-campaign");
  const { getDefaultPrompt } = await import("../lib/llm/prompts/get-default-prompt");
  const { EDU_SCORE_TASK } = await import("../lib/llm/prompts/default-prompts");
  const { getLlmConfig } = await import("../lib/llm/config");
  const { createLlmClient } = await import("../lib/llm/create-llm-client");
  const { buildScoreRequest } = await import("../lib/llm/build-score-request");
  const { parseScoreReply } = await import("../lib/llm/parse-score-reply");

  try {
    const seed = async (name: string, count: number) => {
      const dataset = await db().dataset.create({ data: { name, snippetCount: count } });
      const rows = Array.from({ length: count }, (_, i) => {
        const content = snippetContent(i);
        return { datasetId: dataset.id, contentHash: `${name}-${i}`, content, language: "python", path: `src/${name}/f${i}.py`, sizeBytes: content.length, lineCount: content.split("\n").length };
      });
      for (let i = 0; i < rows.length; i += 500) await db().snippet.createMany({ data: rows.slice(i, i + 500) });
      return dataset.id;
    };
    const prompt = await getDefaultPrompt(EDU_SCORE_TASK);
    const campaignFor = async (datasetId: number) =>
      (
        await db().labelCampaign.create({
          data: { datasetId, mode: "live", model: MODEL, promptId: prompt.id, promptVersion: prompt.version, concurrency: CONCURRENCY, filter: JSON.stringify({ scope: "unlabeled", sample: "first" }) },
        })
      ).id;

    const client = createLlmClient(await getLlmConfig());
    const direct = async (datasetId: number) => {
      const snippets = await db().snippet.findMany({ where: { datasetId }, select: { content: true, language: true, path: true }, orderBy: { id: "asc" } });
      let next = 0;
      let ok = 0;
      const t0 = performance.now();
      await Promise.all(
        Array.from({ length: CONCURRENCY }, async () => {
          while (next < snippets.length) {
            const snippet = snippets[next++];
            const reply = await client.chat.completions.create(buildScoreRequest({ model: MODEL, prompt, snippet }));
            if (parseScoreReply(reply.choices[0]?.message.content ?? "").ok) ok++;
          }
        }),
      );
      return { seconds: (performance.now() - t0) / 1000, ok };
    };
    const campaign = async (datasetId: number) => {
      const id = await campaignFor(datasetId);
      const t0 = performance.now();
      const result = await runCampaign(id, plainContext());
      const seconds = (performance.now() - t0) / 1000;
      const row = await db().labelCampaign.findUniqueOrThrow({ where: { id } });
      if (result.status !== "succeeded" || row.labeled !== row.total) throw new Error(`campaign ${id} ended ${result.status} with ${row.labeled}/${row.total} labeled`);
      return { seconds, ok: row.labeled };
    };

    console.log(`${DIALECT}: ${SNIPPETS.toLocaleString("en-US")} snippets, concurrency ${CONCURRENCY}, server latency ${LATENCY_MS} ms, ${ROUNDS} rounds, ${os.cpus().length} CPUs, load ${os.loadavg()[0].toFixed(2)}`);
    const warm = await seed("warmup", WARMUP);
    await direct(warm);
    await campaign(warm);
    const directDataset = await seed("direct", SNIPPETS);
    const rounds: { d: Result; c: Result }[] = [];
    for (let r = 0; r < ROUNDS; r++) {
      const campaignDataset = await seed(`campaign-${r}`, SNIPPETS);
      // Alternate the order so a burst of load from elsewhere does not always hit the same side.
      let d: Result;
      let c: Result;
      if (r % 2 === 0) {
        d = await direct(directDataset);
        c = await campaign(campaignDataset);
      } else {
        c = await campaign(campaignDataset);
        d = await direct(directDataset);
      }
      rounds.push({ d, c });
      console.log(`round ${r + 1}: direct ${d.seconds.toFixed(2)} s (${(d.ok / d.seconds).toFixed(0)} labels/s) · campaign ${c.seconds.toFixed(2)} s (${(c.ok / c.seconds).toFixed(0)} labels/s) · ratio ${(c.seconds / d.seconds).toFixed(2)}`);
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    const dMed = median(rounds.map((x) => x.d.seconds));
    const cMed = median(rounds.map((x) => x.c.seconds));
    console.log(`latency floor (n × latency / concurrency): ${((SNIPPETS * LATENCY_MS) / CONCURRENCY / 1000).toFixed(2)} s`);
    console.log(`median direct SDK requests:  ${dMed.toFixed(2)} s  ${(SNIPPETS / dMed).toFixed(0)} labels/s`);
    console.log(`median campaign (runCampaign): ${cMed.toFixed(2)} s  ${(SNIPPETS / cMed).toFixed(0)} labels/s`);
    console.log(`ratio campaign / direct: median ${median(rounds.map((x) => x.c.seconds / x.d.seconds)).toFixed(2)}, best ${Math.min(...rounds.map((x) => x.c.seconds / x.d.seconds)).toFixed(2)} (target ≤ 1.2)`);
  } finally {
    await disconnectDb();
    await closeRaw();
    await database.drop();
  }
}

await main();
