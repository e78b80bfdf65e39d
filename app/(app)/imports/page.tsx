import { ImportsView } from "@/components/imports/imports-view";
import { PageHeader } from "@/components/ui/page-header";

export const metadata = { title: "Imports" };

export default function ImportsPage() {
  return (
    <>
      <PageHeader
        title="Imports"
        subtitle={<>Upload a corpus (The Stack columns or text/content/code), or from a terminal: <code className="font-mono text-xs">npx syllabus import file.jsonl.gz --dataset name</code></>}
      />
      <ImportsView />
    </>
  );
}
