import { Prisma } from "@syllabus/prisma-sqlite";
import { db } from "@/lib/db/client";
import { firstPoolIds, type PoolScope } from "./first-pool-ids";
import { poolIdRange } from "./pool-id-range";
import { presentStrata, STRATA, type Stratum } from "./present-strata";

type Int = number | bigint;

// Strata whose part of the user's pool ran dry recently: skipped for a minute, because proving a stratum
// empty means walking all of it. Never trusted to make a result empty (see below).
const DRY_TTL_MS = 60_000;
const dryCache = ((globalThis as { __syllabusDryStrata?: Map<string, { strata: Set<Stratum>; at: number }> }).__syllabusDryStrata ??= new Map());

/**
 * "stratified" queue: the random queue's pool, balanced across LLM scores. Strata are the scores 0–5
 * (plus snippets without an LLM score). Picks go round-robin to the strata the user has seen least —
 * counting their labels in this dataset by the LLM score shown, plus the snippets already in their
 * buffer — so the balance holds across refills and reloads, not only within one response. Within a
 * stratum the pick is random as in pickRandomIds (random pivot, (datasetId, llmScore) index seek,
 * wrap-around); a round's probes are one statement. Strata absent from the dataset are never probed;
 * strata that run dry drop out (and are remembered for a minute).
 */
export async function pickStratifiedIds(scope: PoolScope, limit: number, random: () => number = Math.random): Promise<number[]> {
  const range = await poolIdRange(scope.datasetId, scope.labelsPerSnippet);
  if (!range) return [];
  const present = await presentStrata(scope.datasetId);
  const dryKey = `${scope.datasetId}:${scope.userId}:${scope.labelsPerSnippet}`;
  const dry = dryCache.get(dryKey);
  const skip = dry && Date.now() - dry.at < DRY_TTL_MS ? dry.strata : new Set<Stratum>();
  const picked = await pick(scope, limit, random, range, STRATA.filter((s) => present.has(s) && !skip.has(s)), (s) => {
    const entry = dryCache.get(dryKey);
    if (entry && Date.now() - entry.at < DRY_TTL_MS) entry.strata.add(s);
    else dryCache.set(dryKey, { strata: new Set([s]), at: Date.now() });
  });
  if (picked.length > 0 || skip.size === 0) return picked;
  // Everything we probed was empty but some strata were skipped as dry: check them before saying "done".
  dryCache.delete(dryKey);
  return pick(scope, limit, random, range, [...skip].filter((s) => present.has(s)), () => {});
}

async function pick(scope: PoolScope, limit: number, random: () => number, range: { min: number; max: number }, strata: Stratum[], onDry: (s: Stratum) => void): Promise<number[]> {
  if (strata.length === 0) return [];
  const seen = new Map<Stratum, number>(STRATA.map((s) => [s, 0]));
  const [mine, buffered] = await Promise.all([
    db().$queryRaw<{ llmScore: Int | null; n: Int }[]>`
      SELECT "llmScore", COUNT(*) AS n FROM human_label WHERE "userId" = ${scope.userId} AND "datasetId" = ${scope.datasetId} GROUP BY "llmScore"`,
    scope.exclude.length
      ? db().$queryRaw<{ llmScore: Int | null; n: Int }[]>(
          Prisma.sql`SELECT "llmScore", COUNT(*) AS n FROM snippet WHERE id IN (${Prisma.join(scope.exclude)}) GROUP BY "llmScore"`,
        )
      : Promise.resolve([]),
  ]);
  for (const g of [...mine, ...buffered]) {
    const s = g.llmScore === null ? null : Number(g.llmScore);
    seen.set(s, (seen.get(s) ?? 0) + Number(g.n));
  }

  const live = new Set(strata);
  const picked: number[] = [];
  const exclude = [...scope.exclude];
  while (picked.length < limit && live.size > 0) {
    // Plan this round: least-seen stratum first (ties: lower score first), as if every probe succeeds.
    const plan: Stratum[] = [];
    const planned = new Map(seen);
    for (let k = picked.length; k < limit; k++) {
      const s = [...live].sort((a, b) => planned.get(a)! - planned.get(b)! || (a ?? 6) - (b ?? 6))[0];
      plan.push(s);
      planned.set(s, planned.get(s)! + 1);
    }
    const round = [...new Set(plan)];
    const probes = [
      ...plan.map((stratum) => ({ stratum, pivot: range.min + Math.floor(random() * (range.max - range.min + 1)) })),
      ...round.map((stratum) => ({ stratum, pivot: 0 })), // wrap-around answers, one per stratum
    ];
    const found = await firstPoolIds({ ...scope, exclude }, probes);
    const wrap = new Map(round.map((s, i) => [s, found[plan.length + i]]));
    for (const s of round) {
      if (wrap.get(s) !== null) continue;
      live.delete(s);
      onDry(s);
    }
    plan.forEach((stratum, i) => {
      const id = found[i] ?? wrap.get(stratum);
      if (id === null || id === undefined || exclude.includes(id) || picked.length >= limit) return;
      picked.push(id);
      exclude.push(id);
      seen.set(stratum, seen.get(stratum)! + 1);
    });
  }
  return picked;
}
