import { z } from "zod";
import type { Prisma } from "@syllabus/prisma-sqlite";
import type { ReviewScope } from "./types";

export const ZReviewScope = z.object({
  datasetId: z.coerce.number({ message: "dataset must be a dataset id" }).int().positive("dataset must be a dataset id"),
  campaignId: z.coerce.number().int().positive("campaign must be a campaign id").optional(),
  kind: z.enum(["textbook", "exercise"], { message: "kind must be textbook or exercise" }).optional(),
  status: z.enum(["pending", "approved", "rejected", "all"], { message: "status must be pending, approved, rejected or all" }).default("all"),
});

/** The items of a review scope: dataset, optional campaign and kind (the status filter is applied by the queue). */
export function scopeWhere(scope: ReviewScope): Prisma.SyntheticItemWhereInput {
  return { datasetId: scope.datasetId, ...(scope.campaignId !== undefined ? { campaignId: scope.campaignId } : {}), ...(scope.kind ? { kind: scope.kind } : {}) };
}
