import { db, type Tx } from "@/lib/db/client";
import { notFound } from "@/lib/http/errors";
import { toJobView, type JobView } from "./job-view";
import { listJobLogs, type JobLogPage, type TListJobLogs } from "./list-job-logs";

export type JobDetail = { job: JobView } & JobLogPage;

/** One job with its full error and payload, and its log (the tail, or the lines after `afterLogId`). */
export async function getJobDetail(options: { id: number } & TListJobLogs, client: Tx = db()): Promise<JobDetail> {
  const { id, ...logQuery } = options;
  const job = await client.job.findUnique({ where: { id } });
  if (!job) throw notFound(`no job ${id}`);
  return { job: toJobView(job), ...(await listJobLogs(id, logQuery, client)) };
}
