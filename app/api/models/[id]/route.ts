/**
 * GET    /api/models/:id → { model: ModelDetail } (role: viewer): metrics with ROC/PR curve points, confusion,
 *        per-fold ROC AUC, OOB, top 30 importances, data snapshot, params, artifact, score runs with progress.
 * DELETE /api/models/:id → { deleted: true, version } (role: admin): a model that is not active and not training;
 *        its scores and score runs go with it. 404 unknown; 409 active or still training.
 * :id is the model's id (ModelView.id), not its version.
 */
import { deleteModel } from "@/lib/classifier/delete-model";
import { getModel } from "@/lib/classifier/get-model";
import { route } from "@/lib/http/route";
import { ZModelParams } from "../model-params";

export const GET = route({}, async ({ params }) => ({ model: await getModel(ZModelParams.parse(params).id) }));

export const DELETE = route({ role: "admin" }, async ({ params }) => deleteModel(ZModelParams.parse(params).id));
