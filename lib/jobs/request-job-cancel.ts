import { db, type Tx } from "@/lib/db/client";
import { HttpError, notFound } from "@/lib/http/errors";
import { cancelJob } from "./cancel-job";
import { toJobView, type JobView } from "./job-view";

/**
 * A person cancels a job (jobs page, API): queued → cancelled now; running → the worker stops it at its next
 * heartbeat. A job that already finished is a 409, so the caller learns it ended before the cancel arrived.
 * The request is written to the job's log under the current attempt.
 */
export async function requestJobCancel(options: { id: number; by: string }, client: Tx = db()): Promise<JobView> {
  const before = await client.job.findUnique({ where: { id: options.id }, select: { status: true } });
  if (!before) throw notFound(`no job ${options.id}`);
  if (before.status !== "queued" && before.status !== "running") throw new HttpError(409, `job ${options.id} already ${before.status}; nothing to cancel`);
  const job = await cancelJob(options.id, client);
  if (!job) throw notFound(`no job ${options.id}`);
  if (job.status !== "cancelled" && job.status !== "running") throw new HttpError(409, `job ${options.id} ${job.status} before the cancel arrived`);
  await client.jobLog.create({
    data: { jobId: job.id, attempt: job.attempt, level: "warn", message: job.status === "cancelled" ? `cancelled by ${options.by} before it ran` : `cancel requested by ${options.by}` },
  });
  return toJobView(job);
}
