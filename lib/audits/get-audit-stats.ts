import { Prisma } from "@syllabus/prisma-sqlite";
import { db } from "@/lib/db/client";
import { notFound } from "@/lib/http/errors";
import { sampleSizeForMargin } from "@/lib/metrics/sample-size-for-margin";
import { wilsonInterval } from "@/lib/metrics/wilson-interval";
import { estimateRecall } from "./estimate-recall";
import { highMedianSql } from "./high-median-sql";
import type { AuditSideStats, AuditStats } from "./types";

/** The margins "label N more to reach ±x" is computed for. */
export const LABEL_MORE_MARGINS = [0.05, 0.03] as const;

type Int = number | bigint;

/**
 * Precision of the kept set, false-omission rate of the rejected set and estimated recall of an audit, each
 * with a 95% Wilson interval, from one GROUP BY over its items joined to their median human score. Every
 * human label on a sampled snippet counts, whichever queue it came from: the sample was drawn without
 * looking at labels, so it stays uniform. Skips are not labels; a snippet with only skips is unlabeled.
 */
export async function getAuditStats(auditId: number): Promise<AuditStats> {
  const audit = await db().audit.findUnique({ where: { id: auditId }, select: { id: true, cut: true, threshold: true, keptCount: true, rejectedCount: true } });
  if (!audit) throw notFound(`audit ${auditId} not found`);
  const rows = await db().$queryRaw<{ side: string; sampled: Int; labeled: Int; high: Int | null }[]>(Prisma.sql`
    SELECT i.side, COUNT(*) AS sampled, COUNT(t.high) AS labeled, SUM(t.high) AS high
    FROM audit_item i
    LEFT JOIN (${highMedianSql(Prisma.sql`SELECT "snippetId" FROM audit_item WHERE "auditId" = ${audit.id}`, audit.threshold)}) t ON t."snippetId" = i."snippetId"
    WHERE i."auditId" = ${audit.id}
    GROUP BY i.side`);
  const side = (name: string): AuditSideStats => {
    const r = rows.find((x) => x.side === name);
    return { sampled: Number(r?.sampled ?? 0), labeled: Number(r?.labeled ?? 0), high: Number(r?.high ?? 0) };
  };
  const kept = side("kept");
  const rejected = side("rejected");
  const precision = wilsonInterval(kept.high, kept.labeled);
  const forRate = wilsonInterval(rejected.high, rejected.labeled);
  const more = (estimate: number | null, labeled: number, margin: number) => Math.max(0, sampleSizeForMargin(estimate ?? 0.5, margin) - labeled);
  return {
    auditId: audit.id,
    cut: audit.cut,
    threshold: audit.threshold,
    keptCount: audit.keptCount,
    rejectedCount: audit.rejectedCount,
    kept: { ...kept, precision },
    rejected: { ...rejected, forRate },
    recall: estimateRecall({ keptCount: audit.keptCount, rejectedCount: audit.rejectedCount, precision, forRate }),
    labelMoreFor: LABEL_MORE_MARGINS.map((margin) => ({
      margin,
      kept: more(precision.estimate, kept.labeled, margin),
      rejected: more(forRate.estimate, rejected.labeled, margin),
    })),
  };
}
