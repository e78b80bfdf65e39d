import { NewGenerationForm } from "@/components/generation/new-generation-form";
import { PageHeader } from "@/components/ui/page-header";

export const metadata = { title: "New generation campaign" };

export default async function NewGenerationCampaignPage({ searchParams }: { searchParams: Promise<{ dataset?: string }> }) {
  const { dataset } = await searchParams;
  const id = Number(dataset);
  return (
    <>
      <PageHeader title="New generation campaign" subtitle="Constraint lists, prompts, model and sampling plan; the estimate updates as you go, and nothing is spent until you start." />
      <NewGenerationForm initialDatasetId={Number.isInteger(id) && id > 0 ? id : null} />
    </>
  );
}
