import { Suspense } from "react";
import { DiversityView } from "@/components/diversity/diversity-view";
import { PageHeader } from "@/components/ui/page-header";

export const metadata = { title: "Diversity" };

/** /diversity?dataset=<id>[&campaign=<id>][&report=<id>] */
export default function DiversityPage() {
  return (
    <>
      <PageHeader
        title="Diversity"
        subtitle={<>How varied a dataset or a generation campaign is: repeated wording, near-duplicates (marked for export), Vendi score and coverage of the topic × audience grid. Scriptable: <code className="font-mono text-xs">npx syllabus diversity --dataset name --wait</code>, <code className="font-mono text-xs">GET /api/diversity/reports</code></>}
      />
      <Suspense>
        <DiversityView />
      </Suspense>
    </>
  );
}
