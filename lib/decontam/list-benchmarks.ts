import { db } from "@/lib/db/client";
import { num, sql } from "@/lib/snippets/sql";
import type { BenchmarkView } from "./types";

/** Every benchmark, by name, with its item count and how many snippets currently match it. */
export async function listBenchmarks(): Promise<BenchmarkView[]> {
  const benchmarks = await db().benchmark.findMany({ orderBy: { name: "asc" } });
  if (benchmarks.length === 0) return [];
  const flagged = await db().$queryRaw<{ benchmarkId: number; n: number | bigint }[]>(sql`
    SELECT bi."benchmarkId" AS "benchmarkId", COUNT(DISTINCT m."snippetId") AS n
    FROM decontam_match m
    JOIN decontam_run r ON r.id = m."runId" AND r.status = 'succeeded'
    JOIN benchmark_item bi ON bi.id = m."benchmarkItemId"
    GROUP BY bi."benchmarkId"`);
  const byId = new Map(flagged.map((f) => [Number(f.benchmarkId), num(f.n)]));
  return benchmarks.map((b) => ({ id: b.id, name: b.name, fileName: b.fileName, itemCount: b.itemCount, createdAt: b.createdAt.toISOString(), flaggedSnippets: byId.get(b.id) ?? 0 }));
}
