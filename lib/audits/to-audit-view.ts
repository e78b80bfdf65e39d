import type { AuditView } from "./types";

export type AuditRow = {
  id: number; name: string; datasetId: number | null; modelId: number; cut: number; threshold: number; seed: number;
  keptTarget: number; rejectedTarget: number; keptCount: number; rejectedCount: number; keptBytes: bigint; rejectedBytes: bigint;
  createdById: string | null; createdAt: Date;
  model: { version: number };
  dataset: { name: string } | null;
};

export const AUDIT_SELECT = {
  id: true, name: true, datasetId: true, modelId: true, cut: true, threshold: true, seed: true, keptTarget: true, rejectedTarget: true,
  keptCount: true, rejectedCount: true, keptBytes: true, rejectedBytes: true, createdById: true, createdAt: true,
  model: { select: { version: true } },
  dataset: { select: { name: true } },
} as const;

/** The stored audit as the API shows it; sampled = items per side (from a GROUP BY over audit_item). */
export function toAuditView(a: AuditRow, sampled: { kept: number; rejected: number }): AuditView {
  return {
    id: a.id,
    name: a.name,
    datasetId: a.datasetId,
    datasetName: a.dataset?.name ?? null,
    modelId: a.modelId,
    modelVersion: a.model.version,
    cut: a.cut,
    threshold: a.threshold,
    seed: a.seed,
    keptTarget: a.keptTarget,
    rejectedTarget: a.rejectedTarget,
    keptCount: a.keptCount,
    rejectedCount: a.rejectedCount,
    keptBytes: Number(a.keptBytes),
    rejectedBytes: Number(a.rejectedBytes),
    keptSampled: sampled.kept,
    rejectedSampled: sampled.rejected,
    createdById: a.createdById,
    createdAt: a.createdAt.toISOString(),
  };
}
