import { z } from "zod";
import { db } from "@/lib/db/client";
import { and, num, sql, type Sql } from "@/lib/snippets/sql";
import type { FlaggedMatch, FlaggedSnippet } from "./types";

export const ZListFlaggedSnippets = z.object({
  datasetId: z.coerce.number().int().positive().optional(),
  benchmarkId: z.coerce.number().int().positive().optional(),
  /** all | excluded (no override: left out of exports) | overridden (kept by a reviewer) */
  override: z.enum(["all", "excluded", "overridden"]).default("all"),
  /** Keyset cursor: snippets with a larger id. */
  after: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type TListFlaggedSnippets = z.input<typeof ZListFlaggedSnippets>;

/**
 * Snippets with current matches (recorded by succeeded runs), by id, a keyset page at a time: dataset,
 * path, every matched benchmark item (strongest first) and the override. Driven by decontam_match's
 * snippet index, so a page costs the same whether 10 or 100,000 snippets are flagged.
 */
export async function listFlaggedSnippets(input: TListFlaggedSnippets = {}): Promise<{ items: FlaggedSnippet[]; nextAfter: number | null; total: number }> {
  const v = ZListFlaggedSnippets.parse(input);
  const conditions: Sql[] = [];
  if (v.datasetId !== undefined) conditions.push(sql`s."datasetId" = ${v.datasetId}`);
  if (v.benchmarkId !== undefined) conditions.push(sql`m."benchmarkItemId" IN (SELECT id FROM benchmark_item WHERE "benchmarkId" = ${v.benchmarkId})`);
  if (v.override === "excluded") conditions.push(sql`NOT EXISTS (SELECT 1 FROM contam_override o WHERE o."snippetId" = m."snippetId")`);
  if (v.override === "overridden") conditions.push(sql`EXISTS (SELECT 1 FROM contam_override o WHERE o."snippetId" = m."snippetId")`);
  const from = sql`FROM decontam_match m JOIN decontam_run r ON r.id = m."runId" AND r.status = 'succeeded' JOIN snippet s ON s.id = m."snippetId"`;
  const where = and(conditions);
  const [idRows, [count]] = await Promise.all([
    db().$queryRaw<{ id: unknown }[]>(sql`SELECT DISTINCT m."snippetId" AS id ${from} WHERE ${where} AND m."snippetId" > ${v.after} ORDER BY m."snippetId" LIMIT ${v.limit + 1}`),
    db().$queryRaw<{ n: unknown }[]>(sql`SELECT COUNT(DISTINCT m."snippetId") AS n ${from} WHERE ${where}`),
  ]);
  const ids = idRows.slice(0, v.limit).map((r) => num(r.id));
  if (ids.length === 0) return { items: [], nextAfter: null, total: num(count.n) };
  const [snippets, matches] = await Promise.all([
    db().snippet.findMany({
      where: { id: { in: ids } },
      select: { id: true, datasetId: true, path: true, language: true, dataset: { select: { name: true } }, contamOverride: true },
    }),
    db().decontamMatch.findMany({
      where: { snippetId: { in: ids }, run: { status: "succeeded" } },
      select: { snippetId: true, benchmarkItemId: true, method: true, shared: true, overlap: true, runId: true, benchmarkItem: { select: { taskId: true, benchmark: { select: { id: true, name: true } } } } },
      orderBy: { runId: "desc" },
    }),
  ]);
  const bySnippet = new Map<number, { items: Set<number>; list: FlaggedMatch[] }>();
  for (const m of matches) {
    const entry = bySnippet.get(m.snippetId) ?? { items: new Set(), list: [] };
    bySnippet.set(m.snippetId, entry);
    if (entry.items.has(m.benchmarkItemId)) continue;
    entry.items.add(m.benchmarkItemId);
    entry.list.push({ benchmarkId: m.benchmarkItem.benchmark.id, benchmark: m.benchmarkItem.benchmark.name, taskId: m.benchmarkItem.taskId, method: m.method as FlaggedMatch["method"], shared: m.shared, overlap: m.overlap });
  }
  const byId = new Map(snippets.map((s) => [s.id, s]));
  const items = ids.flatMap((id): FlaggedSnippet[] => {
    const s = byId.get(id);
    if (!s) return [];
    const list = (bySnippet.get(id)?.list ?? []).sort((a, b) => b.overlap - a.overlap || a.taskId.localeCompare(b.taskId));
    const o = s.contamOverride;
    return [{ snippetId: id, datasetId: s.datasetId, datasetName: s.dataset.name, path: s.path, language: s.language, matches: list, override: o ? { note: o.note, userId: o.userId, createdAt: o.createdAt.toISOString() } : null }];
  });
  return { items, nextAfter: idRows.length > v.limit ? ids[ids.length - 1] : null, total: num(count.n) };
}
