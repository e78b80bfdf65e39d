import type { JobRegistry } from "@/lib/jobs/job-definition";
import { createScoreRun } from "./create-score-run";
import type { ScoreRunView } from "./types";

/**
 * Makes a ready model the active one: re-scores every snippet with it (writing snippet.classifierProb),
 * and the run flips `active` over to it in the transaction that finishes its last chunk — so until then
 * the previous model stays active.
 */
export async function activateModel(id: number, userId: string | null, registry: JobRegistry): Promise<{ run: ScoreRunView; jobId: number }> {
  return createScoreRun({ modelId: id, activate: true }, userId, registry);
}
