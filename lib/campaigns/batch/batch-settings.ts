import { z } from "zod";

/** Limits of one OpenAI batch (we stay under the API's 200 MB so a line never tips a file over). */
export const BATCH_LIMITS = { maxRequests: 50_000, maxBytes: 100 * 1024 * 1024 } as const;

const ZBatchPollMs = z.coerce.number({ error: "SYLLABUS_BATCH_POLL_MS must be a number of milliseconds" }).int().min(10).max(3_600_000).default(30_000);

/**
 * How often a running batch is polled. Batches take minutes to hours, so the default is 30 s; tests and
 * local OpenAI-compatible servers set SYLLABUS_BATCH_POLL_MS lower.
 */
export function batchPollIntervalMs(env: Record<string, string | undefined> = process.env): number {
  const raw = env.SYLLABUS_BATCH_POLL_MS?.trim() || undefined;
  const parsed = ZBatchPollMs.safeParse(raw);
  if (!parsed.success) throw new Error(`invalid SYLLABUS_BATCH_POLL_MS "${raw}": must be an integer from 10 to 3600000`);
  return parsed.data;
}
