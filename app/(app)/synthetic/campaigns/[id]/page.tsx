import { notFound } from "next/navigation";
import { GenerationCampaignDetail } from "@/components/generation/generation-campaign-detail";

export const metadata = { title: "Generation campaign" };

export default async function GenerationCampaignPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const n = Number(id);
  if (!Number.isInteger(n) || n <= 0) notFound();
  return <GenerationCampaignDetail id={n} />;
}
