import { db } from "@/lib/db/client";

export type ReviewDatasetSummary = {
  id: number;
  name: string;
  kind: string;
  items: number;
  pending: number;
  approved: number;
  rejected: number;
  campaigns: { id: number; name: string }[];
};

/** Datasets that hold synthetic items, with review counts and their campaigns: the review page's chooser. */
export async function listReviewDatasets(): Promise<ReviewDatasetSummary[]> {
  const groups = await db().syntheticItem.groupBy({ by: ["datasetId", "reviewStatus"], _count: { _all: true } });
  const ids = [...new Set(groups.map((g) => g.datasetId))];
  if (!ids.length) return [];
  const [datasets, campaigns] = await Promise.all([
    db().dataset.findMany({ where: { id: { in: ids } }, select: { id: true, name: true, kind: true }, orderBy: { name: "asc" } }),
    db().generationCampaign.findMany({ where: { datasetId: { in: ids } }, select: { id: true, name: true, datasetId: true }, orderBy: { id: "desc" } }),
  ]);
  return datasets.map((d) => {
    const n = (status: string) => groups.find((g) => g.datasetId === d.id && g.reviewStatus === status)?._count._all ?? 0;
    const items = groups.filter((g) => g.datasetId === d.id).reduce((s, g) => s + g._count._all, 0);
    return { ...d, items, pending: n("pending"), approved: n("approved"), rejected: n("rejected"), campaigns: campaigns.filter((c) => c.datasetId === d.id).map(({ id, name }) => ({ id, name })) };
  });
}
