import { notFound } from "next/navigation";
import { CampaignDetail } from "@/components/campaigns/campaign-detail";

export const metadata = { title: "Campaign" };

export default async function CampaignPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const n = Number(id);
  if (!Number.isInteger(n) || n <= 0) notFound();
  return <CampaignDetail id={n} />;
}
