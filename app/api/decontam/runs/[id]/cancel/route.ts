/**
 * POST /api/decontam/runs/:id/cancel → { run: DecontamRunDetail }   (annotator) — a queued run is cancelled at
 *      once, a running one at its next page (its partial matches are deleted; flags stay as they were).
 *      400 when the run already ended.
 */
import { cancelDecontamRun } from "@/lib/decontam/cancel-decontam-run";
import { route } from "@/lib/http/route";

export const POST = route({ role: "annotator" }, async ({ params }) => ({ run: await cancelDecontamRun({ runId: params.id as string }) }));
