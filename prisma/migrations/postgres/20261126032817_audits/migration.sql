-- AlterTable
ALTER TABLE "human_label" ADD COLUMN     "auditId" INTEGER;

-- CreateTable
CREATE TABLE "audit" (
    "id" SERIAL NOT NULL,
    "datasetId" INTEGER,
    "modelId" INTEGER NOT NULL,
    "cut" DOUBLE PRECISION NOT NULL,
    "threshold" INTEGER NOT NULL,
    "name" TEXT NOT NULL DEFAULT '',
    "seed" INTEGER NOT NULL,
    "keptTarget" INTEGER NOT NULL,
    "rejectedTarget" INTEGER NOT NULL,
    "keptCount" INTEGER NOT NULL DEFAULT 0,
    "rejectedCount" INTEGER NOT NULL DEFAULT 0,
    "keptBytes" BIGINT NOT NULL DEFAULT 0,
    "rejectedBytes" BIGINT NOT NULL DEFAULT 0,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "audit_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "audit_item" (
    "id" SERIAL NOT NULL,
    "auditId" INTEGER NOT NULL,
    "side" TEXT NOT NULL,
    "snippetId" INTEGER NOT NULL,
    "position" INTEGER NOT NULL,

    CONSTRAINT "audit_item_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "audit_modelId_idx" ON "audit"("modelId");

-- CreateIndex
CREATE INDEX "audit_item_auditId_side_position_idx" ON "audit_item"("auditId", "side", "position");

-- CreateIndex
CREATE INDEX "audit_item_snippetId_idx" ON "audit_item"("snippetId");

-- CreateIndex
CREATE UNIQUE INDEX "audit_item_auditId_snippetId_key" ON "audit_item"("auditId", "snippetId");

-- CreateIndex
CREATE INDEX "human_label_auditId_idx" ON "human_label"("auditId");

-- AddForeignKey
ALTER TABLE "audit" ADD CONSTRAINT "audit_datasetId_fkey" FOREIGN KEY ("datasetId") REFERENCES "dataset"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "audit" ADD CONSTRAINT "audit_modelId_fkey" FOREIGN KEY ("modelId") REFERENCES "classifier_model"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "audit_item" ADD CONSTRAINT "audit_item_auditId_fkey" FOREIGN KEY ("auditId") REFERENCES "audit"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "audit_item" ADD CONSTRAINT "audit_item_snippetId_fkey" FOREIGN KEY ("snippetId") REFERENCES "snippet"("id") ON DELETE CASCADE ON UPDATE CASCADE;

