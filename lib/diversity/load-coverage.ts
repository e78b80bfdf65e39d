import { Prisma } from "@syllabus/prisma-sqlite";
import { db } from "@/lib/db/client";
import { exerciseCoverage, textbookGrid } from "./coverage-grid";
import type { DiversityScope } from "./scope-sql";
import type { Coverage } from "./types";

function stringList(json: string): string[] {
  try {
    const v = JSON.parse(json) as unknown;
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === "string" && x.trim() !== "") : [];
  } catch {
    return [];
  }
}

/**
 * Coverage of the constraint grid for a scope, from GROUP BY counts over its synthetic items: the campaign's
 * declared topics/audiences/function names when the scope is a campaign (so empty cells show), the observed
 * values otherwise. Null when the scope has no synthetic item (a code dataset).
 */
export async function loadCoverage(scope: DiversityScope): Promise<Coverage | null> {
  const where = scope.campaignId === null ? Prisma.sql`si."datasetId" = ${scope.datasetId}` : Prisma.sql`si."campaignId" = ${scope.campaignId}`;
  const rows = await db().$queryRaw<{ kind: string; topic: string | null; audience: string | null; functionName: string | null; n: bigint | number }[]>(
    Prisma.sql`SELECT si.kind AS kind, si.topic AS topic, si.audience AS audience, si."functionName" AS "functionName", COUNT(*) AS n
      FROM synthetic_item si WHERE ${where} GROUP BY si.kind, si.topic, si.audience, si."functionName"`,
  );
  if (rows.length === 0) return null;
  const campaign = scope.campaignId === null ? null : await db().generationCampaign.findUnique({ where: { id: scope.campaignId }, select: { topics: true, audiences: true, functionNames: true, functionNameMode: true } });
  const declared = campaign
    ? { topics: stringList(campaign.topics), audiences: stringList(campaign.audiences), functionNames: campaign.functionNameMode === "list" ? stringList(campaign.functionNames) : [] }
    : undefined;
  const textbook = rows.filter((r) => r.kind === "textbook").map((r) => ({ topic: r.topic, audience: r.audience, n: Number(r.n) }));
  const exercise = rows.filter((r) => r.kind === "exercise").map((r) => ({ topic: r.topic, functionName: r.functionName, n: Number(r.n) }));
  // A campaign that declared no topics is summarized as observed.
  const source = declared && declared.topics.length ? "campaign" : "observed";
  return {
    source,
    textbook: textbook.length ? textbookGrid(textbook, declared) : null,
    exercise: exercise.length ? exerciseCoverage(exercise, declared) : null,
  };
}
