/**
 * GET /api/jobs/:id?afterLogId=&limit= — one job with full error and payload, and its log (role: viewer).
 *   200 { job: JobView, logs: { id, attempt, level, message, createdAt }[], earlier: boolean, more: boolean }
 *   Without afterLogId: the last `limit` (default 500) lines; with it: the lines after that id (tailing).
 *   404 for an unknown job.
 */
import { getJobDetail } from "@/lib/jobs/get-job-detail";
import { ZListJobLogs } from "@/lib/jobs/list-job-logs";
import { ZJobParams } from "@/lib/jobs/route-params";
import { route } from "@/lib/http/route";

export const GET = route({ query: ZListJobLogs }, async ({ params, query }) => getJobDetail({ ...ZJobParams.parse(params), ...query }));
