/**
 * GET  /api/diversity/reports?datasetId=&campaignId=<id>|none&limit=100 → { reports: DiversityReportListItem[] }
 *      newest first, each with its headline figures (`summary`: distinct-1/2/3, compression, near-duplicate
 *      rate, Vendi score, dispersion, coverage entropy, function-name uniqueness) and its job's progress.
 *      campaignId=none: only reports over a whole dataset. (any signed-in user)
 * POST /api/diversity/reports  body TCreateDiversityReport = { datasetId, campaignId?, sampleSize? (1000, 2–2000),
 *      seed? (1), threshold? (0.8), permutations? (128), shingle? (5), bands?+rows? (default: chosen for the
 *      threshold), ngram? (3), openingWords? (8), topK? (20), vectors? ("auto" | "tfidf" | "embeddings"),
 *      embeddingModel?, maxClusters? (500), threads? }
 *      → 201 { report: DiversityReportView, jobId } (admin: the job marks Snippet.nearDupOf, which export reads).
 *      400 bad parameters or a campaign of another dataset; 404 unknown dataset or campaign.
 * Types: lib/diversity/types.ts.
 */
import { createDiversityReport, ZCreateDiversityReport } from "@/lib/diversity/create-diversity-report";
import { listDiversityReports, ZListDiversityReports } from "@/lib/diversity/list-diversity-reports";
import { route } from "@/lib/http/route";
import { jobRegistry } from "@/workers/registry";

export const GET = route({ query: ZListDiversityReports }, async ({ query }) => ({ reports: await listDiversityReports(query) }));

export const POST = route({ role: "admin", body: ZCreateDiversityReport }, async ({ body, user }) =>
  Response.json(await createDiversityReport(body, user.id, jobRegistry), { status: 201 }),
);
