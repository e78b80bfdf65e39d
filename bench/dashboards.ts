/**
 * Dashboard API latency at scale, on SQLite and PostgreSQL: 1,000,000 snippets with LLM labels (plus a second
 * judge on 20k), 1,000,000 scores of an active model, ~10k human labels (10,350) from 5 annotators with overlaps, an
 * audit of 400 kept + 400 rejected snippets with labels. Then 8 concurrent clients call each dashboard route
 * handler in-process with an API token for BENCH_SECONDS (default 10) and p50/p95/p99 are printed:
 *   - cold: the first call after the cache was emptied (the full scans: histogram, kept-set breakdowns);
 *   - steady: nothing changes (cached panels, one data-version probe per request);
 *   - labeling: one human label changes every 500 ms, so every panel recomputes its label-dependent part
 *     (the histogram and the kept-set counts stay cached: they depend on snippets and scores only).
 *
 *   npx tsx bench/dashboards.ts [--dialects sqlite,postgres]    (npm run bench -- dashboards)
 *   BENCH_REUSE=1 …   reuse the seeded SQLite file / PostgreSQL database of an earlier run (npm run bench sets it)
 *   BENCH_SNIPPETS=200000 BENCH_SECONDS=5 …   smaller run
 * Target: p95 < 200 ms per endpoint. Prints figures, asserts nothing.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import pg from "pg";
import { Prisma } from "@syllabus/prisma-sqlite";
import { randomRankSql } from "../lib/campaigns/selection-sql";
import { migrate } from "../lib/db/migrate";
import { seedLarge } from "./lib/seed-large";

const SNIPPETS = Number(process.env.BENCH_SNIPPETS ?? 1_000_000);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CLIENTS = 8;
const FILE = process.env.BENCH_DB ?? path.join(os.tmpdir(), "syllabus-bench", "dashboards.db");
const PG_ADMIN_URL = process.env.BENCH_PG_URL ?? process.env.TEST_PG_URL ?? "postgresql://postgres@127.0.0.1:5432/test";
const PG_NAME = "syllabus_bench_dashboards";
const ORIGIN = "http://localhost:3000";
const NOW = "2026-01-01T00:00:00.000Z";

type Handler = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;
type Dialect = "sqlite" | "postgres";

const { values: args } = parseArgs({ options: { dialects: { type: "string", default: "sqlite,postgres" } } });
const dialects = args.dialects!.split(",") as Dialect[];

const rank = (col: string, seed: number) => (randomRankSql(Prisma.raw(col), seed) as Prisma.Sql).sql;
/** A uniform number in [0, 1) from a snippet id and a seed, identical on both databases. */
const unit = (col: string, seed: number) => `(CAST(${rank(col, seed)} AS DOUBLE PRECISION) / 4294967291.0)`;

async function adminPg(sql: string) {
  const c = new pg.Client({ connectionString: PG_ADMIN_URL });
  await c.connect();
  try {
    return await c.query(sql);
  } finally {
    await c.end();
  }
}

/** The base corpus on PostgreSQL, generated in SQL: dataset, 5 annotators + admin, 1M snippets, their LLM labels. */
async function seedPostgresBase(url: string) {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    await c.query(`INSERT INTO dataset (name, kind, description, "labelsPerSnippet", threshold, "snippetCount", "createdAt", "updatedAt") VALUES ('bench-0', 'code', '', 1, 3, 0, '${NOW}', '${NOW}')`);
    for (let u = 0; u < 6; u++) {
      await c.query(`INSERT INTO "user" (id, name, email, "emailVerified", role, "createdAt", "updatedAt") VALUES ($1, $2, $3, false, $4, '${NOW}', '${NOW}')`, [
        `bench-user-${u}`, `user${u}`, `user${u}@bench.local`, u === 0 ? "admin" : "annotator",
      ]);
    }
    await c.query(`
      INSERT INTO snippet ("datasetId", "contentHash", content, language, source, path, license, "externalId", "sizeBytes", "lineCount", "llmScore", "reviewCount", "createdAt")
      SELECT 1, md5(i::text), 'def f_' || i || E'(data):\\n    return data\\n',
        (ARRAY['python','python','python','python','javascript','typescript','java','go','rust','c'])[1 + i % 10],
        'org' || (i % 500) || '/repo' || (i % 97), 'src/f_' || i || '.py', 'MIT', 'hex' || i,
        200 + (i::bigint * 7919) % 3000, 5 + i % 40, (i * 2654435761 % 4294967291) % 6, 0, '${NOW}'
      FROM generate_series(1, ${SNIPPETS}) AS i`);
    await c.query(`INSERT INTO llm_label ("snippetId", score, rationale, model, "promptVersion", origin, "isExample", "createdAt")
      SELECT id, "llmScore", 'synthetic', 'bench-llm', 'v1', 'import', false, '${NOW}' FROM snippet`);
    await c.query(`UPDATE dataset SET "snippetCount" = ${SNIPPETS}`);
  } finally {
    await c.end();
  }
}

/**
 * What the dashboards read, in SQL that runs on both databases: an active model scoring every snippet
 * (probability correlated with the LLM score), a second LLM judge, an audit (400 + 400, uniform by seeded
 * rank) with labels, and general human labels: 4,400 snippets labeled by two annotators, 1,100 by one.
 */
async function seedDashboardData(run: (sql: string) => Promise<unknown>, d: Dialect) {
  const no = d === "postgres" ? "false" : "0";
  const yes = d === "postgres" ? "true" : "1";
  const user = (expr: string) => (d === "postgres" ? `'bench-user-' || (1 + (${expr}) % 5)` : `(SELECT id FROM "user" WHERE email = 'user' || (1 + (${expr}) % 5) || '@bench.local')`);
  await run(`INSERT INTO classifier_model (version, "datasetId", status, active, threshold, cut, "createdAt", "trainedAt") VALUES (1, 1, 'ready', ${yes}, 3, 0.6, '${NOW}', '${NOW}')`);
  await run(`INSERT INTO snippet_score ("snippetId", "modelId", probability)
    SELECT id, 1, CAST("llmScore" AS DOUBLE PRECISION) * 0.13 + ${unit("id", 3)} * 0.35 FROM snippet`);
  await run(d === "postgres"
    ? `UPDATE snippet s SET "classifierProb" = sc.probability FROM snippet_score sc WHERE sc."snippetId" = s.id AND sc."modelId" = 1`
    : `UPDATE snippet SET "classifierProb" = (SELECT probability FROM snippet_score sc WHERE sc."snippetId" = snippet.id AND sc."modelId" = 1)`);
  await run(`INSERT INTO llm_label ("snippetId", score, rationale, model, "promptVersion", origin, "isExample", "createdAt")
    SELECT id, CASE WHEN "llmScore" = 5 THEN 4 ELSE "llmScore" + CAST(${unit("id", 5)} * 1.5 AS INTEGER) END, 'second judge', 'bench-llm-2', 'v2', 'import', ${no}, '${NOW}'
    FROM snippet WHERE ${rank("id", 9)} < 85899346`);
  const counts = `(SELECT COUNT(*) FROM snippet_score WHERE "modelId" = 1 AND probability >= 0.6)`;
  const rejected = `(SELECT COUNT(*) FROM snippet_score WHERE "modelId" = 1 AND probability < 0.6)`;
  await run(`INSERT INTO audit ("datasetId", "modelId", cut, threshold, name, seed, "keptTarget", "rejectedTarget", "keptCount", "rejectedCount", "keptBytes", "rejectedBytes", "createdAt")
    VALUES (1, 1, 0.6, 3, 'bench', 7, 400, 400, ${counts}, ${rejected}, 0, 0, '${NOW}')`);
  for (const [side, cond] of [["kept", ">= 0.6"], ["rejected", "< 0.6"]]) {
    await run(`INSERT INTO audit_item ("auditId", side, "snippetId", position)
      SELECT 1, '${side}', "snippetId", ROW_NUMBER() OVER (ORDER BY r, "snippetId") - 1 FROM (
        SELECT "snippetId", ${rank('"snippetId"', 7)} AS r FROM snippet_score WHERE "modelId" = 1 AND probability ${cond}
        ORDER BY ${rank('"snippetId"', 7)}, "snippetId" LIMIT 400) picked`);
  }
  // Human score: the LLM score moved by -1, 0 or +1 (clamped), different per annotator.
  const [max, min] = d === "postgres" ? ["GREATEST", "LEAST"] : ["MAX", "MIN"];
  const human = (salt: number) => `${max}(0, ${min}(5, s."llmScore" + CAST(${unit("s.id", salt)} * 3 AS INTEGER) - 1))`;
  const insert = (cols: string, select: string) => run(`INSERT INTO human_label ("snippetId", "userId", "datasetId", status, score, agreed, "llmScore", "timeSpentMs", queue, "auditId", "createdAt", "updatedAt", note) ${select.replace("$COLS", cols)} ON CONFLICT DO NOTHING`);
  const cols = (who: string, salt: number, queue: string, audit: string) =>
    `s.id, ${user(who)}, s."datasetId", 'labeled', ${human(salt)}, ${no}, s."llmScore", 2000 + CAST(${unit("s.id", salt + 1)} * 20000 AS INTEGER), '${queue}', ${audit}, '${NOW}', '${NOW}', NULL`;
  await insert("", `SELECT ${cols("ai.position", 21, "audit", "1")} FROM audit_item ai JOIN snippet s ON s.id = ai."snippetId" WHERE ai.position < 350`);
  await insert("", `SELECT ${cols("ai.position + 1", 22, "audit", "1")} FROM audit_item ai JOIN snippet s ON s.id = ai."snippetId" WHERE ai.position < 100`);
  const pool = `(SELECT id FROM snippet ORDER BY ${rank("id", 11)}, id LIMIT 5500) p JOIN snippet s ON s.id = p.id`;
  await insert("", `SELECT ${cols("s.id", 31, "random", "NULL")} FROM ${pool}`);
  await insert("", `SELECT ${cols("s.id + 2", 32, "random", "NULL")} FROM ${pool} WHERE s.id % 5 <> 0`);
  await run(`UPDATE snippet SET "reviewCount" = (SELECT COUNT(*) FROM human_label h WHERE h."snippetId" = snippet.id AND h.status = 'labeled') WHERE id IN (SELECT "snippetId" FROM human_label)`);
  await run("ANALYZE");
}

function pct(sorted: number[], p: number) {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

async function main() {
  for (const d of dialects) {
    let url: string;
    const reuse = !!process.env.BENCH_REUSE;
    console.log(`\n--- ${d} ---`);
    const t0 = performance.now();
    if (d === "sqlite") {
      url = `file:${FILE}`;
      if (!reuse || !fs.existsSync(FILE)) {
        console.log(`seeding ${SNIPPETS.toLocaleString()} snippets into ${FILE} …`);
        await seedLarge({ file: FILE, snippets: SNIPPETS, humanLabels: 0, users: 6 });
      }
    } else {
      url = PG_ADMIN_URL.replace(/\/[^/?]+(\?|$)/, `/${PG_NAME}$1`);
      try {
        const exists = (await adminPg(`SELECT 1 FROM pg_database WHERE datname = '${PG_NAME}'`)).rowCount;
        if (!reuse || !exists) {
          await adminPg(`DROP DATABASE IF EXISTS ${PG_NAME} WITH (FORCE)`);
          await adminPg(`CREATE DATABASE ${PG_NAME}`);
          await migrate(url);
          console.log(`seeding ${SNIPPETS.toLocaleString()} snippets into PostgreSQL ${PG_NAME} …`);
          await seedPostgresBase(url);
        }
      } catch (e) {
        console.log(`PostgreSQL skipped: ${(e as Error).message}`);
        continue;
      }
    }
    process.env.DATABASE_URL = url;
    await migrate(url);
    const { db, disconnectDb } = await import("../lib/db/client");
    if ((await db().audit.count()) === 0) await seedDashboardData((sql) => db().$executeRawUnsafe(sql), d);
    console.log(`ready in ${((performance.now() - t0) / 1000).toFixed(0)} s: ${(await db().snippet.count()).toLocaleString()} snippets, ${(await db().snippetScore.count()).toLocaleString()} scores, ${(await db().humanLabel.count()).toLocaleString()} human labels (${await db().humanLabel.count({ where: { auditId: { not: null } } })} on the audit), ${(await db().llmLabel.count()).toLocaleString()} LLM labels`);
    await measureDialect();
    await disconnectDb();
    const { closeRaw } = await import("../lib/db/raw");
    await closeRaw();
  }
}

async function measureDialect() {
  const { db } = await import("../lib/db/client");
  const { createApiToken } = await import("../lib/auth/api-tokens");
  const { clearDashboardCache } = await import("../lib/dashboards/dashboard-cache");
  const routes = {
    precision: ((await import("../app/api/dashboards/precision/route")) as { GET: Handler }).GET,
    agreement: ((await import("../app/api/dashboards/agreement/route")) as { GET: Handler }).GET,
    classifier: ((await import("../app/api/dashboards/classifier/route")) as { GET: Handler }).GET,
  };
  const viewer = await db().user.findFirstOrThrow({ where: { role: "annotator" }, orderBy: { email: "asc" } });
  const { token } = await createApiToken(viewer.id, "bench");
  const call = async (name: keyof typeof routes, qs: string) => {
    const res = await routes[name](new Request(`${ORIGIN}/api/dashboards/${name}?${qs}`, { headers: { authorization: `Bearer ${token}` } }), { params: Promise.resolve({}) });
    if (!res.ok) throw new Error(`${name}: ${res.status} ${await res.text()}`);
    return res.json();
  };
  const f = (x: number) => x.toFixed(1).padStart(7);
  const endpoints = [
    ["precision", "datasetId=1"],
    ["agreement", "datasetId=1"],
    ["classifier", "datasetId=1"],
  ] as const;

  clearDashboardCache();
  for (const [name, qs] of endpoints) {
    const t = performance.now();
    await call(name, qs);
    console.log(`cold  ${name.padEnd(11)} first call ${f(performance.now() - t)} ms`);
  }
  const label = await db().humanLabel.findFirstOrThrow({ where: { auditId: null }, orderBy: { id: "asc" } });
  for (const scenario of ["steady", "labeling"] as const) {
    for (const [name, qs] of endpoints) {
      let writes = 0;
      let stop = false;
      const writer = scenario === "labeling"
        ? (async () => {
            while (!stop) {
              await db().humanLabel.update({ where: { id: label.id }, data: { score: (writes++ % 6) } });
              await new Promise((r) => setTimeout(r, 500));
            }
          })()
        : Promise.resolve();
      const times: number[] = [];
      const end = performance.now() + SECONDS * 1000;
      await Promise.all(
        Array.from({ length: CLIENTS }, async () => {
          while (performance.now() < end) {
            const t = performance.now();
            await call(name, qs);
            times.push(performance.now() - t);
            // Requests arrive through I/O; without this the synchronous SQLite driver turns the 8 loops into
            // one microtask chain that starves timers (and the labeling writer).
            await new Promise((r) => setImmediate(r));
          }
        }),
      );
      stop = true;
      await writer;
      times.sort((a, b) => a - b);
      console.log(
        `${scenario.padEnd(8)} ${name.padEnd(11)} ${CLIENTS} clients  n=${String(times.length).padStart(6)}  p50 ${f(pct(times, 50))} ms  p95 ${f(pct(times, 95))} ms  p99 ${f(pct(times, 99))} ms${scenario === "labeling" ? `  (${writes} label writes)` : ""}`,
      );
    }
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
