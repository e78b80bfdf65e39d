import { Suspense } from "react";
import { QualityView } from "@/components/quality/quality-view";
import { PageHeader } from "@/components/ui/page-header";

export const metadata = { title: "Quality" };

export default function QualityPage() {
  return (
    <>
      <PageHeader
        title="Quality"
        subtitle={<>How much of what the filter keeps is really textbook quality, and how sure we are: human labels on uniform audit samples are the ground truth. Every count opens its snippets. Scriptable: <code className="font-mono text-xs">GET /api/dashboards/precision</code>, <code className="font-mono text-xs">npx syllabus metrics --dataset name</code></>}
      />
      <Suspense>
        <QualityView />
      </Suspense>
    </>
  );
}
