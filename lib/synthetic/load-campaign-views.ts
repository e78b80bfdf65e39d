import { Prisma } from "@syllabus/prisma-sqlite";
import { db } from "@/lib/db/client";
import { toGenerationCampaignView } from "./to-generation-campaign-view";
import type { GenerationCampaignView } from "./types";

const n = (v: unknown) => Number(v ?? 0);

/** Views of campaign rows: their jobs, prompt versions and review counts fetched in three queries. */
export async function loadCampaignViews(rows: Parameters<typeof toGenerationCampaignView>[0][]): Promise<GenerationCampaignView[]> {
  if (rows.length === 0) return [];
  const jobIds = rows.map((c) => c.jobId).filter((id): id is number => id !== null);
  const promptIds = [...new Set(rows.flatMap((c) => [c.textbookPromptId, c.exercisePromptId]).filter((id): id is number => id !== null))];
  const ids = rows.map((c) => c.id);
  const [jobs, prompts, counts] = await Promise.all([
    jobIds.length ? db().job.findMany({ where: { id: { in: jobIds } } }) : [],
    promptIds.length ? db().prompt.findMany({ where: { id: { in: promptIds } }, select: { id: true, version: true } }) : [],
    db().$queryRaw<{ campaignId: unknown; reviewStatus: string; n: unknown }[]>(Prisma.sql`
      SELECT "campaignId", "reviewStatus", COUNT(*) AS n FROM synthetic_item WHERE "campaignId" IN (${Prisma.join(ids)}) GROUP BY "campaignId", "reviewStatus"`),
  ]);
  const jobById = new Map(jobs.map((j) => [j.id, j]));
  const promptById = new Map(prompts.map((p) => [p.id, p]));
  const itemsById = new Map<number, GenerationCampaignView["items"]>();
  for (const r of counts) {
    const id = n(r.campaignId);
    const c = itemsById.get(id) ?? { total: 0, pending: 0, approved: 0, rejected: 0 };
    c.total += n(r.n);
    if (r.reviewStatus === "pending" || r.reviewStatus === "approved" || r.reviewStatus === "rejected") c[r.reviewStatus] += n(r.n);
    itemsById.set(id, c);
  }
  const now = new Date();
  return rows.map((c) =>
    toGenerationCampaignView(
      c,
      c.jobId === null ? null : (jobById.get(c.jobId) ?? null),
      itemsById.get(c.id) ?? { total: 0, pending: 0, approved: 0, rejected: 0 },
      {
        textbook: c.textbookPromptId !== null ? (promptById.get(c.textbookPromptId) ?? null) : null,
        exercise: c.exercisePromptId !== null ? (promptById.get(c.exercisePromptId) ?? null) : null,
      },
      now,
    ),
  );
}
