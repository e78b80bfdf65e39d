import { db, type Tx } from "@/lib/db/client";
import { toJobView, type JobView } from "./job-view";

/** One job with its payload decoded, for the jobs page and `syllabus jobs show`. */
export async function getJob(id: number, client: Tx = db()): Promise<JobView | null> {
  const job = await client.job.findUnique({ where: { id } });
  return job && toJobView(job);
}
