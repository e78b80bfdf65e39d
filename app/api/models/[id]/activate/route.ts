/**
 * POST /api/models/:id/activate → { run: ScoreRunView, jobId } (role: admin): re-scores every snippet with this
 * model; the model becomes the active one when the run's last chunk is written (until then the previous one
 * stays active). 404 unknown model; 409 when the model is not ready.
 */
import { activateModel } from "@/lib/classifier/activate-model";
import { route } from "@/lib/http/route";
import { jobRegistry } from "@/workers/registry";
import { ZModelParams } from "../../model-params";

export const POST = route({ role: "admin" }, async ({ params, user }) => activateModel(ZModelParams.parse(params).id, user.id, jobRegistry));
