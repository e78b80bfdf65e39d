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

export const jobRegistry = createJobRegistry([corpusImportJob, labelsCampaignJob]);
export type AppJobRegistry = typeof jobRegistry;
