"use client";

import { usePathname, useRouter } from "next/navigation";
import { Select } from "@/components/ui/field";
import type { ReviewScope } from "@/lib/synthetic/review/types";

/** Campaign, kind and status filters of the review queue; each change is a new URL (and a new session). */
export function ReviewFilters({ scope, campaigns }: { scope: ReviewScope; campaigns: { id: number; name: string }[] }) {
  const router = useRouter();
  const pathname = usePathname();
  const go = (patch: Record<string, string | undefined>) => {
    const qs = new URLSearchParams({ dataset: String(scope.datasetId) });
    const next = { campaign: scope.campaignId?.toString(), kind: scope.kind, status: scope.status === "all" ? undefined : scope.status, ...patch };
    for (const [k, v] of Object.entries(next)) if (v) qs.set(k, v);
    router.push(`${pathname}?${qs}`);
  };
  return (
    <div className="flex flex-wrap items-center gap-2 text-sm" data-testid="review-filters">
      <div className="w-52">
        <Select value={scope.campaignId ?? ""} onChange={(e) => go({ campaign: e.target.value || undefined })} aria-label="Campaign" data-testid="filter-campaign">
          <option value="">All campaigns</option>
          {campaigns.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name} (#{c.id})
            </option>
          ))}
        </Select>
      </div>
      <div className="w-52">
        <Select value={scope.kind ?? ""} onChange={(e) => go({ kind: e.target.value || undefined })} aria-label="Kind" data-testid="filter-kind">
          <option value="">Textbooks and exercises</option>
          <option value="textbook">Textbook sections</option>
          <option value="exercise">Exercises</option>
        </Select>
      </div>
      <div className="w-52">
        <Select value={scope.status ?? "all"} onChange={(e) => go({ status: e.target.value === "all" ? undefined : e.target.value })} aria-label="Status" data-testid="filter-status">
          <option value="all">Any status</option>
          <option value="pending">Pending</option>
          <option value="approved">Approved</option>
          <option value="rejected">Rejected</option>
        </Select>
      </div>
    </div>
  );
}
