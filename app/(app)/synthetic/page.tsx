import Link from "next/link";
import { SyntheticOverview } from "@/components/generation/synthetic-overview";
import { PageHeader } from "@/components/ui/page-header";

export const metadata = { title: "Synthetic data" };

export default function SyntheticPage() {
  return (
    <>
      <PageHeader
        title="Synthetic textbooks and exercises"
        subtitle={
          <>
            Generate Phi-1-style textbook sections and exercises over a grid of topics, audiences and function names, or import ones generated elsewhere:{" "}
            <code className="font-mono text-xs">npx syllabus import file.jsonl --dataset name --kind textbook|exercise</code>
          </>
        }
        actions={
          <>
            <Link href="/prompts?task=textbook" className="rounded-md bg-white px-3 py-1.5 text-sm font-medium text-slate-800 ring-1 ring-slate-300 hover:bg-slate-50">Prompts</Link>
            <Link href="/synthetic/campaigns/new" className="rounded-md bg-indigo-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-indigo-500" data-testid="new-generation-campaign">New campaign</Link>
          </>
        }
      />
      <SyntheticOverview />
    </>
  );
}
