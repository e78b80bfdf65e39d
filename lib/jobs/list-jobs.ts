import { z } from "zod";
import { db, type Tx } from "@/lib/db/client";
import { toJobListItem, type JobListItem } from "./job-view";
import { JOB_STATUSES } from "./types";

export const ZListJobs = z.object({
  status: z.enum(JOB_STATUSES).optional(),
  name: z.string().min(1).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  /** id of the last job of the previous page (jobs are listed newest first). */
  before: z.coerce.number().int().positive().optional(),
});
export type TListJobs = z.input<typeof ZListJobs>;

/** Recent jobs, newest first, with keyset paging: pass the returned nextBefore as `before`. */
export async function listJobs(input: TListJobs = {}, client: Tx = db()): Promise<{ jobs: JobListItem[]; nextBefore: number | null }> {
  const { status, name, limit, before } = ZListJobs.parse(input);
  const rows = await client.job.findMany({
    where: { status, name, ...(before !== undefined && { id: { lt: before } }) },
    orderBy: { id: "desc" },
    take: limit + 1,
  });
  const page = rows.slice(0, limit);
  const now = new Date();
  return { jobs: page.map((j) => toJobListItem(j, now)), nextBefore: rows.length > limit ? page[page.length - 1].id : null };
}
