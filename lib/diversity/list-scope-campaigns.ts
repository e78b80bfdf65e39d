import { db } from "@/lib/db/client";
import { notFound } from "@/lib/http/errors";

export type ScopeCampaign = { id: number; name: string; kind: string; source: string; status: string; items: number; createdAt: string };

/** The generation campaigns of a dataset with their item counts, newest first: the scopes a report can take. 404 unknown dataset. */
export async function listScopeCampaigns(datasetId: number): Promise<ScopeCampaign[]> {
  if (!(await db().dataset.findUnique({ where: { id: datasetId }, select: { id: true } }))) throw notFound(`no dataset with id ${datasetId}`);
  const rows = await db().generationCampaign.findMany({
    where: { datasetId },
    orderBy: { id: "desc" },
    select: { id: true, name: true, kind: true, source: true, status: true, createdAt: true, _count: { select: { syntheticItems: true } } },
  });
  return rows.map((c) => ({ id: c.id, name: c.name, kind: c.kind, source: c.source, status: c.status, items: c._count.syntheticItems, createdAt: c.createdAt.toISOString() }));
}
