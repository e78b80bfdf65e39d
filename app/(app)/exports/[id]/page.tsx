import { notFound } from "next/navigation";
import { ExportDetailView } from "@/components/exports/export-detail";

export const metadata = { title: "Export" };

export default async function ExportPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const n = Number(id);
  if (!Number.isInteger(n) || n <= 0) notFound();
  return <ExportDetailView id={n} />;
}
