import { z } from "zod";
import { db, type Tx } from "@/lib/db/client";
import type { JobLogLevel } from "./job-log-buffer";

export const ZListJobLogs = z.object({
  /** Only lines after this log id (tailing); without it, the last `limit` lines. */
  afterLogId: z.coerce.number().int().min(0).optional(),
  limit: z.coerce.number().int().min(1).max(2_000).default(500),
});
export type TListJobLogs = z.input<typeof ZListJobLogs>;

export type JobLogView = { id: number; attempt: number; level: JobLogLevel; message: string; createdAt: string };

export type JobLogPage = {
  logs: JobLogView[];
  /** Tail: lines older than the first one returned exist. */
  earlier: boolean;
  /** After afterLogId: more lines follow the last one returned; ask again with its id. */
  more: boolean;
};

/** A job's log lines in order (all attempts), either the tail or the lines after a known id. */
export async function listJobLogs(jobId: number, input: TListJobLogs = {}, client: Tx = db()): Promise<JobLogPage> {
  const { afterLogId, limit } = ZListJobLogs.parse(input);
  const select = { id: true, attempt: true, level: true, message: true, createdAt: true } as const;
  if (afterLogId !== undefined) {
    const rows = await client.jobLog.findMany({ where: { jobId, id: { gt: afterLogId } }, orderBy: { id: "asc" }, take: limit + 1, select });
    return { logs: rows.slice(0, limit).map(toView), earlier: false, more: rows.length > limit };
  }
  const rows = await client.jobLog.findMany({ where: { jobId }, orderBy: { id: "desc" }, take: limit + 1, select });
  return { logs: rows.slice(0, limit).reverse().map(toView), earlier: rows.length > limit, more: false };
}

function toView(row: { id: number; attempt: number; level: string; message: string; createdAt: Date }): JobLogView {
  return { ...row, level: row.level as JobLogLevel, createdAt: row.createdAt.toISOString() };
}
