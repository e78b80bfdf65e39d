import { JobsView } from "@/components/jobs/jobs-view";
import { PageHeader } from "@/components/ui/page-header";

export const metadata = { title: "Jobs" };

export default function JobsPage() {
  return (
    <>
      <PageHeader
        title="Jobs"
        subtitle={<>Background work (imports, LLM labeling campaigns) as the workers run it, or from a terminal: <code className="font-mono text-xs">npx syllabus jobs</code></>}
      />
      <JobsView />
    </>
  );
}
