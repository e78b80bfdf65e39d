import type { LabelSource } from "./queues";
import type { LabelStatus, SavedLabel } from "./types";

export type HumanLabelRow = {
  snippetId: number | bigint; userId: string; datasetId: number | bigint; status: string; score: number | bigint | null;
  agreed: boolean | number; llmScore: number | bigint | null; note: string | null; timeSpentMs: number | bigint; queue: string;
  updatedAt: Date | string;
  auditId?: number | bigint | null;
};

export const HUMAN_LABEL_COLUMNS = `"snippetId", "userId", "datasetId", status, score, agreed, "llmScore", note, "timeSpentMs", queue, "updatedAt", "auditId"`;

const int = (v: number | bigint | null) => (v === null ? null : Number(v));

/** A human_label row (from Prisma or raw SQL on either database) in its wire shape. */
export function toSavedLabel(row: HumanLabelRow): SavedLabel {
  return {
    snippetId: Number(row.snippetId),
    userId: row.userId,
    datasetId: Number(row.datasetId),
    status: row.status as LabelStatus,
    score: int(row.score),
    agreed: Boolean(row.agreed),
    llmScore: int(row.llmScore),
    note: row.note,
    timeSpentMs: Number(row.timeSpentMs),
    queue: row.queue as LabelSource,
    updatedAt: new Date(row.updatedAt).toISOString(),
    // Only audit labels carry the key, so every other label keeps its established shape.
    ...(row.auditId != null ? { auditId: Number(row.auditId) } : {}),
  };
}
