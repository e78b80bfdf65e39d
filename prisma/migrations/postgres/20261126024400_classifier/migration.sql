-- AlterTable
ALTER TABLE "snippet" ADD COLUMN     "classifierProb" DOUBLE PRECISION;

-- CreateTable
CREATE TABLE "classifier_model" (
    "id" SERIAL NOT NULL,
    "version" INTEGER NOT NULL,
    "datasetId" INTEGER,
    "status" TEXT NOT NULL DEFAULT 'training',
    "active" BOOLEAN NOT NULL DEFAULT false,
    "threshold" INTEGER NOT NULL DEFAULT 3,
    "features" TEXT NOT NULL DEFAULT '{}',
    "params" TEXT NOT NULL DEFAULT '{}',
    "data" TEXT NOT NULL DEFAULT '{}',
    "metrics" TEXT NOT NULL DEFAULT '{}',
    "importances" TEXT NOT NULL DEFAULT '[]',
    "cut" DOUBLE PRECISION,
    "artifactPath" TEXT,
    "artifactSha256" TEXT,
    "artifactBytes" INTEGER,
    "jobId" INTEGER,
    "createdById" TEXT,
    "error" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "trainedAt" TIMESTAMP(3),

    CONSTRAINT "classifier_model_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "snippet_score" (
    "snippetId" INTEGER NOT NULL,
    "modelId" INTEGER NOT NULL,
    "probability" DOUBLE PRECISION NOT NULL,

    CONSTRAINT "snippet_score_pkey" PRIMARY KEY ("snippetId","modelId")
);

-- CreateTable
CREATE TABLE "score_run" (
    "id" SERIAL NOT NULL,
    "modelId" INTEGER NOT NULL,
    "datasetId" INTEGER,
    "status" TEXT NOT NULL DEFAULT 'queued',
    "activate" BOOLEAN NOT NULL DEFAULT true,
    "chunkSize" INTEGER NOT NULL DEFAULT 20000,
    "total" INTEGER NOT NULL DEFAULT 0,
    "done" INTEGER NOT NULL DEFAULT 0,
    "jobId" INTEGER,
    "createdById" TEXT,
    "error" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "startedAt" TIMESTAMP(3),
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "score_run_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "score_chunk" (
    "id" SERIAL NOT NULL,
    "runId" INTEGER NOT NULL,
    "fromId" INTEGER NOT NULL,
    "toId" INTEGER NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "scored" INTEGER NOT NULL DEFAULT 0,
    "jobId" INTEGER,

    CONSTRAINT "score_chunk_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "snippet_embedding" (
    "snippetId" INTEGER NOT NULL,
    "model" TEXT NOT NULL,
    "dims" INTEGER NOT NULL,
    "vector" BYTEA NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "snippet_embedding_pkey" PRIMARY KEY ("snippetId","model")
);

-- CreateIndex
CREATE UNIQUE INDEX "classifier_model_version_key" ON "classifier_model"("version");

-- CreateIndex
CREATE INDEX "classifier_model_active_idx" ON "classifier_model"("active");

-- CreateIndex
CREATE INDEX "snippet_score_modelId_snippetId_idx" ON "snippet_score"("modelId", "snippetId");

-- CreateIndex
CREATE INDEX "score_chunk_runId_status_idx" ON "score_chunk"("runId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "score_chunk_runId_fromId_key" ON "score_chunk"("runId", "fromId");

-- CreateIndex
CREATE INDEX "snippet_datasetId_classifierProb_id_idx" ON "snippet"("datasetId", "classifierProb", "id");

-- AddForeignKey
ALTER TABLE "classifier_model" ADD CONSTRAINT "classifier_model_datasetId_fkey" FOREIGN KEY ("datasetId") REFERENCES "dataset"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "snippet_score" ADD CONSTRAINT "snippet_score_snippetId_fkey" FOREIGN KEY ("snippetId") REFERENCES "snippet"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "snippet_score" ADD CONSTRAINT "snippet_score_modelId_fkey" FOREIGN KEY ("modelId") REFERENCES "classifier_model"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "score_run" ADD CONSTRAINT "score_run_modelId_fkey" FOREIGN KEY ("modelId") REFERENCES "classifier_model"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "score_chunk" ADD CONSTRAINT "score_chunk_runId_fkey" FOREIGN KEY ("runId") REFERENCES "score_run"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "snippet_embedding" ADD CONSTRAINT "snippet_embedding_snippetId_fkey" FOREIGN KEY ("snippetId") REFERENCES "snippet"("id") ON DELETE CASCADE ON UPDATE CASCADE;

