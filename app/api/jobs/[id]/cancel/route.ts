/**
 * POST /api/jobs/:id/cancel — cancel a queued job now, or ask the worker to stop a running one (role: admin).
 *   200 { job: JobView } · 404 · 409 when the job already finished.
 */
import { requestJobCancel } from "@/lib/jobs/request-job-cancel";
import { ZJobParams } from "@/lib/jobs/route-params";
import { route } from "@/lib/http/route";

export const POST = route({ role: "admin" }, async ({ params, user }) => ({ job: await requestJobCancel({ ...ZJobParams.parse(params), by: user.email }) }));
