import { z } from "zod";
import { db } from "@/lib/db/client";
import { toCampaignView } from "./to-campaign-view";
import type { CampaignView } from "./types";

export const ZListCampaigns = z.object({
  datasetId: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  /** id of the last campaign of the previous page (newest first). */
  before: z.coerce.number().int().positive().optional(),
});
export type TListCampaigns = z.input<typeof ZListCampaigns>;

/** Campaigns newest first, with their jobs' state; keyset paging through `nextBefore`. */
export async function listCampaigns(input: TListCampaigns = {}): Promise<{ campaigns: CampaignView[]; nextBefore: number | null }> {
  const { datasetId, limit, before } = ZListCampaigns.parse(input);
  const rows = await db().labelCampaign.findMany({
    where: { datasetId, ...(before !== undefined && { id: { lt: before } }) },
    orderBy: { id: "desc" },
    take: limit + 1,
    include: { dataset: { select: { name: true } } },
  });
  const page = rows.slice(0, limit);
  const jobIds = page.map((c) => c.jobId).filter((id): id is number => id !== null);
  const jobs = jobIds.length ? await db().job.findMany({ where: { id: { in: jobIds } } }) : [];
  const byId = new Map(jobs.map((j) => [j.id, j]));
  const now = new Date();
  return {
    campaigns: page.map((c) => toCampaignView(c, c.jobId === null ? null : (byId.get(c.jobId) ?? null), now)),
    nextBefore: rows.length > limit ? page[page.length - 1].id : null,
  };
}
