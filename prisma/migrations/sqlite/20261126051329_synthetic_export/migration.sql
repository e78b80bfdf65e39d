-- CreateTable
CREATE TABLE "generation_campaign" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "name" TEXT NOT NULL,
    "datasetId" INTEGER NOT NULL,
    "source" TEXT NOT NULL DEFAULT 'llm',
    "kind" TEXT NOT NULL DEFAULT 'textbook',
    "topics" TEXT NOT NULL DEFAULT '[]',
    "audiences" TEXT NOT NULL DEFAULT '[]',
    "functionNames" TEXT NOT NULL DEFAULT '[]',
    "functionNameMode" TEXT NOT NULL DEFAULT 'list',
    "plan" TEXT NOT NULL DEFAULT '{}',
    "textbookPromptId" INTEGER,
    "exercisePromptId" INTEGER,
    "model" TEXT NOT NULL DEFAULT '',
    "temperature" REAL NOT NULL DEFAULT 0.8,
    "maxTokens" INTEGER NOT NULL DEFAULT 1500,
    "count" INTEGER NOT NULL DEFAULT 0,
    "concurrency" INTEGER NOT NULL DEFAULT 4,
    "status" TEXT NOT NULL DEFAULT 'queued',
    "jobId" INTEGER,
    "createdById" TEXT,
    "estInputTokens" BIGINT NOT NULL DEFAULT 0,
    "estOutputTokens" BIGINT NOT NULL DEFAULT 0,
    "estCostUsd" REAL NOT NULL DEFAULT 0,
    "total" INTEGER NOT NULL DEFAULT 0,
    "generated" INTEGER NOT NULL DEFAULT 0,
    "failed" INTEGER NOT NULL DEFAULT 0,
    "requests" INTEGER NOT NULL DEFAULT 0,
    "retries" INTEGER NOT NULL DEFAULT 0,
    "inputTokens" BIGINT NOT NULL DEFAULT 0,
    "outputTokens" BIGINT NOT NULL DEFAULT 0,
    "costUsd" REAL NOT NULL DEFAULT 0,
    "error" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "startedAt" DATETIME,
    "finishedAt" DATETIME,
    CONSTRAINT "generation_campaign_datasetId_fkey" FOREIGN KEY ("datasetId") REFERENCES "dataset" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "generation_item" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "campaignId" INTEGER NOT NULL,
    "position" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "topic" TEXT NOT NULL,
    "audience" TEXT,
    "functionName" TEXT,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "error" TEXT,
    "rawReply" TEXT,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "inputTokens" INTEGER,
    "outputTokens" INTEGER,
    "costUsd" REAL,
    "latencyMs" INTEGER,
    "snippetId" INTEGER,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "generation_item_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "generation_campaign" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "generation_item_snippetId_fkey" FOREIGN KEY ("snippetId") REFERENCES "snippet" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "synthetic_item" (
    "snippetId" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "datasetId" INTEGER NOT NULL,
    "campaignId" INTEGER,
    "kind" TEXT NOT NULL,
    "topic" TEXT,
    "audience" TEXT,
    "functionName" TEXT,
    "title" TEXT,
    "prompt" TEXT,
    "solution" TEXT,
    "tests" TEXT,
    "reviewStatus" TEXT NOT NULL DEFAULT 'pending',
    "reasonCode" TEXT,
    "reviewNote" TEXT,
    "reviewedById" TEXT,
    "reviewedAt" DATETIME,
    "version" INTEGER NOT NULL DEFAULT 1,
    "execStatus" TEXT,
    "execOutput" TEXT,
    "execMs" INTEGER,
    "execAt" DATETIME,
    "execVersion" INTEGER,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "synthetic_item_snippetId_fkey" FOREIGN KEY ("snippetId") REFERENCES "snippet" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "synthetic_item_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "generation_campaign" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "synthetic_edit" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "snippetId" INTEGER NOT NULL,
    "version" INTEGER NOT NULL,
    "content" TEXT NOT NULL,
    "editedById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "synthetic_edit_snippetId_fkey" FOREIGN KEY ("snippetId") REFERENCES "snippet" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "synthetic_review" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "snippetId" INTEGER NOT NULL,
    "datasetId" INTEGER NOT NULL,
    "userId" TEXT NOT NULL,
    "decision" TEXT NOT NULL,
    "reasonCode" TEXT,
    "note" TEXT,
    "version" INTEGER NOT NULL,
    "timeSpentMs" INTEGER NOT NULL DEFAULT 0,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "synthetic_review_snippetId_fkey" FOREIGN KEY ("snippetId") REFERENCES "snippet" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "exec_run" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "datasetId" INTEGER NOT NULL,
    "snippetId" INTEGER,
    "scope" TEXT NOT NULL DEFAULT 'all',
    "status" TEXT NOT NULL DEFAULT 'queued',
    "total" INTEGER NOT NULL DEFAULT 0,
    "done" INTEGER NOT NULL DEFAULT 0,
    "passed" INTEGER NOT NULL DEFAULT 0,
    "failed" INTEGER NOT NULL DEFAULT 0,
    "jobId" INTEGER,
    "createdById" TEXT,
    "error" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" DATETIME
);

-- CreateTable
CREATE TABLE "diversity_report" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "datasetId" INTEGER NOT NULL,
    "campaignId" INTEGER,
    "status" TEXT NOT NULL DEFAULT 'queued',
    "params" TEXT NOT NULL DEFAULT '{}',
    "metrics" TEXT NOT NULL DEFAULT '{}',
    "clusters" TEXT NOT NULL DEFAULT '[]',
    "items" INTEGER NOT NULL DEFAULT 0,
    "jobId" INTEGER,
    "createdById" TEXT,
    "error" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" DATETIME,
    CONSTRAINT "diversity_report_datasetId_fkey" FOREIGN KEY ("datasetId") REFERENCES "dataset" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "diversity_report_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "generation_campaign" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "benchmark" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "name" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "itemCount" INTEGER NOT NULL DEFAULT 0,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "benchmark_item" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "benchmarkId" INTEGER NOT NULL,
    "taskId" TEXT NOT NULL,
    "prompt" TEXT NOT NULL,
    "solution" TEXT NOT NULL DEFAULT '',
    "tests" TEXT NOT NULL DEFAULT '',
    "entryPoint" TEXT,
    CONSTRAINT "benchmark_item_benchmarkId_fkey" FOREIGN KEY ("benchmarkId") REFERENCES "benchmark" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "decontam_run" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "datasetId" INTEGER,
    "ngram" INTEGER NOT NULL DEFAULT 13,
    "benchmarkIds" TEXT NOT NULL DEFAULT '[]',
    "status" TEXT NOT NULL DEFAULT 'queued',
    "total" INTEGER NOT NULL DEFAULT 0,
    "done" INTEGER NOT NULL DEFAULT 0,
    "flagged" INTEGER NOT NULL DEFAULT 0,
    "jobId" INTEGER,
    "createdById" TEXT,
    "error" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" DATETIME
);

-- CreateTable
CREATE TABLE "decontam_match" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "runId" INTEGER NOT NULL,
    "snippetId" INTEGER NOT NULL,
    "benchmarkItemId" INTEGER NOT NULL,
    "method" TEXT NOT NULL,
    "shared" INTEGER NOT NULL,
    "overlap" REAL NOT NULL,
    "evidence" TEXT NOT NULL DEFAULT '',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "decontam_match_runId_fkey" FOREIGN KEY ("runId") REFERENCES "decontam_run" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "decontam_match_snippetId_fkey" FOREIGN KEY ("snippetId") REFERENCES "snippet" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "decontam_match_benchmarkItemId_fkey" FOREIGN KEY ("benchmarkItemId") REFERENCES "benchmark_item" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "contam_override" (
    "snippetId" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "userId" TEXT NOT NULL,
    "note" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "contam_override_snippetId_fkey" FOREIGN KEY ("snippetId") REFERENCES "snippet" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "export" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "name" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'queued',
    "spec" TEXT NOT NULL,
    "format" TEXT NOT NULL,
    "seed" INTEGER NOT NULL,
    "outDir" TEXT NOT NULL,
    "modelId" INTEGER,
    "modelVersion" INTEGER,
    "cut" REAL,
    "rows" INTEGER NOT NULL DEFAULT 0,
    "tokens" BIGINT NOT NULL DEFAULT 0,
    "bytes" BIGINT NOT NULL DEFAULT 0,
    "shardCount" INTEGER NOT NULL DEFAULT 0,
    "manifest" TEXT,
    "jobId" INTEGER,
    "createdById" TEXT,
    "error" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "startedAt" DATETIME,
    "finishedAt" DATETIME
);

-- CreateTable
CREATE TABLE "export_shard" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "exportId" INTEGER NOT NULL,
    "split" TEXT NOT NULL,
    "index" INTEGER NOT NULL,
    "fileName" TEXT NOT NULL,
    "rows" INTEGER NOT NULL,
    "tokens" BIGINT NOT NULL DEFAULT 0,
    "bytes" BIGINT NOT NULL,
    "sha256" TEXT NOT NULL,
    CONSTRAINT "export_shard_exportId_fkey" FOREIGN KEY ("exportId") REFERENCES "export" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- AlterTable (ADD COLUMN, not a table rebuild: a million-row snippet table migrates in milliseconds)
ALTER TABLE "snippet" ADD COLUMN "tokenCount" INTEGER;
ALTER TABLE "snippet" ADD COLUMN "contaminated" BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE "snippet" ADD COLUMN "nearDupOf" INTEGER;

-- CreateIndex
CREATE INDEX "generation_campaign_datasetId_id_idx" ON "generation_campaign"("datasetId", "id");

-- CreateIndex
CREATE INDEX "generation_item_campaignId_status_id_idx" ON "generation_item"("campaignId", "status", "id");

-- CreateIndex
CREATE UNIQUE INDEX "generation_item_campaignId_position_key" ON "generation_item"("campaignId", "position");

-- CreateIndex
CREATE INDEX "synthetic_item_datasetId_reviewStatus_snippetId_idx" ON "synthetic_item"("datasetId", "reviewStatus", "snippetId");

-- CreateIndex
CREATE INDEX "synthetic_item_datasetId_kind_snippetId_idx" ON "synthetic_item"("datasetId", "kind", "snippetId");

-- CreateIndex
CREATE INDEX "synthetic_item_campaignId_idx" ON "synthetic_item"("campaignId");

-- CreateIndex
CREATE UNIQUE INDEX "synthetic_edit_snippetId_version_key" ON "synthetic_edit"("snippetId", "version");

-- CreateIndex
CREATE INDEX "synthetic_review_datasetId_userId_idx" ON "synthetic_review"("datasetId", "userId");

-- CreateIndex
CREATE UNIQUE INDEX "synthetic_review_snippetId_userId_key" ON "synthetic_review"("snippetId", "userId");

-- CreateIndex
CREATE INDEX "exec_run_datasetId_id_idx" ON "exec_run"("datasetId", "id");

-- CreateIndex
CREATE INDEX "diversity_report_datasetId_id_idx" ON "diversity_report"("datasetId", "id");

-- CreateIndex
CREATE UNIQUE INDEX "benchmark_name_key" ON "benchmark"("name");

-- CreateIndex
CREATE UNIQUE INDEX "benchmark_item_benchmarkId_taskId_key" ON "benchmark_item"("benchmarkId", "taskId");

-- CreateIndex
CREATE INDEX "decontam_match_snippetId_idx" ON "decontam_match"("snippetId");

-- CreateIndex
CREATE UNIQUE INDEX "decontam_match_runId_snippetId_benchmarkItemId_key" ON "decontam_match"("runId", "snippetId", "benchmarkItemId");

-- CreateIndex
CREATE UNIQUE INDEX "export_shard_exportId_split_index_key" ON "export_shard"("exportId", "split", "index");

