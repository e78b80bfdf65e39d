/**
 * Audit latency at scale (SQLite): 1,000,000 snippets, 1,000,000 scores of one model, 10k human labels.
 * Times createAudit (a one-off admin action: a full pass over the model's scores), then the read paths
 * under 8 concurrent clients through the real route handlers: audit stats (GET /api/audits/:id), the
 * audit review queue (next, highlighted) and its progress. Prints figures, asserts nothing.
 *
 *   npx tsx bench/audits.ts                 # seed (~1–2 min) and measure
 *   BENCH_REUSE=1 npx tsx bench/audits.ts   # reuse the seeded file
 *
 * Target: p95 < 200 ms per read under 8 concurrent clients.
 */
import os from "node:os";
import path from "node:path";
import { openLargeBenchDatabase } from "./lib/seed-large";

const FILE = process.env.BENCH_DB ?? path.join(os.tmpdir(), "syllabus-bench", "audits.db");
const SNIPPETS = Number(process.env.BENCH_SNIPPETS ?? 1_000_000);
const CALLS = Number(process.env.BENCH_CALLS ?? 400);
const CLIENTS = 8;
const ORIGIN = "http://localhost:3000";

type Handler = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;

const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

/** `n` calls spread over `clients` concurrent loops; latency per call. */
async function measure(name: string, n: number, fn: (i: number) => Promise<void>, clients = CLIENTS) {
  for (let i = 0; i < 10; i++) await fn(i);
  const times: number[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (next < n) {
        const i = next++;
        const t0 = performance.now();
        await fn(i);
        times.push(performance.now() - t0);
      }
    }),
  );
  times.sort((a, b) => a - b);
  const f = (x: number) => x.toFixed(1).padStart(7);
  console.log(`${name.padEnd(46)} n=${String(n).padStart(4)} ×${clients}  p50 ${f(pct(times, 50))} ms  p95 ${f(pct(times, 95))} ms  p99 ${f(pct(times, 99))} ms`);
}

async function main() {
  await openLargeBenchDatabase({ file: FILE, snippets: SNIPPETS, humanLabels: 10_000, users: 4 });
  const { db, disconnectDb } = await import("../lib/db/client");
  const { createApiToken } = await import("../lib/auth/api-tokens");
  const { createAudit } = await import("../lib/audits/create-audit");
  const { GET: auditRoute } = (await import("../app/api/audits/[id]/route")) as { GET: Handler };
  const { GET: next } = (await import("../app/api/review/[datasetId]/next/route")) as { GET: Handler };
  const { GET: progress } = (await import("../app/api/review/[datasetId]/progress/route")) as { GET: Handler };

  const datasetId = (await db().dataset.findFirstOrThrow({ orderBy: { id: "asc" } })).id;
  let model = await db().classifierModel.findFirst({ where: { version: 1 } });
  if (!model) {
    model = await db().classifierModel.create({ data: { version: 1, status: "ready", active: true, cut: 0.7, threshold: 3, datasetId } });
    const t0 = performance.now();
    // A probability spread deterministically over [0, 1): about 30% kept at the cut of 0.7.
    await db().$executeRawUnsafe(`INSERT INTO snippet_score ("snippetId", "modelId", probability) SELECT id, ${model.id}, ((id * 7919) % 10007) / 10007.0 FROM snippet`);
    console.log(`scored in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  }
  console.log(`${(await db().snippetScore.count()).toLocaleString()} scores, ${(await db().humanLabel.count()).toLocaleString()} human labels\n`);

  const admin = await db().user.findFirstOrThrow({ where: { role: "admin" } });
  const annotators = await db().user.findMany({ where: { role: "annotator" }, orderBy: { email: "asc" } });
  let small = 0;
  for (const seed of [1, 2, 3]) {
    const t0 = performance.now();
    const a = await createAudit({ modelId: model.id, datasetId, keptSize: 500, rejectedSize: 500, seed }, admin.id);
    console.log(`createAudit 500 + 500 of ${(a.keptCount + a.rejectedCount).toLocaleString()} (seed ${seed})`.padEnd(60) + `${(performance.now() - t0).toFixed(0)} ms`);
    small = a.id;
  }
  const t1 = performance.now();
  const audit = await createAudit({ modelId: model.id, datasetId, keptSize: 5000, rejectedSize: 5000, seed: 4 }, admin.id);
  console.log(`createAudit 5,000 + 5,000`.padEnd(60) + `${(performance.now() - t1).toFixed(0)} ms`);

  // Half of the audit labeled by two annotators, a quarter by a third one: stats join ~10k labels.
  // Each audit labeled by two annotators on its first half and a third on its first quarter.
  const now = new Date().toISOString();
  for (const id of [audit.id, small]) {
    const size = await db().auditItem.count({ where: { auditId: id } });
    // Our own uuids and timestamp, inlined: the bench's only raw SQL with values.
    for (const [u, share] of [[0, 0.5], [1, 0.5], [2, 0.25]] as const) {
      await db().$executeRawUnsafe(
        `INSERT INTO human_label ("snippetId", "userId", "datasetId", status, score, agreed, "llmScore", "timeSpentMs", queue, "auditId", "createdAt", "updatedAt")
         SELECT i."snippetId", '${annotators[u].id}', s."datasetId", 'labeled', (i."snippetId" + ${u}) % 6, false, s."llmScore", 3000, 'audit', i."auditId", '${now}', '${now}'
         FROM audit_item i JOIN snippet s ON s.id = i."snippetId" WHERE i."auditId" = ${id} AND i.position < ${Math.floor(size * share)}
         ON CONFLICT ("snippetId", "userId") DO NOTHING`,
      );
    }
    await db().$executeRawUnsafe(`UPDATE snippet SET "reviewCount" = (SELECT COUNT(*) FROM human_label h WHERE h."snippetId" = snippet.id AND h.status = 'labeled') WHERE id IN (SELECT "snippetId" FROM audit_item WHERE "auditId" = ${id})`);
  }

  const { token } = await createApiToken(admin.id, "bench");
  const headers = { authorization: `Bearer ${token}` };
  const call = async (handler: Handler, url: string, p: Record<string, string>) => {
    const res = await handler(new Request(`${ORIGIN}${url}`, { headers }), { params: Promise.resolve(p) });
    if (!res.ok) throw new Error(`${url}: ${res.status} ${await res.text()}`);
    return res.json();
  };
  const ds = { datasetId: String(datasetId) };
  for (const [label, id] of [["10,000-item audit", audit.id], ["1,000-item audit", small]] as const) {
    for (const clients of [1, CLIENTS]) {
      await measure(`stats GET /api/audits/:id, ${label}`, CALLS, async () => void (await call(auditRoute, `/api/audits/${id}`, { id: String(id) })), clients);
      await measure(`next audit (5, highlighted), ${label}`, CALLS, async () => void (await call(next, `/api/review/${datasetId}/next?queue=audit&auditId=${id}&limit=5`, ds)), clients);
      await measure(`progress audit, ${label}`, CALLS, async () => void (await call(progress, `/api/review/${datasetId}/progress?queue=audit&auditId=${id}`, ds)), clients);
    }
  }
  await disconnectDb();
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
