import { NewCampaignForm } from "@/components/campaigns/new-campaign-form";
import { PageHeader } from "@/components/ui/page-header";

export const metadata = { title: "New campaign" };

export default async function NewCampaignPage({ searchParams }: { searchParams: Promise<{ dataset?: string }> }) {
  const { dataset } = await searchParams;
  const id = Number(dataset);
  return (
    <>
      <PageHeader title="New labeling campaign" subtitle="Choose the snippets, the model and the prompt; the estimate updates as you go, and nothing is spent until you start." />
      <NewCampaignForm initialDatasetId={Number.isInteger(id) && id > 0 ? id : null} />
    </>
  );
}
