import { z } from "zod";
import { db } from "@/lib/db/client";
import { getAuditStats } from "@/lib/audits/get-audit-stats";
import type { AuditStats } from "@/lib/audits/types";
import { notFound } from "@/lib/http/errors";
import { wilsonInterval } from "@/lib/metrics/wilson-interval";
import { cached } from "./dashboard-cache";
import { dataVersion } from "./data-version";
import { estimateThresholdCurve } from "./estimate-threshold-curve";
import { loadAuditItems, type AuditItemTruth } from "./load-audit-items";
import { loadKeptGroups } from "./load-kept-groups";
import { loadScoreHistogram } from "./load-score-histogram";
import { resolveDashboardModel } from "./resolve-dashboard-model";
import type { AuditSideCounts, BreakdownRow, DashboardAudit, PrecisionPanel, TrendPoint } from "./types";

export const ZDashboardQuery = z.object({
  datasetId: z.coerce.number().int().positive().optional(),
  modelId: z.coerce.number().int().positive().optional(),
  auditId: z.coerce.number().int().positive().optional(),
});
export type TDashboardQuery = z.input<typeof ZDashboardQuery>;

const auditSelect = {
  id: true, name: true, datasetId: true, modelId: true, cut: true, threshold: true, seed: true, keptTarget: true, rejectedTarget: true,
  keptCount: true, rejectedCount: true, keptBytes: true, rejectedBytes: true, createdAt: true, model: { select: { version: true } },
} as const;

type AuditRow = { id: number; name: string; datasetId: number | null; modelId: number; cut: number; threshold: number; seed: number; keptTarget: number; rejectedTarget: number; keptCount: number; rejectedCount: number; keptBytes: bigint; rejectedBytes: bigint; createdAt: Date; model: { version: number } };

const toAuditView = ({ model, keptBytes, rejectedBytes, createdAt, ...a }: AuditRow): DashboardAudit => ({
  ...a, modelVersion: model.version, keptBytes: Number(keptBytes), rejectedBytes: Number(rejectedBytes), createdAt: createdAt.toISOString(),
});

/** Kept-side precision per group key; `kept` sizes come from the population, labeled/high from the audit's uniform kept sample. */
function breakdown(keys: { key: string; kept: number }[], items: AuditItemTruth[], keyOf: (i: AuditItemTruth) => string, threshold: number): BreakdownRow[] {
  const agg = new Map<string, { labeled: number; high: number }>();
  for (const i of items) {
    if (i.side !== "kept" || i.humanScore === null) continue;
    const a = agg.get(keyOf(i)) ?? { labeled: 0, high: 0 };
    a.labeled++;
    if (i.humanScore >= threshold) a.high++;
    agg.set(keyOf(i), a);
  }
  return keys.map(({ key, kept }) => {
    const a = agg.get(key) ?? { labeled: 0, high: 0 };
    return { key, kept, labeled: a.labeled, high: a.high, precision: wilsonInterval(a.high, a.labeled) };
  });
}

/**
 * The filter precision panel for one model (default: the active one) and one audit (default: the model's
 * newest in scope). Precision of the kept set and false-omission rate of the rejected set with 95% Wilson
 * intervals from the audit's uniform samples; recall from both (conservative interval, see recallInterval);
 * the threshold slider from the probability histogram; precision per model version; per-group precision.
 * Cached per query until scores, labels or audits change.
 */
export async function precisionPanel(input: TDashboardQuery): Promise<PrecisionPanel> {
  const { datasetId, modelId, auditId } = ZDashboardQuery.parse(input);
  const v = await dataVersion();
  return cached(`precision:${datasetId}:${modelId}:${auditId}`, `${v.scores}/${v.labels}`, () => computePrecisionPanel({ datasetId, modelId, auditId }), (p) => !p.stale);
}

async function computePrecisionPanel({ datasetId, modelId, auditId }: z.infer<typeof ZDashboardQuery>): Promise<PrecisionPanel> {
  let auditRow: AuditRow | null = null;
  if (auditId !== undefined) {
    auditRow = await db().audit.findUnique({ where: { id: auditId }, select: auditSelect });
    if (!auditRow) throw notFound(`no audit with id ${auditId}`);
  }
  const model = await resolveDashboardModel(auditRow?.modelId ?? modelId);
  if (model && !auditRow) {
    auditRow = await db().audit.findFirst({ where: { modelId: model.id, ...(datasetId === undefined ? {} : { datasetId }) }, orderBy: { id: "desc" }, select: auditSelect });
  }
  // An audit defines its population: the panel follows the audit's dataset (all datasets when it has none).
  const scope = auditRow ? (auditRow.datasetId ?? undefined) : datasetId;
  const audit = auditRow ? toAuditView(auditRow) : null;
  const threshold = audit?.threshold ?? model?.threshold ?? 3;

  const [histogram, stats, items, trend, keptGroups] = await Promise.all([
    model ? loadScoreHistogram({ modelId: model.id, datasetId: scope }) : Promise.resolve({ value: [], stale: false }),
    audit ? getAuditStats(audit.id) : Promise.resolve(null),
    audit ? loadAuditItems({ auditIds: [audit.id], modelId: audit.modelId }) : Promise.resolve([]),
    precisionTrend(scope),
    audit ? loadKeptGroups({ modelId: audit.modelId, cut: audit.cut, datasetId: scope }) : Promise.resolve(null),
  ]);
  const cells = histogram.value;
  const groups = keptGroups?.value ?? null;

  // The headline figures are lib/audits' (one SQL aggregate); the per-item rows feed the curve and breakdowns.
  const none = { estimate: null, low: 0, high: 1 };
  const counts = (side: AuditStats["kept"] | AuditStats["rejected"] | undefined): AuditSideCounts => ({ sampled: side?.sampled ?? 0, labeled: side?.labeled ?? 0, high: side?.high ?? 0 });
  const kept = counts(stats?.kept);
  const rejected = counts(stats?.rejected);
  const precision = stats?.kept.precision ?? none;
  const falseOmission = stats?.rejected.forRate ?? none;
  const recall = stats?.recall ?? none;
  const labelMore = (stats?.labelMoreFor ?? []).map((l) => ({ margin: l.margin, more: l.kept, moreRejected: l.rejected }));

  let breakdowns: PrecisionPanel["breakdowns"] = { byDataset: [], byLanguage: [], bySource: [] };
  if (groups) {
    const datasetNames = new Map((await db().dataset.findMany({ select: { id: true, name: true } })).map((d) => [d.id, d.name]));
    const sum = (pairs: [string, number][]) => {
      const m = new Map<string, number>();
      for (const [k, n] of pairs) m.set(k, (m.get(k) ?? 0) + n);
      return [...m.entries()].map(([key, n]) => ({ key, kept: n })).sort((a, b) => b.kept - a.kept || a.key.localeCompare(b.key));
    };
    const dsKey = (id: number) => datasetNames.get(id) ?? `#${id}`;
    breakdowns = {
      byDataset: breakdown(sum(groups.byDatasetLanguage.map((g) => [dsKey(g.datasetId), g.kept])), items, (i) => dsKey(i.datasetId), threshold),
      byLanguage: breakdown(sum(groups.byDatasetLanguage.map((g) => [g.language, g.kept])), items, (i) => i.language, threshold),
      bySource: breakdown(groups.bySource.map((g) => ({ key: g.source, kept: g.kept })), items, (i) => i.source ?? "", threshold),
    };
  }

  const scored = cells.reduce((s, c) => s + c.count, 0);
  const note = !model
    ? "No classifier model is active yet: train one and activate it."
    : !audit
      ? `No audit of model v${model.version} yet: create one to estimate precision and recall without bias.`
      : kept.labeled === 0 || rejected.labeled === 0
        ? "The audit has no labels on one of its sides yet: label its queue to get precision and recall."
        : null;

  return {
    datasetId: scope ?? null,
    model,
    audit,
    note,
    stale: histogram.stale || (keptGroups?.stale ?? false),
    precision,
    falseOmission,
    recall,
    sampleSizes: { kept, rejected },
    labelMore,
    scored,
    scoredBytes: cells.reduce((s, c) => s + c.bytes, 0),
    thresholdCurve: model ? estimateThresholdCurve(cells, audit, items) : [],
    trend,
    breakdowns,
  };
}

/** Kept-set precision of every model version that has an audit in scope (its newest one), oldest version first. */
async function precisionTrend(datasetId: number | undefined): Promise<TrendPoint[]> {
  const audits = await db().audit.findMany({
    where: datasetId === undefined ? {} : { datasetId },
    orderBy: { id: "desc" },
    select: { id: true, modelId: true, cut: true, model: { select: { version: true } } },
  });
  const newest = new Map<number, (typeof audits)[number]>();
  for (const a of audits) if (!newest.has(a.modelId)) newest.set(a.modelId, a);
  const points: TrendPoint[] = [];
  for (const a of newest.values()) {
    const { kept } = await getAuditStats(a.id);
    points.push({ modelId: a.modelId, modelVersion: a.model.version, auditId: a.id, cut: a.cut, precision: kept.precision, n: kept.labeled });
  }
  return points.sort((x, y) => x.modelVersion - y.modelVersion);
}
