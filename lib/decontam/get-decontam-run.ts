import { z } from "zod";
import { db } from "@/lib/db/client";
import { notFound } from "@/lib/http/errors";
import { num, sql } from "@/lib/snippets/sql";
import { listDecontamRuns } from "./list-decontam-runs";
import type { DecontamBenchmarkSummary, DecontamRunDetail } from "./types";

export const ZGetDecontamRun = z.object({ runId: z.coerce.number().int().positive() });

/** One run with what it found per benchmark: snippets, items, matches by method, most matched items. */
export async function getDecontamRun(input: z.input<typeof ZGetDecontamRun>): Promise<DecontamRunDetail> {
  const { runId } = ZGetDecontamRun.parse(input);
  const [run] = await listDecontamRuns({ ids: [runId] });
  if (!run) throw notFound(`no decontamination run with id ${runId}`);
  const summary = await db().$queryRaw<{ benchmarkId: number; name: string; snippets: unknown; items: unknown; matches: unknown; ngram: unknown }[]>(sql`
    SELECT b.id AS "benchmarkId", b.name AS name, COUNT(DISTINCT m."snippetId") AS snippets, COUNT(DISTINCT m."benchmarkItemId") AS items,
           COUNT(*) AS matches, SUM(CASE WHEN m.method = 'ngram' THEN 1 ELSE 0 END) AS ngram
    FROM decontam_match m JOIN benchmark_item bi ON bi.id = m."benchmarkItemId" JOIN benchmark b ON b.id = bi."benchmarkId"
    WHERE m."runId" = ${runId}
    GROUP BY b.id, b.name ORDER BY b.name`);
  const top = await db().$queryRaw<{ benchmarkId: number; taskId: string; snippets: unknown }[]>(sql`
    SELECT bi."benchmarkId" AS "benchmarkId", bi."taskId" AS "taskId", COUNT(*) AS snippets
    FROM decontam_match m JOIN benchmark_item bi ON bi.id = m."benchmarkItemId"
    WHERE m."runId" = ${runId}
    GROUP BY bi."benchmarkId", bi.id, bi."taskId" ORDER BY snippets DESC, bi.id LIMIT 500`);
  const benchmarksMatched: DecontamBenchmarkSummary[] = summary.map((s) => {
    const matches = num(s.matches);
    const ngram = num(s.ngram);
    return {
      benchmarkId: Number(s.benchmarkId),
      name: s.name,
      snippets: num(s.snippets),
      items: num(s.items),
      matches,
      byMethod: { ngram, substring: matches - ngram },
      topItems: top.filter((t) => Number(t.benchmarkId) === Number(s.benchmarkId)).slice(0, 10).map((t) => ({ taskId: t.taskId, snippets: num(t.snippets) })),
    };
  });
  return { ...run, benchmarksMatched };
}
