-- DropIndex
DROP INDEX "snippet_datasetId_language_idx";

-- DropIndex
DROP INDEX "snippet_datasetId_llmScore_idx";

-- DropIndex
DROP INDEX "snippet_datasetId_reviewCount_idx";

-- CreateIndex
CREATE INDEX "snippet_datasetId_id_idx" ON "snippet"("datasetId", "id");

-- CreateIndex
CREATE INDEX "snippet_datasetId_language_id_idx" ON "snippet"("datasetId", "language", "id");

-- CreateIndex
CREATE INDEX "snippet_datasetId_llmScore_id_idx" ON "snippet"("datasetId", "llmScore", "id");

-- CreateIndex
CREATE INDEX "snippet_datasetId_reviewCount_id_idx" ON "snippet"("datasetId", "reviewCount", "id");

-- CreateIndex
CREATE INDEX "snippet_datasetId_sizeBytes_id_idx" ON "snippet"("datasetId", "sizeBytes", "id");

-- CreateIndex
CREATE INDEX "snippet_datasetId_llmScore_reviewCount_idx" ON "snippet"("datasetId", "llmScore", "reviewCount");

