import { z } from "zod";
import type { Tx } from "@/lib/db/client";
import type { JobNameOf, JobPayloadOf, JobRegistry } from "./job-definition";
import type { Job } from "./types";

export const ZEnqueueOptions = z.object({
  maxAttempts: z.number().int().min(1).max(100).optional(),
  runAt: z.date().optional(),
});

export type EnqueueJobInput<R extends JobRegistry, N extends JobNameOf<R>> = {
  name: N;
  payload: JobPayloadOf<R, N>;
} & z.input<typeof ZEnqueueOptions>;

/**
 * Queues a job. Pass the transaction that writes the domain row asking for it (e.g. an ImportRun), so
 * both commit or neither does:
 *
 *   await db().$transaction(async (tx) => {
 *     const run = await tx.importRun.create({ data });
 *     await enqueueJob(tx, { name: "corpus.import", payload: { importRunId: run.id } }, jobRegistry);
 *   });
 *
 * The registry (workers/registry.ts) is passed in because lib/ never imports workers/.
 */
export async function enqueueJob<R extends JobRegistry, N extends JobNameOf<R>>(tx: Tx, input: EnqueueJobInput<R, N>, registry: R): Promise<Job> {
  const definition = registry.get(input.name);
  if (!definition) throw new Error(`unknown job "${input.name}" (known: ${registry.names().join(", ") || "none"})`);
  const parsed = definition.payload.safeParse(input.payload);
  if (!parsed.success) throw new Error(`invalid payload for job "${input.name}": ${z.prettifyError(parsed.error)}`);
  const options = ZEnqueueOptions.parse({ maxAttempts: input.maxAttempts, runAt: input.runAt });
  return tx.job.create({
    data: {
      name: input.name,
      payload: JSON.stringify(parsed.data),
      maxAttempts: options.maxAttempts ?? definition.maxAttempts,
      runAt: options.runAt,
    },
  });
}
