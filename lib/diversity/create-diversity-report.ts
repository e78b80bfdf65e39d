import { z } from "zod";
import { db } from "@/lib/db/client";
import { badRequest, notFound } from "@/lib/http/errors";
import { enqueueJob } from "@/lib/jobs/enqueue-job";
import type { JobRegistry } from "@/lib/jobs/job-definition";
import { getDiversityReport } from "./get-diversity-report";
import { chooseLshParams } from "./lsh-params";
import { DEFAULT_PERMUTATIONS, DEFAULT_SHINGLE } from "./minhash";
import type { DiversityParams, DiversityReportView } from "./types";

export const ZCreateDiversityReport = z
  .object({
    datasetId: z.coerce.number().int().positive(),
    /** Only this generation campaign's items (it must belong to the dataset). */
    campaignId: z.coerce.number().int().positive().nullish(),
    /** Items for distinct-n, n-grams, compression and the vector metrics (seeded); MinHash always sees every item. */
    sampleSize: z.coerce.number().int().min(2).max(2000).default(1000),
    seed: z.coerce.number().int().min(0).max(2 ** 31 - 1).default(1),
    /** Estimated Jaccard similarity at which two items are near-duplicates. */
    threshold: z.coerce.number().gt(0.05).lt(1).default(0.8),
    permutations: z.coerce.number().int().min(16).max(512).default(DEFAULT_PERMUTATIONS),
    shingle: z.coerce.number().int().min(1).max(20).default(DEFAULT_SHINGLE),
    /** LSH split; default: chosen for the threshold (lib/diversity/lsh-params.ts). Give both or neither. */
    bands: z.coerce.number().int().min(1).max(512).optional(),
    rows: z.coerce.number().int().min(1).max(512).optional(),
    ngram: z.coerce.number().int().min(1).max(10).default(3),
    openingWords: z.coerce.number().int().min(1).max(50).default(8),
    topK: z.coerce.number().int().min(1).max(100).default(20),
    vectors: z.enum(["auto", "tfidf", "embeddings"]).default("auto"),
    /** Embedding model whose cached vectors are used; default: the configured embeddings model. */
    embeddingModel: z.string().trim().min(1).max(200).nullish(),
    maxClusters: z.coerce.number().int().min(1).max(5000).default(500),
    /** MinHash threads; default SYLLABUS_SCORE_THREADS or one per core. */
    threads: z.coerce.number().int().min(1).max(32).nullish(),
  })
  .superRefine((v, ctx) => {
    if ((v.bands === undefined) !== (v.rows === undefined)) ctx.addIssue({ code: "custom", path: ["bands"], message: "give both bands and rows, or neither" });
    else if (v.bands !== undefined && v.bands * v.rows! > v.permutations) ctx.addIssue({ code: "custom", path: ["bands"], message: `bands × rows (${v.bands * v.rows!}) exceeds the ${v.permutations} permutations` });
  });
export type TCreateDiversityReport = z.input<typeof ZCreateDiversityReport>;

export const DIVERSITY_JOB = "diversity.report";

/** The stored parameters of a validated request (LSH split resolved). */
export function diversityParamsOf(v: z.infer<typeof ZCreateDiversityReport>): DiversityParams {
  const lsh = v.bands !== undefined ? { bands: v.bands, rows: v.rows!, recallAtThreshold: 1 - (1 - v.threshold ** v.rows!) ** v.bands } : chooseLshParams(v.threshold, v.permutations);
  return {
    sampleSize: v.sampleSize,
    seed: v.seed,
    minhash: { permutations: v.permutations, shingle: v.shingle, threshold: v.threshold, ...lsh },
    ngram: v.ngram,
    openingWords: v.openingWords,
    topK: v.topK,
    vectors: v.vectors,
    embeddingModel: v.embeddingModel ?? null,
    maxClusters: v.maxClusters,
    threads: v.threads ?? null,
  };
}

/**
 * Queues a diversity report of a dataset (or one generation campaign of it): the DiversityReport row with its
 * resolved parameters and its `diversity.report` job, in one transaction. 404 for an unknown dataset or a
 * campaign of another dataset.
 */
export async function createDiversityReport(input: TCreateDiversityReport, userId: string | null, registry: JobRegistry): Promise<{ report: DiversityReportView; jobId: number }> {
  const v = ZCreateDiversityReport.parse(input);
  const dataset = await db().dataset.findUnique({ where: { id: v.datasetId }, select: { id: true } });
  if (!dataset) throw notFound(`no dataset with id ${v.datasetId}`);
  if (v.campaignId != null) {
    const campaign = await db().generationCampaign.findUnique({ where: { id: v.campaignId }, select: { datasetId: true } });
    if (!campaign) throw notFound(`no generation campaign with id ${v.campaignId}`);
    if (campaign.datasetId !== v.datasetId) throw badRequest(`generation campaign ${v.campaignId} belongs to another dataset`);
  }
  const params = diversityParamsOf(v);
  const created = await db().$transaction(async (tx) => {
    const report = await tx.diversityReport.create({ data: { datasetId: v.datasetId, campaignId: v.campaignId ?? null, params: JSON.stringify(params), createdById: userId } });
    const job = await enqueueJob(tx, { name: DIVERSITY_JOB, payload: { reportId: report.id } }, registry);
    await tx.diversityReport.update({ where: { id: report.id }, data: { jobId: job.id } });
    return { reportId: report.id, jobId: job.id };
  });
  return { report: await getDiversityReport(created.reportId), jobId: created.jobId };
}
