/**
 * GET /api/jobs?status=&name=&limit=&before= — jobs newest first (role: viewer).
 *   200 { jobs: JobListItem[], nextBefore: number | null, counts: { queued, running, succeeded, failed, cancelled } }
 *   Each job carries progress, durationMs (live while running), throughput (done/s), errorSummary and `link`
 *   to its domain object. Page on with before=<nextBefore>. 400 on a bad filter.
 */
import { countJobsByStatus } from "@/lib/jobs/count-jobs-by-status";
import { listJobs, ZListJobs } from "@/lib/jobs/list-jobs";
import { route } from "@/lib/http/route";

export const GET = route({ query: ZListJobs }, async ({ query }) => {
  const [page, counts] = await Promise.all([listJobs(query), countJobsByStatus({ name: query.name })]);
  return { ...page, counts };
});
