import { Suspense } from "react";
import { DecontamView } from "@/components/decontam/decontam-view";
import { PageHeader } from "@/components/ui/page-header";

export const metadata = { title: "Decontamination" };

export default function DecontamPage() {
  return (
    <>
      <PageHeader
        title="Decontamination"
        subtitle={
          <>
            Check snippets against benchmarks (HumanEval, MBPP…) by word n-gram overlap and normalized substring match; flagged snippets are left out of exports unless a reviewer keeps them.
            From a terminal: <code className="font-mono text-xs">npx syllabus decontam --dataset name --wait</code>
          </>
        }
      />
      {/* useSearchParams needs a Suspense boundary */}
      <Suspense fallback={<div className="h-40 animate-pulse rounded-lg bg-slate-200/60" />}>
        <DecontamView />
      </Suspense>
    </>
  );
}
