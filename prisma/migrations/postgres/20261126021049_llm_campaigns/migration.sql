-- AlterTable
ALTER TABLE "llm_label" ADD COLUMN     "campaignId" INTEGER;

-- CreateTable
CREATE TABLE "job_log" (
    "id" SERIAL NOT NULL,
    "jobId" INTEGER NOT NULL,
    "attempt" INTEGER NOT NULL,
    "level" TEXT NOT NULL DEFAULT 'info',
    "message" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "job_log_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "setting" (
    "key" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "updatedById" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "setting_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "model_price" (
    "model" TEXT NOT NULL,
    "inputPerMTok" DOUBLE PRECISION NOT NULL,
    "outputPerMTok" DOUBLE PRECISION NOT NULL,
    "batchFactor" DOUBLE PRECISION NOT NULL DEFAULT 0.5,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "model_price_pkey" PRIMARY KEY ("model")
);

-- CreateTable
CREATE TABLE "prompt" (
    "id" SERIAL NOT NULL,
    "task" TEXT NOT NULL DEFAULT 'edu-score',
    "version" TEXT NOT NULL,
    "system" TEXT NOT NULL,
    "template" TEXT NOT NULL,
    "maxCodeChars" INTEGER NOT NULL DEFAULT 6000,
    "notes" TEXT NOT NULL DEFAULT '',
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "prompt_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "label_campaign" (
    "id" SERIAL NOT NULL,
    "datasetId" INTEGER NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'queued',
    "mode" TEXT NOT NULL DEFAULT 'live',
    "model" TEXT NOT NULL,
    "promptId" INTEGER NOT NULL,
    "promptVersion" TEXT NOT NULL,
    "filter" TEXT NOT NULL DEFAULT '{}',
    "concurrency" INTEGER NOT NULL DEFAULT 8,
    "jobId" INTEGER,
    "createdById" TEXT,
    "estInputTokens" BIGINT NOT NULL DEFAULT 0,
    "estOutputTokens" BIGINT NOT NULL DEFAULT 0,
    "estCostUsd" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "estSeconds" DOUBLE PRECISION,
    "total" INTEGER NOT NULL DEFAULT 0,
    "labeled" INTEGER NOT NULL DEFAULT 0,
    "failed" INTEGER NOT NULL DEFAULT 0,
    "skipped" INTEGER NOT NULL DEFAULT 0,
    "requests" INTEGER NOT NULL DEFAULT 0,
    "retries" INTEGER NOT NULL DEFAULT 0,
    "inputTokens" BIGINT NOT NULL DEFAULT 0,
    "outputTokens" BIGINT NOT NULL DEFAULT 0,
    "costUsd" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "error" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "startedAt" TIMESTAMP(3),
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "label_campaign_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "campaign_item" (
    "id" SERIAL NOT NULL,
    "campaignId" INTEGER NOT NULL,
    "snippetId" INTEGER NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "score" INTEGER,
    "error" TEXT,
    "rawReply" TEXT,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "inputTokens" INTEGER,
    "outputTokens" INTEGER,
    "costUsd" DOUBLE PRECISION,
    "latencyMs" INTEGER,
    "batchChunk" INTEGER,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "campaign_item_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "llm_batch" (
    "id" SERIAL NOT NULL,
    "campaignId" INTEGER NOT NULL,
    "chunk" INTEGER NOT NULL,
    "requestCount" INTEGER NOT NULL,
    "inputFileId" TEXT,
    "batchId" TEXT,
    "status" TEXT NOT NULL DEFAULT 'preparing',
    "outputFileId" TEXT,
    "errorFileId" TEXT,
    "error" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "llm_batch_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "job_log_jobId_id_idx" ON "job_log"("jobId", "id");

-- CreateIndex
CREATE UNIQUE INDEX "prompt_task_version_key" ON "prompt"("task", "version");

-- CreateIndex
CREATE INDEX "label_campaign_datasetId_id_idx" ON "label_campaign"("datasetId", "id");

-- CreateIndex
CREATE INDEX "campaign_item_campaignId_status_id_idx" ON "campaign_item"("campaignId", "status", "id");

-- CreateIndex
CREATE INDEX "campaign_item_campaignId_batchChunk_idx" ON "campaign_item"("campaignId", "batchChunk");

-- CreateIndex
CREATE UNIQUE INDEX "campaign_item_campaignId_snippetId_key" ON "campaign_item"("campaignId", "snippetId");

-- CreateIndex
CREATE UNIQUE INDEX "llm_batch_campaignId_chunk_key" ON "llm_batch"("campaignId", "chunk");

-- AddForeignKey
ALTER TABLE "job_log" ADD CONSTRAINT "job_log_jobId_fkey" FOREIGN KEY ("jobId") REFERENCES "job"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "label_campaign" ADD CONSTRAINT "label_campaign_datasetId_fkey" FOREIGN KEY ("datasetId") REFERENCES "dataset"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "campaign_item" ADD CONSTRAINT "campaign_item_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "label_campaign"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "campaign_item" ADD CONSTRAINT "campaign_item_snippetId_fkey" FOREIGN KEY ("snippetId") REFERENCES "snippet"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "llm_batch" ADD CONSTRAINT "llm_batch_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "label_campaign"("id") ON DELETE CASCADE ON UPDATE CASCADE;

