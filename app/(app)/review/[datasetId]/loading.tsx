import { CodePanelSkeleton } from "@/components/review/code-panel";

export default function Loading() {
  return (
    <div className="space-y-3" aria-busy="true" aria-label="Loading the review queue">
      <div className="flex items-center gap-4">
        <div className="h-9 w-40 animate-pulse rounded bg-slate-200" />
        <div className="h-7 w-80 animate-pulse rounded bg-slate-200" />
        <div className="h-3 flex-1 animate-pulse rounded bg-slate-200" />
      </div>
      <div className="grid gap-4 lg:grid-cols-3">
        <div className="lg:col-span-2"><CodePanelSkeleton /></div>
        <div className="h-96 animate-pulse rounded-lg border border-slate-200 bg-white" />
      </div>
    </div>
  );
}
