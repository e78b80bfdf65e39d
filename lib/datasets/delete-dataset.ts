import { z } from "zod";
import type { TaskContext } from "@/lib/context";
import { db } from "@/lib/db/client";
import { badRequest, notFound } from "@/lib/http/errors";
import { sql } from "@/lib/snippets/sql";
import { statsKey } from "./dataset-stats";
import { forget } from "./stats-cache";

export const ZDeleteDataset = z.object({
  datasetId: z.number().int().positive(),
  /** The dataset's name, typed by the user: a guard against deleting the wrong one from a script. */
  confirm: z.string(),
});
export type TDeleteDataset = z.input<typeof ZDeleteDataset>;

/** Snippets removed per statement: keeps each write transaction (and SQLite's write lock) short. */
const CHUNK = 5_000;

/**
 * Deletes a dataset with its snippets, their LLM and human labels and its import runs (foreign keys
 * cascade). Snippets go in chunks of CHUNK rows, each its own statement, so a million-row dataset never
 * holds one giant transaction and other writers get turns in between; re-running after an interruption
 * finishes the job.
 *
 * A million snippets take about 75 s on SQLite, so the route's synchronous call is only fit for small and
 * medium datasets; the optional context lets a job run it with progress, heartbeat and cancellation.
 */
export async function deleteDataset(input: TDeleteDataset, ctx?: Partial<TaskContext>): Promise<{ id: number; name: string; snippetsDeleted: number }> {
  const { datasetId, confirm } = ZDeleteDataset.parse(input);
  const d = await db().dataset.findUnique({ where: { id: datasetId }, select: { id: true, name: true, snippetCount: true } });
  if (!d) throw notFound(`no dataset with id ${datasetId}`);
  if (confirm !== d.name) throw badRequest(`confirmation does not match: type the dataset name "${d.name}"`);
  let snippetsDeleted = 0;
  for (;;) {
    const n = await db().$executeRaw(sql`DELETE FROM snippet WHERE id IN (SELECT id FROM snippet WHERE "datasetId" = ${datasetId} LIMIT ${CHUNK})`);
    snippetsDeleted += n;
    if (n < CHUNK) break;
    await ctx?.reportProgress?.(snippetsDeleted, Math.max(d.snippetCount, snippetsDeleted), "deleting snippets");
    await ctx?.heartbeat?.();
    if (ctx?.signal?.aborted) throw new Error("cancelled; run again to finish deleting");
  }
  await db().dataset.delete({ where: { id: datasetId } });
  forget(statsKey(datasetId));
  return { id: d.id, name: d.name, snippetsDeleted };
}
