/**
 * GET  /api/decontam/runs?dataset=<id>&limit=20 → { runs: DecontamRunView[] }   (viewer) — newest first; with
 *      dataset, the runs over that dataset and over every dataset. A run: { id, datasetId, datasetName, ngram,
 *      minShared, minSubstringChars, benchmarks: [{ id, name }], status, total, done, flagged, error, jobId,
 *      job: { status, attempt, maxAttempts, message, error }, createdAt, finishedAt }
 * POST /api/decontam/runs   (annotator)
 *      body { datasetId?: number | null (null/absent: every dataset), ngram?: 3–50 (13), benchmarkIds?: number[]
 *             (empty: all), minShared?: 1–1000 (1), minSubstringChars?: 20–10000 (50) }
 *      → 201 { run: DecontamRunDetail, jobId }; 404 unknown dataset/benchmark; 400 no benchmark imported
 */
import { z } from "zod";
import { createDecontamRun, ZCreateDecontamRun } from "@/lib/decontam/create-decontam-run";
import { listDecontamRuns } from "@/lib/decontam/list-decontam-runs";
import { route } from "@/lib/http/route";
import { jobRegistry } from "@/workers/registry";

const ZQuery = z.object({ dataset: z.coerce.number().int().positive().optional(), limit: z.coerce.number().int().min(1).max(200).optional() });

export const GET = route({ query: ZQuery }, async ({ query }) => ({ runs: await listDecontamRuns({ datasetId: query.dataset, limit: query.limit }) }));

export const POST = route({ role: "annotator", body: ZCreateDecontamRun }, async ({ body, user }) => {
  const created = await createDecontamRun(body, user.id, jobRegistry);
  return Response.json(created, { status: 201 });
});
