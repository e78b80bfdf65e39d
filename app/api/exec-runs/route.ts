/**
 * GET  /api/exec-runs?datasetId=&snippetId=&limit=  → { runs: ExecRunView[] } (viewer), newest first
 * POST /api/exec-runs  body { datasetId, scope?: all|unrun|failed }  → 201 { run: ExecRunView } (admin)
 *      Executes the dataset's synthetic items in the python3 sandbox as a `synthetic.execute` job.
 */
import { route } from "@/lib/http/route";
import { createExecRun, ZCreateExecRun } from "@/lib/synthetic/execute/create-exec-run";
import { listExecRuns, ZListExecRuns } from "@/lib/synthetic/execute/list-exec-runs";
import { jobRegistry } from "@/workers/registry";

export const GET = route({ query: ZListExecRuns.omit({ ids: true }) }, async ({ query }) => ({ runs: await listExecRuns(query) }));

export const POST = route({ role: "admin", body: ZCreateExecRun }, async ({ body, user }) => {
  const run = await createExecRun(body, user.id, jobRegistry);
  return Response.json({ run }, { status: 201 });
});
