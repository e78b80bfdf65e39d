import { Prisma } from "@syllabus/prisma-sqlite";
import { db } from "@/lib/db/client";
import { SYNTHETIC_DATASET_KINDS } from "./synthetic-dataset-kind";

export type SyntheticDatasetView = {
  id: number;
  name: string;
  kind: string;
  description: string;
  snippetCount: number;
  items: { textbook: number; exercise: number; pending: number; approved: number; rejected: number };
  campaigns: number;
  createdAt: string;
};

const n = (v: unknown) => Number(v ?? 0);

/** The textbook/exercise datasets with their items by kind and review status, and how many campaigns feed them. */
export async function listSyntheticDatasets(): Promise<SyntheticDatasetView[]> {
  const datasets = await db().dataset.findMany({ where: { kind: { in: [...SYNTHETIC_DATASET_KINDS] } }, orderBy: { id: "asc" } });
  if (datasets.length === 0) return [];
  const ids = datasets.map((d) => d.id);
  const [items, campaigns] = await Promise.all([
    db().$queryRaw<{ datasetId: unknown; kind: string; reviewStatus: string; n: unknown }[]>(Prisma.sql`
      SELECT "datasetId", kind, "reviewStatus", COUNT(*) AS n FROM synthetic_item WHERE "datasetId" IN (${Prisma.join(ids)}) GROUP BY "datasetId", kind, "reviewStatus"`),
    db().generationCampaign.groupBy({ by: ["datasetId"], where: { datasetId: { in: ids } }, _count: { _all: true } }),
  ]);
  const campaignsBy = new Map(campaigns.map((c) => [c.datasetId, c._count._all]));
  return datasets.map((d) => {
    const counts = { textbook: 0, exercise: 0, pending: 0, approved: 0, rejected: 0 };
    for (const r of items) {
      if (n(r.datasetId) !== d.id) continue;
      if (r.kind === "textbook" || r.kind === "exercise") counts[r.kind] += n(r.n);
      if (r.reviewStatus === "pending" || r.reviewStatus === "approved" || r.reviewStatus === "rejected") counts[r.reviewStatus] += n(r.n);
    }
    return { id: d.id, name: d.name, kind: d.kind, description: d.description, snippetCount: d.snippetCount, items: counts, campaigns: campaignsBy.get(d.id) ?? 0, createdAt: d.createdAt.toISOString() };
  });
}
