import { notFound } from "next/navigation";
import { ModelDetail } from "@/components/models/model-detail";

export const metadata = { title: "Model" };

export default async function ModelPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const n = Number(id);
  if (!Number.isInteger(n) || n <= 0) notFound();
  return <ModelDetail id={n} />;
}
