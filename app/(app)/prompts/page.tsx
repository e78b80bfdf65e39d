import { PromptsView } from "@/components/prompts/prompts-view";
import { PageHeader } from "@/components/ui/page-header";
import { PROMPT_TASK_NAMES, type PromptTask } from "@/lib/llm/prompts/create-prompt-version.types";

export const metadata = { title: "Prompts" };

export default async function PromptsPage({ searchParams }: { searchParams: Promise<{ task?: string }> }) {
  const { task } = await searchParams;
  const initialTask = PROMPT_TASK_NAMES.includes(task as PromptTask) ? (task as PromptTask) : "edu-score";
  return (
    <>
      <PageHeader
        title="Prompts"
        subtitle="Versioned prompts for LLM labeling (edu-score) and synthetic generation (textbook, exercise). Labels and generated items record the version they were made with, so versions never change: editing saves a new one."
      />
      <PromptsView initialTask={initialTask} />
    </>
  );
}
