import { ExportsView } from "@/components/exports/exports-view";
import { PageHeader } from "@/components/ui/page-header";

export const metadata = { title: "Exports" };

export default function ExportsPage() {
  return (
    <>
      <PageHeader
        title="Exports"
        subtitle={<>Training-ready shards (Hugging Face layout, manifest with lineage); or from a terminal: <code className="font-mono text-xs">npx syllabus export --dataset name --out dir --wait</code></>}
      />
      <ExportsView />
    </>
  );
}
