import { z } from "zod";
import { db } from "@/lib/db/client";
import { notFound } from "@/lib/http/errors";
import { findMatchSpans } from "./find-match-spans";
import { listDecontamRuns } from "./list-decontam-runs";
import type { SnippetContamination, SnippetMatchDetail } from "./types";

export const ZGetSnippetContamination = z.object({ snippetId: z.coerce.number().int().positive() });

/**
 * One snippet's contamination: its content, every current match (from succeeded runs; the newest per
 * benchmark item) with the benchmark item's prompt and solution and the ranges to highlight on both sides,
 * the override if a reviewer kept it, and whether exports exclude it.
 */
export async function getSnippetContamination(input: z.input<typeof ZGetSnippetContamination>): Promise<SnippetContamination> {
  const { snippetId } = ZGetSnippetContamination.parse(input);
  const snippet = await db().snippet.findUnique({
    where: { id: snippetId },
    select: { id: true, datasetId: true, path: true, language: true, content: true, contaminated: true, dataset: { select: { name: true } }, contamOverride: true },
  });
  if (!snippet) throw notFound(`no snippet with id ${snippetId}`);
  const rows = await db().decontamMatch.findMany({
    where: { snippetId, run: { status: "succeeded" } },
    include: { benchmarkItem: { include: { benchmark: { select: { id: true, name: true } } } } },
    orderBy: { runId: "desc" },
  });
  const runs = new Map((await listDecontamRuns({ ids: [...new Set(rows.map((r) => r.runId))] })).map((r) => [r.id, r]));
  const seen = new Set<number>();
  const matches: SnippetMatchDetail[] = [];
  for (const m of rows) {
    if (seen.has(m.benchmarkItemId)) continue;
    seen.add(m.benchmarkItemId);
    const run = runs.get(m.runId);
    const item = m.benchmarkItem;
    matches.push({
      id: m.id,
      runId: m.runId,
      ngram: run?.ngram ?? 13,
      method: m.method as SnippetMatchDetail["method"],
      shared: m.shared,
      overlap: m.overlap,
      evidence: m.evidence,
      benchmark: item.benchmark,
      item: { id: item.id, taskId: item.taskId, prompt: item.prompt, solution: item.solution, entryPoint: item.entryPoint },
      highlights: findMatchSpans(snippet.content, item, { ngram: run?.ngram, minSubstringChars: run?.minSubstringChars }),
    });
  }
  matches.sort((a, b) => b.overlap - a.overlap || a.item.id - b.item.id);
  const o = snippet.contamOverride;
  const user = o ? await db().user.findUnique({ where: { id: o.userId }, select: { name: true, email: true } }) : null;
  return {
    snippet: { id: snippet.id, datasetId: snippet.datasetId, datasetName: snippet.dataset.name, path: snippet.path, language: snippet.language, content: snippet.content, contaminated: snippet.contaminated },
    override: o ? { note: o.note, userId: o.userId, userName: user?.name ?? null, userEmail: user?.email ?? null, createdAt: o.createdAt.toISOString() } : null,
    matches,
    excluded: snippet.contaminated && !o,
  };
}
