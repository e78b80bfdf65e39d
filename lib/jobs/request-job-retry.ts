import { db, type Tx } from "@/lib/db/client";
import { HttpError, notFound } from "@/lib/http/errors";
import { toJobView, type JobView } from "./job-view";
import { JobNotRetryableError, retryJob } from "./retry-job";

/** A person puts a failed or cancelled job back in the queue (jobs page, API); anything else is a 409. */
export async function requestJobRetry(options: { id: number; by: string }, client: Tx = db()): Promise<JobView> {
  const exists = await client.job.count({ where: { id: options.id } });
  if (!exists) throw notFound(`no job ${options.id}`);
  let job;
  try {
    job = await retryJob(options.id, {}, client);
  } catch (e) {
    if (e instanceof JobNotRetryableError) throw new HttpError(409, e.message);
    throw e;
  }
  await client.jobLog.create({
    data: { jobId: job.id, attempt: job.attempt, level: "info", message: `retry requested by ${options.by}; ${job.maxAttempts - job.attempt} more attempt(s) allowed` },
  });
  return toJobView(job);
}
