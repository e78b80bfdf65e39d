/**
 * Review API latency at scale: seeds 1,000,000 snippets (+10k human labels) into a SQLite file, then calls
 * the real route handlers in-process with an API token and prints p50/p95/p99 per operation.
 *
 *   npx tsx bench/review-api.ts                    # seed (~1–2 min) and measure
 *   BENCH_REUSE=1 npx tsx bench/review-api.ts      # reuse the seeded file from a previous run
 *   BENCH_SNIPPETS=200000 BENCH_CALLS=300 …         # smaller run
 *
 * Target: p95 < 30 ms for "next" (5 snippets, highlighted) and "save label". Prints figures, asserts nothing.
 */
import os from "node:os";
import path from "node:path";
import { openLargeBenchDatabase } from "./lib/seed-large";

const FILE = process.env.BENCH_DB ?? path.join(os.tmpdir(), "syllabus-bench", "review-api.db");
const SNIPPETS = Number(process.env.BENCH_SNIPPETS ?? 1_000_000);
const CALLS = Number(process.env.BENCH_CALLS ?? 500);
const ORIGIN = "http://localhost:3000";

type Handler = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;

function pct(sorted: number[], p: number) {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

async function measure(name: string, n: number, fn: (i: number) => Promise<void>) {
  for (let i = 0; i < 20; i++) await fn(-1 - i); // warm-up: JIT, statement caches, highlighter
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    await fn(i);
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const f = (x: number) => x.toFixed(1).padStart(7);
  console.log(`${name.padEnd(44)} n=${String(n).padStart(4)}  p50 ${f(pct(times, 50))} ms  p95 ${f(pct(times, 95))} ms  p99 ${f(pct(times, 99))} ms`);
}

async function main() {
  await openLargeBenchDatabase({ file: FILE, snippets: SNIPPETS, humanLabels: 10_000, users: 4 });
  // Imported after DATABASE_URL is set: the db module reads it on first use.
  const { db, disconnectDb } = await import("../lib/db/client");
  const { createApiToken } = await import("../lib/auth/api-tokens");
  const { GET: me } = (await import("../app/api/me/route")) as { GET: Handler };
  const { GET: next } = (await import("../app/api/review/[datasetId]/next/route")) as { GET: Handler };
  const { GET: snippet } = (await import("../app/api/review/[datasetId]/snippet/[id]/route")) as { GET: Handler };
  const { GET: progress } = (await import("../app/api/review/[datasetId]/progress/route")) as { GET: Handler };
  const { GET: stats } = (await import("../app/api/review/[datasetId]/stats/route")) as { GET: Handler };
  const { PUT: putLabel } = (await import("../app/api/labels/route")) as { PUT: Handler };

  const datasetId = (await db().dataset.findFirstOrThrow({ orderBy: { id: "asc" } })).id;
  const userId = (await db().user.findFirstOrThrow({ where: { role: "annotator" }, orderBy: { email: "asc" } })).id;
  const { token } = await createApiToken(userId, "bench");
  const headers = { authorization: `Bearer ${token}` };
  const ctx = (p: Record<string, string>) => ({ params: Promise.resolve(p) });
  const dsParams = { datasetId: String(datasetId) };
  const total = await db().snippet.count({ where: { datasetId } });
  console.log(`dataset ${datasetId}: ${total.toLocaleString()} snippets, ${(await db().humanLabel.count()).toLocaleString()} human labels; user ${userId}\n`);

  async function call(handler: Handler, url: string, p: Record<string, string>, init: RequestInit = {}) {
    const res = await handler(new Request(`${ORIGIN}${url}`, { ...init, headers: { ...headers, ...(init.headers as Record<string, string>) } }), ctx(p));
    if (!res.ok) throw new Error(`${url}: ${res.status} ${await res.text()}`);
    return res.json();
  }

  await measure("baseline: auth only (GET /api/me)", CALLS, async () => void (await call(me, "/api/me", {})));
  let held: number[] = [];
  const toLabel: number[] = [];
  for (const [label, qs] of [
    ["next random (limit 5, highlighted)", "queue=random&limit=5"],
    ["next random (limit 5, no highlighting)", "queue=random&limit=5&highlight=0"],
    ["next stratified (limit 5, highlighted)", "queue=stratified&limit=5"],
    ["next disagreements (limit 5, highlighted)", "queue=disagreements&limit=5"],
  ] as const) {
    await measure(label, CALLS, async (i) => {
      const r = (await call(next, `/api/review/${datasetId}/next?${qs}&exclude=${held.join(",")}`, dsParams)) as { snippets: { id: number }[] };
      // Like the client: keep what it holds excluded (a rolling window), collect ids to label later.
      held = [...held, ...r.snippets.map((s) => s.id)].slice(-10);
      if (i >= 0 && qs.startsWith("queue=random")) toLabel.push(...r.snippets.map((s) => s.id));
    });
  }
  const ids = [...new Set(toLabel)];
  await measure("snippet by id (highlighted)", CALLS, async (i) => {
    const id = ids[Math.abs(i) % ids.length];
    await call(snippet, `/api/review/${datasetId}/snippet/${id}`, { ...dsParams, id: String(id) });
  });
  await measure("progress (random)", CALLS, async () => void (await call(progress, `/api/review/${datasetId}/progress?queue=random`, dsParams)));
  let k = 0;
  await measure("save label (PUT /api/labels)", Math.min(CALLS, ids.length - 20), async () => {
    const id = ids[k++];
    await call(putLabel, "/api/labels", {}, {
      method: "PUT",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ snippetId: id, score: id % 6, timeSpentMs: 4000, queue: "random" }),
    });
  });
  await measure("annotator stats (10k labels)", Math.min(CALLS, 100), async () => void (await call(stats, `/api/review/${datasetId}/stats`, dsParams)));
  await disconnectDb();
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
