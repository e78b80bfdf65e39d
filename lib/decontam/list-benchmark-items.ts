import { z } from "zod";
import { db } from "@/lib/db/client";
import { notFound } from "@/lib/http/errors";
import type { BenchmarkItemView, BenchmarkView } from "./types";
import { listBenchmarks } from "./list-benchmarks";

export const ZListBenchmarkItems = z.object({
  benchmarkId: z.coerce.number().int().positive(),
  /** Keyset cursor: items with a larger id. */
  after: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

/** One benchmark and a page of its items (in import order). */
export async function listBenchmarkItems(input: z.input<typeof ZListBenchmarkItems>): Promise<{ benchmark: BenchmarkView; items: BenchmarkItemView[]; nextAfter: number | null }> {
  const { benchmarkId, after, limit } = ZListBenchmarkItems.parse(input);
  const benchmark = (await listBenchmarks()).find((b) => b.id === benchmarkId);
  if (!benchmark) throw notFound(`no benchmark with id ${benchmarkId}`);
  const rows = await db().benchmarkItem.findMany({ where: { benchmarkId, id: { gt: after } }, orderBy: { id: "asc" }, take: limit + 1 });
  const items = rows.slice(0, limit).map(({ id, taskId, prompt, solution, tests, entryPoint }) => ({ id, taskId, prompt, solution, tests, entryPoint }));
  return { benchmark, items, nextAfter: rows.length > limit ? items[items.length - 1].id : null };
}
