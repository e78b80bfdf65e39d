import { Prisma } from "@syllabus/prisma-sqlite";
import { medianScore } from "@/lib/classifier/load-training-targets";
import { db } from "@/lib/db/client";

/** One sampled item of an audit with its probability under the audited model and its median human score (null: not scored by anyone yet). */
export type AuditItemTruth = {
  auditId: number;
  side: "kept" | "rejected";
  snippetId: number;
  prob: number | null;
  datasetId: number;
  language: string;
  source: string | null;
  humanScore: number | null;
};

type Row = { auditId: number | bigint; side: string; snippetId: number | bigint; prob: number | null; datasetId: number | bigint; language: string; source: string | null; score: number | bigint | null };

/**
 * The items of some audits (at most a few thousand rows: the samples, not the corpus) with every scored
 * (not skipped) human label of each snippet, whichever queue it came from: human labels are the ground
 * truth, reduced per snippet by the training rule (median; even count → mean of the middle two, rounded down).
 */
export async function loadAuditItems({ auditIds, modelId, side }: { auditIds: number[]; modelId: number; side?: "kept" | "rejected" }): Promise<AuditItemTruth[]> {
  if (auditIds.length === 0) return [];
  const rows = await db().$queryRaw<Row[]>(Prisma.sql`
    SELECT ai."auditId" AS "auditId", ai.side AS side, ai."snippetId" AS "snippetId", sc.probability AS prob,
      s."datasetId" AS "datasetId", s.language AS language, s.source AS source, h.score AS score
    FROM audit_item ai
    JOIN snippet s ON s.id = ai."snippetId"
    LEFT JOIN snippet_score sc ON sc."snippetId" = ai."snippetId" AND sc."modelId" = ${modelId}
    LEFT JOIN human_label h ON h."snippetId" = ai."snippetId" AND h.status = 'labeled' AND h.score IS NOT NULL
    WHERE ai."auditId" IN (${Prisma.join(auditIds)}) ${side ? Prisma.sql`AND ai.side = ${side}` : Prisma.empty}`);
  const items = new Map<string, AuditItemTruth & { scores: number[] }>();
  for (const r of rows) {
    const key = `${r.auditId}:${r.snippetId}`;
    let item = items.get(key);
    if (!item) {
      item = {
        auditId: Number(r.auditId),
        side: r.side === "kept" ? "kept" : "rejected",
        snippetId: Number(r.snippetId),
        prob: r.prob,
        datasetId: Number(r.datasetId),
        language: r.language,
        source: r.source,
        humanScore: null,
        scores: [],
      };
      items.set(key, item);
    }
    if (r.score !== null) item.scores.push(Number(r.score));
  }
  return [...items.values()].map(({ scores, ...item }) => ({ ...item, humanScore: scores.length ? medianScore(scores) : null }));
}
