/**
 * POST /api/synthetic/items/:id/execute → 201 { run: ExecRunView } (annotator): runs this one item in the sandbox
 *   as a one-item execution run (a job); poll GET /api/exec-runs/:id, then GET /api/synthetic/items/:id for the result.
 */
import { route } from "@/lib/http/route";
import { createExecRun } from "@/lib/synthetic/execute/create-exec-run";
import { ZItemParams } from "@/lib/synthetic/review/route-params";
import { jobRegistry } from "@/workers/registry";

export const POST = route({ role: "annotator" }, async ({ params, user }) => {
  const run = await createExecRun({ snippetId: ZItemParams.parse(params).id }, user.id, jobRegistry);
  return Response.json({ run }, { status: 201 });
});
