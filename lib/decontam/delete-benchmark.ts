import { z } from "zod";
import { db } from "@/lib/db/client";
import { notFound } from "@/lib/http/errors";
import { refreshContamination } from "./refresh-contamination";

export const ZDeleteBenchmark = z.object({ benchmarkId: z.coerce.number().int().positive() });

/**
 * Deletes a benchmark with its items and their matches (foreign keys cascade), and in the same
 * transaction clears the contamination flag of snippets that matched nothing else.
 */
export async function deleteBenchmark(input: z.input<typeof ZDeleteBenchmark>): Promise<{ id: number; name: string; items: number; unflaggedSnippets: number }> {
  const { benchmarkId } = ZDeleteBenchmark.parse(input);
  return db().$transaction(
    async (tx) => {
      const b = await tx.benchmark.findUnique({ where: { id: benchmarkId } });
      if (!b) throw notFound(`no benchmark with id ${benchmarkId}`);
      await tx.benchmark.delete({ where: { id: benchmarkId } });
      const unflaggedSnippets = await refreshContamination(tx, { flaggedOnly: true });
      return { id: b.id, name: b.name, items: b.itemCount, unflaggedSnippets };
    },
    { timeout: 120_000, maxWait: 20_000 },
  );
}
