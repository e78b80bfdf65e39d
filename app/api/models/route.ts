/**
 * GET  /api/models → { models: ModelView[] } newest version first (role: viewer). While a model trains, `job`
 *      carries its training job's progress (progressDone / progressTotal / message).
 * POST /api/models  body TTrainClassifier = { datasetId, threshold? (default the dataset's), trees? (100), folds? (5),
 *      maxDepth? (null: unlimited), minSamplesLeaf? (1), targetPrecision? (0.9), useEmbeddings? (false), activate? (true) }
 *      → 201 { model: ModelView, jobId } (role: admin): a new version in status "training" and its classifier.train job.
 *      400 bad input or too few labeled snippets to train on; 404 unknown dataset.
 * Types: lib/classifier/types.ts.
 */
import { createTrainingRun, ZTrainClassifier } from "@/lib/classifier/create-training-run";
import { listModels } from "@/lib/classifier/list-models";
import { route } from "@/lib/http/route";
import { jobRegistry } from "@/workers/registry";

export const GET = route({}, async () => ({ models: await listModels() }));

export const POST = route({ role: "admin", body: ZTrainClassifier }, async ({ body, user }) =>
  Response.json(await createTrainingRun(body, user.id, jobRegistry), { status: 201 }),
);
