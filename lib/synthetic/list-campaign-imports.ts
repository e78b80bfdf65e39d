import { db } from "@/lib/db/client";
import { notFound } from "@/lib/http/errors";
import { listImports } from "@/lib/imports/list-imports";
import { parsePlan } from "./to-generation-campaign-view";

/** The JSONL imports attached to a campaign, newest first, with their jobs' live progress. */
export async function listCampaignImports({ campaignId }: { campaignId: number }) {
  const c = await db().generationCampaign.findUnique({ where: { id: campaignId }, select: { datasetId: true, plan: true } });
  if (!c) throw notFound(`no generation campaign with id ${campaignId}`);
  const ids = new Set((parsePlan(c.plan).imports ?? []).map((i) => i.importRunId));
  if (ids.size === 0) return [];
  const all = await listImports({ datasetId: c.datasetId, limit: 1000 });
  return all.filter((r) => ids.has(r.id));
}
