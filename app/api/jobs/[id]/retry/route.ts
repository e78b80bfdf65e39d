/**
 * POST /api/jobs/:id/retry — put a failed or cancelled job back in the queue with 3 more attempts (role: admin).
 *   200 { job: JobView } · 404 · 409 when the job is not failed or cancelled.
 */
import { requestJobRetry } from "@/lib/jobs/request-job-retry";
import { ZJobParams } from "@/lib/jobs/route-params";
import { route } from "@/lib/http/route";

export const POST = route({ role: "admin" }, async ({ params, user }) => ({ job: await requestJobRetry({ ...ZJobParams.parse(params), by: user.email }) }));
