import { PromptsView } from "@/components/prompts/prompts-view";
import { PageHeader } from "@/components/ui/page-header";

export const metadata = { title: "Prompts" };

export default function PromptsPage() {
  return (
    <>
      <PageHeader title="Prompts" subtitle="Versioned prompts for LLM labeling. Every LLM label records the version it was made with, so versions never change: editing saves a new one." />
      <PromptsView />
    </>
  );
}
