/**
 * POST /api/models/:id/score  body { datasetId?, activate? (false), chunkSize? (20000) } → 201 { run: ScoreRunView, jobId }
 * (role: admin): scores every snippet (or one dataset's) with this model in resumable id-range chunks.
 * activate: also write snippet.classifierProb (the active model refreshing a dataset, or making this model
 * active, which needs every dataset). 400 bad input; 404 unknown model or dataset; 409 model not ready.
 */
import { createScoreRun, ZCreateScoreRun } from "@/lib/classifier/create-score-run";
import { route } from "@/lib/http/route";
import { jobRegistry } from "@/workers/registry";
import { ZModelParams } from "../../model-params";

const ZBody = ZCreateScoreRun.omit({ modelId: true });

export const POST = route({ role: "admin", body: ZBody }, async ({ params, body, user }) =>
  Response.json(await createScoreRun({ ...body, modelId: ZModelParams.parse(params).id }, user.id, jobRegistry), { status: 201 }),
);
