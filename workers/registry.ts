import { z } from "zod";
import { createJobRegistry, defineJob } from "@/lib/jobs/job-definition";

/**
 * Every job the worker can run. Handlers stay thin: parse nothing (the worker already validated the
 * payload), call one domain function with the TaskContext. Domain code never imports the queue.
 *
 * Adding a job: write the domain function `(args, ctx: TaskContext)`, add a defineJob here, enqueue it with
 * enqueueJob(tx, { name, payload }, jobRegistry) in the same transaction as the row that asks for it.
 */

export const ZCorpusImportPayload = z.object({ importRunId: z.number().int().positive() });

export const corpusImportJob = defineJob({
  name: "corpus.import",
  payload: ZCorpusImportPayload,
  // Imported on first run, so processes that only enqueue (web, CLI) don't load the import pipeline.
  handler: async ({ importRunId }, ctx) => (await import("@/lib/corpus/import-file")).runImport(importRunId, ctx),
});

export const ZLabelsCampaignPayload = z.object({ campaignId: z.number().int().positive() });

export const labelsCampaignJob = defineJob({
  name: "labels.campaign",
  payload: ZLabelsCampaignPayload,
  handler: async ({ campaignId }, ctx) => (await import("@/lib/campaigns/run-campaign")).runCampaign(campaignId, ctx),
});

export const ZClassifierTrainPayload = z.object({ modelId: z.number().int().positive() });

export const classifierTrainJob = defineJob({
  name: "classifier.train",
  payload: ZClassifierTrainPayload,
  // Training is deterministic, so a retry redoes the same work: enough to get past a crashed worker.
  maxAttempts: 3,
  handler: async ({ modelId }, ctx): Promise<unknown> => (await import("@/lib/classifier/train-classifier")).trainClassifier({ modelId, registry: jobRegistry }, ctx),
});

export const ZClassifierScorePlanPayload = z.object({ runId: z.number().int().positive() });

export const classifierScorePlanJob = defineJob({
  name: "classifier.score-plan",
  payload: ZClassifierScorePlanPayload,
  handler: async ({ runId }, ctx): Promise<unknown> => (await import("@/lib/classifier/plan-score-run")).planScoreRun({ runId, registry: jobRegistry }, ctx),
});

export const ZClassifierScoreChunkPayload = z.object({ chunkId: z.number().int().positive() });

export const classifierScoreChunkJob = defineJob({
  name: "classifier.score-chunk",
  payload: ZClassifierScoreChunkPayload,
  handler: async ({ chunkId }, ctx) => (await import("@/lib/classifier/score-chunk")).scoreChunk({ chunkId }, ctx),
});

export const ZClassifierEmbedPayload = z.object({ datasetId: z.number().int().positive(), model: z.string().trim().min(1).max(200).optional() });

export const classifierEmbedJob = defineJob({
  name: "classifier.embed",
  payload: ZClassifierEmbedPayload,
  handler: async (payload, ctx): Promise<unknown> => (await import("@/lib/classifier/embeddings/embed-snippets")).embedSnippets(payload, ctx),
});

export const ZSyntheticGeneratePayload = z.object({ campaignId: z.number().int().positive() });

export const syntheticGenerateJob = defineJob({
  name: "synthetic.generate",
  payload: ZSyntheticGeneratePayload,
  handler: async ({ campaignId }, ctx): Promise<unknown> => (await import("@/lib/synthetic/run-generation-campaign")).runGenerationCampaign(campaignId, ctx),
});

export const ZExportRunPayload = z.object({ exportId: z.number().int().positive() });

export const exportRunJob = defineJob({
  name: "export.run",
  payload: ZExportRunPayload,
  // Resumable: a retry reuses the frozen selection and every shard already written and verified.
  maxAttempts: 5,
  handler: async ({ exportId }, ctx): Promise<unknown> => (await import("@/lib/export/run-export")).runExport(exportId, ctx),
});

export const ZDecontamRunPayload = z.object({
  runId: z.number().int().positive(),
  // Thresholds without a column on DecontamRun (see lib/decontam/defaults.ts for defaults and limits).
  minShared: z.number().int().min(1).max(1000).optional(),
  minSubstringChars: z.number().int().min(20).max(10_000).optional(),
});

export const decontamRunJob = defineJob({
  name: "decontam.run",
  payload: ZDecontamRunPayload,
  // Each attempt starts the run over (its own matches are replaced), so a retry is always safe.
  maxAttempts: 3,
  handler: async (payload, ctx): Promise<unknown> => (await import("@/lib/decontam/run-decontam")).runDecontam(payload, ctx),
});

export const ZDiversityReportPayload = z.object({ reportId: z.number().int().positive() });

export const diversityReportJob = defineJob({
  name: "diversity.report",
  payload: ZDiversityReportPayload,
  // Deterministic: a retry recomputes the same figures and marks.
  maxAttempts: 3,
  handler: async ({ reportId }, ctx): Promise<unknown> => (await import("@/lib/diversity/run-diversity-report")).runDiversityReport(reportId, ctx),
});

export const ZSyntheticExecutePayload = z.object({ runId: z.number().int().positive() });

export const syntheticExecuteJob = defineJob({
  name: "synthetic.execute",
  payload: ZSyntheticExecutePayload,
  handler: async ({ runId }, ctx): Promise<unknown> => (await import("@/lib/synthetic/execute/run-exec-run")).runExecRun(runId, ctx),
});

export const jobRegistry = createJobRegistry([corpusImportJob, labelsCampaignJob, classifierTrainJob, classifierScorePlanJob, classifierScoreChunkJob, classifierEmbedJob, syntheticGenerateJob, exportRunJob, decontamRunJob, diversityReportJob, syntheticExecuteJob]);
export type AppJobRegistry = typeof jobRegistry;
