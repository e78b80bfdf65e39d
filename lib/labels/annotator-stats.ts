import { db } from "@/lib/db/client";
import type { AnnotatorStat } from "./types";

const n = (v: unknown) => Number(v ?? 0);

/**
 * Per annotator on one dataset: labels, skips, how often their score matched the LLM's (and how often
 * they accepted it with Enter), mean/median time per label (skips excluded) and last activity. Counts are
 * one GROUP BY; medians need the individual times, which are few (human labels, not snippets).
 */
export async function annotatorStats(datasetId: number): Promise<AnnotatorStat[]> {
  const [rows, times] = await Promise.all([
    db().$queryRaw<Record<string, unknown>[]>`
      SELECT h."userId" AS "userId", u.name AS name, u.email AS email,
        SUM(CASE WHEN h.status = 'labeled' THEN 1 ELSE 0 END) AS labeled,
        SUM(CASE WHEN h.status = 'skipped' THEN 1 ELSE 0 END) AS skipped,
        SUM(CASE WHEN h.status = 'labeled' AND h."llmScore" IS NOT NULL THEN 1 ELSE 0 END) AS comparable,
        SUM(CASE WHEN h.status = 'labeled' AND h.score = h."llmScore" THEN 1 ELSE 0 END) AS matches,
        SUM(CASE WHEN h.status = 'labeled' AND h.agreed THEN 1 ELSE 0 END) AS accepted,
        SUM(CASE WHEN h.status = 'labeled' THEN h."timeSpentMs" ELSE 0 END) AS "totalMs",
        MAX(h."updatedAt") AS "lastActive"
      FROM human_label h JOIN "user" u ON u.id = h."userId"
      WHERE h."datasetId" = ${datasetId}
      GROUP BY h."userId", u.name, u.email`,
    db().humanLabel.findMany({
      where: { datasetId, status: "labeled", timeSpentMs: { gt: 0 } },
      select: { userId: true, timeSpentMs: true },
    }),
  ]);
  const timesByUser = new Map<string, number[]>();
  for (const t of times) {
    const list = timesByUser.get(t.userId) ?? [];
    list.push(t.timeSpentMs);
    timesByUser.set(t.userId, list);
  }
  return rows
    .map((r): AnnotatorStat => {
      const userId = String(r.userId);
      const labeled = n(r.labeled);
      const comparable = n(r.comparable);
      const ms = (timesByUser.get(userId) ?? []).sort((a, b) => a - b);
      return {
        userId,
        name: String(r.name),
        email: String(r.email),
        labeled,
        skipped: n(r.skipped),
        agreementRate: comparable ? n(r.matches) / comparable : null,
        acceptedRate: labeled ? n(r.accepted) / labeled : null,
        meanTimeMs: ms.length ? Math.round(ms.reduce((a, b) => a + b, 0) / ms.length) : null,
        medianTimeMs: ms.length ? median(ms) : null,
        totalTimeMs: n(r.totalMs),
        lastActive: toIso(r.lastActive),
      };
    })
    .sort((a, b) => b.labeled - a.labeled || a.name.localeCompare(b.name));
}

function median(sorted: number[]): number {
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : Math.round((sorted[mid - 1] + sorted[mid]) / 2);
}

/** MAX() over a DateTime column comes back as a Date (PostgreSQL) or as stored text/epoch ms (SQLite). */
function toIso(v: unknown): string | null {
  if (v === null || v === undefined) return null;
  const d = v instanceof Date ? v : new Date(typeof v === "bigint" ? Number(v) : (v as string | number));
  return Number.isNaN(d.getTime()) ? null : d.toISOString();
}
