/** POST /api/exec-runs/:id/cancel → { run: ExecRunView } (admin). A running run stops at once; programs in flight are killed. */
import { route } from "@/lib/http/route";
import { cancelExecRun } from "@/lib/synthetic/execute/cancel-exec-run";
import { ZExecRunParams } from "@/lib/synthetic/execute/route-params";

export const POST = route({ role: "admin" }, async ({ params }) => ({ run: await cancelExecRun(ZExecRunParams.parse(params).id) }));
