-- AlterTable
ALTER TABLE "llm_label" ADD COLUMN "campaignId" INTEGER;

-- CreateTable
CREATE TABLE "job_log" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "jobId" INTEGER NOT NULL,
    "attempt" INTEGER NOT NULL,
    "level" TEXT NOT NULL DEFAULT 'info',
    "message" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "job_log_jobId_fkey" FOREIGN KEY ("jobId") REFERENCES "job" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "setting" (
    "key" TEXT NOT NULL PRIMARY KEY,
    "value" TEXT NOT NULL,
    "updatedById" TEXT,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "model_price" (
    "model" TEXT NOT NULL PRIMARY KEY,
    "inputPerMTok" REAL NOT NULL,
    "outputPerMTok" REAL NOT NULL,
    "batchFactor" REAL NOT NULL DEFAULT 0.5,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "prompt" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "task" TEXT NOT NULL DEFAULT 'edu-score',
    "version" TEXT NOT NULL,
    "system" TEXT NOT NULL,
    "template" TEXT NOT NULL,
    "maxCodeChars" INTEGER NOT NULL DEFAULT 6000,
    "notes" TEXT NOT NULL DEFAULT '',
    "createdById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "label_campaign" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
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
    "estCostUsd" REAL NOT NULL DEFAULT 0,
    "estSeconds" REAL,
    "total" INTEGER NOT NULL DEFAULT 0,
    "labeled" INTEGER NOT NULL DEFAULT 0,
    "failed" INTEGER NOT NULL DEFAULT 0,
    "skipped" INTEGER NOT NULL DEFAULT 0,
    "requests" INTEGER NOT NULL DEFAULT 0,
    "retries" INTEGER NOT NULL DEFAULT 0,
    "inputTokens" BIGINT NOT NULL DEFAULT 0,
    "outputTokens" BIGINT NOT NULL DEFAULT 0,
    "costUsd" REAL NOT NULL DEFAULT 0,
    "error" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "startedAt" DATETIME,
    "finishedAt" DATETIME,
    CONSTRAINT "label_campaign_datasetId_fkey" FOREIGN KEY ("datasetId") REFERENCES "dataset" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "campaign_item" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "campaignId" INTEGER NOT NULL,
    "snippetId" INTEGER NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "score" INTEGER,
    "error" TEXT,
    "rawReply" TEXT,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "inputTokens" INTEGER,
    "outputTokens" INTEGER,
    "costUsd" REAL,
    "latencyMs" INTEGER,
    "batchChunk" INTEGER,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "campaign_item_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "label_campaign" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "campaign_item_snippetId_fkey" FOREIGN KEY ("snippetId") REFERENCES "snippet" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "llm_batch" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "campaignId" INTEGER NOT NULL,
    "chunk" INTEGER NOT NULL,
    "requestCount" INTEGER NOT NULL,
    "inputFileId" TEXT,
    "batchId" TEXT,
    "status" TEXT NOT NULL DEFAULT 'preparing',
    "outputFileId" TEXT,
    "errorFileId" TEXT,
    "error" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "llm_batch_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "label_campaign" ("id") ON DELETE CASCADE ON UPDATE CASCADE
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

