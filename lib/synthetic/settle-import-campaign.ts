import { db } from "@/lib/db/client";

/**
 * Keeps an import campaign's status in step with the import feeding it: running while it runs, then
 * succeeded (or failed, with the import's fatal error). Its kind becomes what it holds: textbook, exercise,
 * or mixed when records of both kinds came in. LLM campaigns that received an import keep their own status.
 */
export async function startImportCampaign(campaignId: number): Promise<void> {
  const now = new Date();
  await db().generationCampaign.updateMany({ where: { id: campaignId, source: "import" }, data: { status: "running", error: null, finishedAt: null } });
  await db().generationCampaign.updateMany({ where: { id: campaignId, source: "import", startedAt: null }, data: { startedAt: now } });
}

export async function finishImportCampaign(campaignId: number, outcome: { status: "succeeded" | "failed"; error?: string | null }): Promise<void> {
  const campaign = await db().generationCampaign.findUnique({ where: { id: campaignId }, select: { source: true } });
  if (campaign?.source !== "import") return;
  const kinds = await db().syntheticItem.groupBy({ by: ["kind"], where: { campaignId } });
  const kind = kinds.length > 1 ? "mixed" : kinds.length === 1 ? kinds[0].kind : undefined;
  const count = await db().syntheticItem.count({ where: { campaignId } });
  await db().generationCampaign.update({
    where: { id: campaignId },
    data: { status: outcome.status, error: outcome.error ?? null, finishedAt: new Date(), count, ...(kind ? { kind } : {}) },
  });
}
