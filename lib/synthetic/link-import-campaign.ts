import { db, type Tx } from "@/lib/db/client";
import { badRequest } from "@/lib/http/errors";
import type { SyntheticKind } from "./compose-content";
import { parsePlan } from "./to-generation-campaign-view";
import type { GenerationPlan } from "./types";

export type ImportCampaignLink = { campaignId: number; kind: SyntheticKind };

/**
 * Attaches an ImportRun of a synthetic dataset to a generation campaign, in the caller's transaction: the
 * campaign's plan lists the run with the default kind of its records (that is how the import job finds its
 * campaign, including after a restart). `campaign` is an id, or a name: an existing campaign of the dataset by
 * that name, else a new import campaign (source "import") with that name; without one, a new import campaign
 * named after the file.
 */
export async function linkImportToCampaign(
  tx: Tx,
  input: { datasetId: number; importRunId: number; fileName: string; kind: SyntheticKind; campaign?: number | string | null; createdById?: string | null },
): Promise<ImportCampaignLink> {
  let campaign = null;
  if (typeof input.campaign === "number") {
    campaign = await tx.generationCampaign.findUnique({ where: { id: input.campaign } });
    if (!campaign || campaign.datasetId !== input.datasetId) throw badRequest(`no generation campaign with id ${input.campaign} in this dataset`);
  } else if (typeof input.campaign === "string" && input.campaign.trim()) {
    campaign = await tx.generationCampaign.findFirst({ where: { datasetId: input.datasetId, name: input.campaign.trim() }, orderBy: { id: "desc" } });
  }
  const entry = { importRunId: input.importRunId, kind: input.kind };
  if (!campaign) {
    const plan: GenerationPlan = { strategy: "import", seed: 0, imports: [entry] };
    const created = await tx.generationCampaign.create({
      data: {
        name: (typeof input.campaign === "string" && input.campaign.trim()) || `import: ${input.fileName}`,
        datasetId: input.datasetId,
        source: "import",
        kind: input.kind,
        plan: JSON.stringify(plan),
        status: "queued",
        createdById: input.createdById ?? null,
      },
    });
    return { campaignId: created.id, kind: input.kind };
  }
  const plan = parsePlan(campaign.plan);
  const imports = (plan.imports ?? []).filter((i) => i.importRunId !== input.importRunId);
  const kinds = new Set([...(plan.imports ?? []).map((i) => i.kind), input.kind]);
  await tx.generationCampaign.update({
    where: { id: campaign.id },
    data: {
      plan: JSON.stringify({ ...plan, imports: [...imports, entry] }),
      // An import campaign that now holds both kinds is a mixed one.
      ...(campaign.source === "import" && kinds.size > 1 ? { kind: "mixed" } : {}),
      ...(campaign.source === "import" ? { status: "queued", finishedAt: null, error: null } : {}),
    },
  });
  return { campaignId: campaign.id, kind: input.kind };
}

/** The campaign an ImportRun was linked to (null: none yet). */
export async function findImportCampaign(datasetId: number, importRunId: number, client: Tx = db()): Promise<ImportCampaignLink | null> {
  const rows = await client.generationCampaign.findMany({ where: { datasetId, plan: { contains: '"imports"' } }, select: { id: true, plan: true }, orderBy: { id: "desc" } });
  for (const r of rows) {
    const hit = parsePlan(r.plan).imports?.find((i) => i.importRunId === importRunId);
    if (hit) return { campaignId: r.id, kind: hit.kind };
  }
  return null;
}
