/** GET /api/exec-runs/:id → { run: ExecRunView } (viewer): status, total, done, passed, failed, job. */
import { route } from "@/lib/http/route";
import { getExecRun } from "@/lib/synthetic/execute/get-exec-run";
import { ZExecRunParams } from "@/lib/synthetic/execute/route-params";

export const GET = route({}, async ({ params }) => ({ run: await getExecRun(ZExecRunParams.parse(params).id) }));
