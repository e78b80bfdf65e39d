import { db, type Tx } from "@/lib/db/client";
import { JOB_STATUSES, type JobStatus } from "./types";

/** How many jobs are in each status (optionally of one job name), for the jobs page's filter. */
export async function countJobsByStatus(options: { name?: string } = {}, client: Tx = db()): Promise<Record<JobStatus, number>> {
  const groups = await client.job.groupBy({ by: ["status"], where: { name: options.name }, _count: { _all: true } });
  const counts = Object.fromEntries(JOB_STATUSES.map((s) => [s, 0])) as Record<JobStatus, number>;
  for (const g of groups) if (g.status in counts) counts[g.status as JobStatus] = g._count._all;
  return counts;
}
