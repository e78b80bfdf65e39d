import type { DiversityReport, Job } from "@syllabus/prisma-sqlite";
import type { DiversityMetrics, DiversityParams, DiversityReportListItem, DiversityReportStatus, DiversityReportView, DiversitySummary, StoredCluster } from "./types";

export type ReportRow = DiversityReport & { dataset: { name: string }; campaign: { name: string } | null };

/**
 * The report's status with its job folded in: a job that gave up or was cancelled before the handler could
 * record it makes a queued/running report failed/cancelled (as models and campaigns do).
 */
export function effectiveReportStatus(status: string, job: Pick<Job, "status"> | null): DiversityReportStatus {
  const own = status as DiversityReportStatus;
  if (own === "succeeded" || own === "failed" || own === "cancelled" || !job) return own;
  return job.status === "failed" || job.status === "cancelled" ? job.status : own;
}

function parseJson<T>(text: string, fallback: T): T {
  try {
    return JSON.parse(text) as T;
  } catch {
    return fallback;
  }
}

export function toReportView(r: ReportRow, job: Job | null): DiversityReportView {
  const status = effectiveReportStatus(r.status, job);
  const metrics = parseJson<Partial<DiversityMetrics>>(r.metrics, {});
  return {
    id: r.id,
    datasetId: r.datasetId,
    datasetName: r.dataset.name,
    campaignId: r.campaignId,
    campaignName: r.campaign?.name ?? null,
    status,
    params: parseJson<DiversityParams>(r.params, {} as DiversityParams),
    metrics: status === "succeeded" && metrics.nearDup ? (metrics as DiversityMetrics) : null,
    items: r.items,
    clusterCount: metrics.nearDup?.clusters ?? 0,
    jobId: r.jobId,
    job: job ? { id: job.id, status: job.status, progressDone: job.progressDone, progressTotal: job.progressTotal, message: job.message, attempt: job.attempt } : null,
    error: r.error ?? (status === "failed" ? (job?.error ?? null) : status === "cancelled" && r.status !== "cancelled" ? "cancelled" : null),
    createdAt: r.createdAt.toISOString(),
    finishedAt: r.finishedAt?.toISOString() ?? null,
  };
}

/** The headline figures of a finished report, for lists and trends. */
export function summarize(m: DiversityMetrics | null): DiversitySummary | null {
  if (!m) return null;
  const d = (n: number) => m.distinct.find((x) => x.n === n)?.ratio ?? null;
  return {
    distinct1: d(1),
    distinct2: d(2),
    distinct3: d(3),
    compression: m.compression.ratio,
    nearDupRate: m.nearDup.rate,
    vendi: m.vectors.vendi,
    vendiOf: m.vectors.n,
    dispersion: m.vectors.dispersion,
    vectors: m.vectors.kind,
    entropy: m.coverage?.textbook?.entropy ?? m.coverage?.exercise?.entropy ?? null,
    functionNameUniqueness: m.functionNames.ratio,
  };
}

export function toListItem(view: DiversityReportView): DiversityReportListItem {
  const { metrics, params, ...rest } = view;
  return { ...rest, summary: summarize(metrics), sampleSize: params.sampleSize };
}

export function parseClusters(text: string): StoredCluster[] {
  const v = parseJson<unknown>(text, []);
  return Array.isArray(v) ? (v as StoredCluster[]) : [];
}
