import { notFound } from "next/navigation";
import { DatasetDetail } from "@/components/datasets/dataset-detail";

export const metadata = { title: "Dataset" };

export default async function DatasetPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const n = Number(id);
  if (!Number.isInteger(n) || n <= 0) notFound();
  return <DatasetDetail id={n} />;
}
