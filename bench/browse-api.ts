/**
 * Browse API benchmark: the real route handlers, called in-process with an API token, over a SQLite
 * database of 1,000,000 snippets and 10,000 human labels (bench/lib/seed-large.ts). The database is cached
 * in bench/out/browse-1m.db and reused while it holds the expected rows (first run: ~3 minutes to seed).
 *
 *   npx tsx bench/browse-api.ts
 *   BENCH_ITERATIONS=50 npx tsx bench/browse-api.ts # fewer calls per scenario
 *
 * Prints p50/p95/p99/max per scenario; no assertions. Timings include authentication (token lookup),
 * zod parsing and JSON serialisation, as a browser request would pay them (minus HTTP).
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { seedLarge } from "./lib/seed-large";

const FILE = path.resolve(import.meta.dirname, "out", "browse-1m.db");
const SNIPPETS = 1_000_000;
const HUMAN_LABELS = 10_000;
const N = Number(process.env.BENCH_ITERATIONS ?? 200);

function cachedRowCount(): number {
  if (!fs.existsSync(FILE)) return -1;
  try {
    const conn = new Database(FILE, { readonly: true });
    const n = (conn.prepare(`SELECT MAX(id) AS n FROM snippet`).get() as { n: number | null }).n ?? 0;
    const h = (conn.prepare(`SELECT COUNT(*) AS n FROM human_label`).get() as { n: number }).n;
    conn.close();
    return h === HUMAN_LABELS ? n : -1;
  } catch {
    return -1;
  }
}

async function prepareDatabase(): Promise<void> {
  if (cachedRowCount() === SNIPPETS) {
    console.log(`using cached ${path.relative(process.cwd(), FILE)}`);
    return;
  }
  console.log(`seeding ${SNIPPETS.toLocaleString()} snippets into ${path.relative(process.cwd(), FILE)} (once; takes a few minutes)…`);
  const r = await seedLarge({ file: FILE, snippets: SNIPPETS, humanLabels: HUMAN_LABELS, users: 4 });
  console.log(`seeded in ${r.seconds.toFixed(0)} s`);
}

function pct(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

type Row = { name: string; n: number; p50: number; p95: number; p99: number; max: number; note: string };
const results: Row[] = [];

async function scenario(name: string, n: number, call: (i: number) => Promise<{ status: number; note?: string }>) {
  await call(0); // warm-up (planner, page cache, JIT)
  const times: number[] = [];
  const notes = new Set<string>();
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    const { status, note } = await call(i + 1);
    times.push(performance.now() - t0);
    if (status !== 200) throw new Error(`${name}: HTTP ${status}`);
    if (note) notes.add(note);
  }
  times.sort((a, b) => a - b);
  const row = { name, n, p50: pct(times, 50), p95: pct(times, 95), p99: pct(times, 99), max: times[times.length - 1], note: [...notes].slice(0, 3).join(", ") };
  results.push(row);
  console.log(`${name.padEnd(46)} ${[row.p50, row.p95, row.p99, row.max].map((v) => v.toFixed(1).padStart(8)).join("")}   ${row.note}`);
}

async function main() {
  await prepareDatabase();
  const url = `file:${FILE}`;
  // A database cached by an earlier run gets any migration written since (new indexes, columns).
  const { migrate } = await import("../lib/db/migrate");
  const migrated = await migrate(url);
  if (migrated.applied.length) console.log(`applied ${migrated.applied.join(", ")} to the cached database`);
  process.env.DATABASE_URL = url;
  const { db } = await import("../lib/db/client");
  const { createApiToken } = await import("../lib/auth/api-tokens");
  const { encodeCursor } = await import("../lib/snippets/cursor");
  const { forgetAll } = await import("../lib/datasets/stats-cache");
  const snippetsRoute = (await import("../app/api/snippets/route")).GET;
  const reviewersRoute = (await import("../app/api/snippets/reviewers/route")).GET;
  const countRoute = (await import("../app/api/snippets/count/route")).GET;
  const datasetsRoute = (await import("../app/api/datasets/route")).GET;
  const datasetRoute = (await import("../app/api/datasets/[id]/route")).GET;

  try {
    const admin = await db().user.findFirstOrThrow({ where: { email: "user0@bench.local" } });
    const users = await db().user.findMany({ select: { id: true } });
    const { token } = await createApiToken(admin.id, "bench");
    const datasetId = (await db().dataset.findFirstOrThrow()).id;
    const ctx = (p: Record<string, string> = {}) => ({ params: Promise.resolve(p) });
    const get = async (handler: typeof snippetsRoute, pathAndQuery: string, p?: Record<string, string>) => {
      const res = await handler(new Request(`http://bench.local${pathAndQuery}`, { headers: { authorization: `Bearer ${token}` } }), ctx(p));
      const body = await res.text();
      return { status: res.status, body };
    };
    const page = async (query: string) => {
      const r = await get(snippetsRoute, `/api/snippets?${query}`);
      const j = r.status === 200 ? (JSON.parse(r.body) as { items: unknown[]; scanned: number | null }) : null;
      return { status: r.status, note: j ? (j.scanned !== null ? `partial@${j.scanned}` : `${j.items.length} rows`) : undefined };
    };
    const langs = ["python", "javascript", "typescript", "java", "go", "rust", "c"];
    const pick = <T,>(xs: readonly T[], i: number) => xs[i % xs.length];
    const randomId = (i: number) => 1 + ((i * 7_919_993) % SNIPPETS);
    const after = (sort: string, k: number | null, id: number, d: "a" | "b" = "a") => encodeURIComponent(encodeCursor({ d, s: sort, k, i: id }));
    const ds = `dataset=${datasetId}`;

    console.log(`\nload average ${os.loadavg().map((l) => l.toFixed(2)).join(" ")} on ${os.cpus().length} CPUs · ${N} calls per scenario`);
    console.log(`${"scenario (ms)".padEnd(46)}${["p50", "p95", "p99", "max"].map((h) => h.padStart(8)).join("")}`);

    await scenario("page: dataset only", N, () => page(ds));
    await scenario("page: language", N, (i) => page(`${ds}&language=${pick(langs, i)}`));
    await scenario("page: llmScore exact", N, (i) => page(`${ds}&llmScore=${i % 6}`));
    await scenario("page: llmScore range (min..max)", N, (i) => page(`${ds}&minScore=${i % 3}&maxScore=${3 + (i % 3)}`));
    await scenario("page: unlabeled", N, () => page(`${ds}&llmScore=unlabeled`));
    await scenario("page: reviewed / not reviewed", N, (i) => page(`${ds}&reviewed=${i % 2 ? "reviewed" : "unreviewed"}`));
    await scenario("page: language + score + reviewed", N, (i) => page(`${ds}&language=${pick(langs, i)}&llmScore=${i % 6}&reviewed=reviewed`));
    await scenario("page: language + min score", N, (i) => page(`${ds}&language=${pick(langs, i)}&minScore=${1 + (i % 4)}`));
    await scenario("page: reviewer", N, (i) => page(`${ds}&reviewer=${pick(users, i).id}`));
    await scenario("page: human score", N, (i) => page(`${ds}&humanScore=${i % 6}`));
    await scenario("page: all datasets + language", N, (i) => page(`language=${pick(langs, i)}`));
    await scenario("deep page: language, cursor anywhere", N, (i) => page(`${ds}&language=${pick(langs, i)}&cursor=${after("id", null, randomId(i))}`));
    await scenario("deep page: score, cursor anywhere (prev)", N, (i) => page(`${ds}&llmScore=${i % 6}&cursor=${after("id", null, randomId(i), "b")}`));
    await scenario("deep page: reviewed, cursor anywhere", N, (i) => page(`${ds}&reviewed=reviewed&cursor=${after("id", null, randomId(i))}`));
    await scenario("deep page: sort -llmScore + language", N, (i) => page(`${ds}&sort=-llmScore&language=${pick(langs, i)}&cursor=${after("-llmScore", i % 6, randomId(i))}`));
    await scenario("deep page: sort -id, dataset only", N, (i) => page(`${ds}&sort=-id&cursor=${after("-id", null, randomId(i))}`));
    const needles = ["matrix_prime", "queue", "record_9999", "zzqx-none", "ORG77/REPO3", "src/tree/sort_"];
    await scenario("search: q (mixed needles)", N, (i) => page(`${ds}&q=${encodeURIComponent(pick(needles, i))}`));
    await scenario("search: q + language", N, (i) => page(`${ds}&language=${pick(langs, i)}&q=${encodeURIComponent(pick(needles, i + 1))}`));
    await scenario("search: q, rare (bounded scan)", Math.min(N, 60), (i) => page(`${ds}&q=no-such-text-${i}`));
    const count = (query: string) => get(countRoute, `/api/snippets/count?${query}`);
    await scenario("count: language", N, (i) => count(`${ds}&language=${pick(langs, i)}`));
    await scenario("count: llmScore range", N, (i) => count(`${ds}&minScore=${i % 3}&maxScore=${3 + (i % 3)}`));
    await scenario("count: language + score + reviewed", N, (i) => count(`${ds}&language=${pick(langs, i)}&llmScore=${i % 6}&reviewed=reviewed`));
    await scenario("count: language + min score", N, (i) => count(`${ds}&language=${pick(langs, i)}&minScore=${1 + (i % 4)}`));
    await scenario("reviewers options", N, () => get(reviewersRoute, `/api/snippets/reviewers?${ds}`));
    await scenario("dataset list + stats (cache warm)", N, () => get(datasetsRoute, `/api/datasets`));
    await scenario("dataset detail + stats (cache warm)", N, () => get(datasetRoute, `/api/datasets/${datasetId}`, { id: String(datasetId) }));
    await scenario("dataset list + stats (cold, no cache)", Math.min(N, 30), () => {
      forgetAll();
      return get(datasetsRoute, `/api/datasets`);
    });
    await scenario("sort by size", N, (i) => page(`${ds}&sort=${i % 2 ? "size" : "-size"}`));
    console.log(`\nload average ${os.loadavg().map((l) => l.toFixed(2)).join(" ")} at the end`);
    await db().apiToken.deleteMany({ where: { name: "bench" } });
  } finally {
    const { disconnectDb } = await import("../lib/db/client");
    await disconnectDb();
  }
}

await main();
process.exit(0);
