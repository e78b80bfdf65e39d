import type { GenerationCampaign, Job } from "@syllabus/prisma-sqlite";
import type { CampaignKind, FunctionNameMode, GenerationCampaignView, GenerationJobView, GenerationPlan, GenerationStatus } from "./types";

/**
 * The campaign's status with its job's outcome folded in (a job waiting to retry shows as queued; one that
 * gave up or was cancelled before it ran makes the campaign failed or cancelled), as for labeling campaigns.
 */
export function effectiveGenerationStatus(own: GenerationStatus, job: Pick<Job, "status"> | null): GenerationStatus {
  if (!job || own === "succeeded") return own;
  if (job.status === "failed" || job.status === "cancelled") return own === "cancelled" ? "cancelled" : (job.status as GenerationStatus);
  if (job.status === "queued") return own === "cancelled" ? "cancelled" : "queued";
  if (job.status === "running") return "running";
  return own;
}

type Row = GenerationCampaign & {
  dataset: { name: string };
  textbookPrompt?: { id: number; version: string } | null;
  exercisePrompt?: { id: number; version: string } | null;
};

export function toGenerationCampaignView(c: Row, job: Job | null, items: GenerationCampaignView["items"], prompts: GenerationCampaignView["prompts"], now = new Date()): GenerationCampaignView {
  const status = effectiveGenerationStatus(c.status as GenerationStatus, job);
  const done = c.generated + c.failed;
  const end = c.finishedAt ?? (status === "running" ? now : null);
  const durationSeconds = c.startedAt && end ? Math.max(0, (end.getTime() - c.startedAt.getTime()) / 1000) : null;
  const jobView: GenerationJobView | null = job
    ? { id: job.id, status: job.status, attempt: job.attempt, maxAttempts: job.maxAttempts, error: job.error, message: job.message, cancelRequested: job.cancelRequested }
    : null;
  return {
    id: c.id,
    name: c.name,
    datasetId: c.datasetId,
    datasetName: c.dataset.name,
    source: c.source === "import" ? "import" : "llm",
    kind: c.kind as CampaignKind,
    status,
    topics: parseList(c.topics),
    audiences: parseList(c.audiences),
    functionNames: parseList(c.functionNames),
    functionNameMode: c.functionNameMode as FunctionNameMode,
    plan: parsePlan(c.plan),
    prompts,
    model: c.model,
    temperature: c.temperature,
    maxTokens: c.maxTokens,
    count: c.count,
    concurrency: c.concurrency,
    total: c.total,
    generated: c.generated,
    failed: c.failed,
    done,
    pending: Math.max(0, c.total - done),
    requests: c.requests,
    retries: c.retries,
    inputTokens: Number(c.inputTokens),
    outputTokens: Number(c.outputTokens),
    costUsd: c.costUsd,
    estimate: { inputTokens: Number(c.estInputTokens), outputTokens: Number(c.estOutputTokens), costUsd: c.estCostUsd },
    items,
    error: c.error ?? (status === "failed" ? (job?.error ?? null) : null),
    createdAt: c.createdAt.toISOString(),
    startedAt: c.startedAt?.toISOString() ?? null,
    finishedAt: c.finishedAt?.toISOString() ?? null,
    durationSeconds,
    itemsPerSecond: durationSeconds && durationSeconds > 0 && done > 0 ? done / durationSeconds : null,
    job: jobView,
  };
}

export function parseList(json: string): string[] {
  try {
    const v: unknown = JSON.parse(json);
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : [];
  } catch {
    return [];
  }
}

export function parsePlan(json: string): GenerationPlan {
  try {
    const v = JSON.parse(json) as Partial<GenerationPlan>;
    return { strategy: v.strategy ?? "balanced", seed: typeof v.seed === "number" ? v.seed : 0, ...(v.exerciseShare !== undefined ? { exerciseShare: v.exerciseShare } : {}), ...(Array.isArray(v.imports) ? { imports: v.imports } : {}) };
  } catch {
    return { strategy: "balanced", seed: 0 };
  }
}
