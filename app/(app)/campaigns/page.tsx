import Link from "next/link";
import { CampaignsView } from "@/components/campaigns/campaigns-view";
import { PageHeader } from "@/components/ui/page-header";

export const metadata = { title: "Campaigns" };

export default function CampaignsPage() {
  return (
    <>
      <PageHeader
        title="LLM labeling campaigns"
        subtitle={<>Score a dataset&apos;s snippets 0–5 with an LLM; or from a terminal: <code className="font-mono text-xs">npx syllabus label --dataset name --wait</code></>}
        actions={<Link href="/campaigns/new" className="rounded-md bg-indigo-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-indigo-500" data-testid="new-campaign">New campaign</Link>}
      />
      <CampaignsView />
    </>
  );
}
