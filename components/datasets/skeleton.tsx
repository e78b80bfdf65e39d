/** Grey placeholder block for loading states. */
export function Skeleton({ className = "" }: { className?: string }) {
  return <div aria-hidden className={`animate-pulse rounded bg-slate-200/70 ${className}`} />;
}

export function DatasetCardSkeleton() {
  return (
    <div className="grid grid-cols-1 gap-4 rounded-lg border border-slate-200 bg-white p-4 lg:grid-cols-3">
      <div className="space-y-3">
        <Skeleton className="h-5 w-40" />
        <Skeleton className="h-3 w-56" />
        <div className="grid grid-cols-3 gap-3">
          {Array.from({ length: 6 }, (_, i) => <Skeleton key={i} className="h-9" />)}
        </div>
      </div>
      <Skeleton className="h-[150px]" />
      <Skeleton className="h-[150px]" />
    </div>
  );
}
