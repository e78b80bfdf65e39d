import { headers } from "next/headers";
import Link from "next/link";
import { redirect } from "next/navigation";
import { DatasetExecControl } from "@/components/synthetic/dataset-exec-control";
import { ReviewChooser } from "@/components/synthetic/review-chooser";
import { ReviewFilters } from "@/components/synthetic/review-filters";
import { SyntheticReviewSession } from "@/components/synthetic/review-session";
import { Alert } from "@/components/ui/alert";
import { PageHeader } from "@/components/ui/page-header";
import { currentUser } from "@/lib/auth/current-user";
import { getReviewItem } from "@/lib/synthetic/review/get-review-item";
import { listReviewDatasets } from "@/lib/synthetic/review/list-review-datasets";
import { ZReviewScope } from "@/lib/synthetic/review/review-scope";

export const metadata = { title: "Review synthetic data" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) || undefined;

/**
 * /synthetic/review?dataset=<id>[&campaign=<id>][&kind=textbook|exercise][&status=pending|approved|rejected|all][&item=<id>]
 * Without a dataset: the datasets that hold synthetic items. `item` reopens an item first (reload, link).
 */
export default async function SyntheticReviewPage({ searchParams }: Props) {
  const user = await currentUser(await headers());
  if (!user) redirect("/login");
  const sp = await searchParams;
  const header = (
    <PageHeader
      title="Review synthetic data"
      subtitle={<>Approve, reject with a reason, edit (versioned) and execute generated textbook sections and exercises — keyboard first (press <kbd className="font-mono">?</kbd>).</>}
      actions={<Link href="/synthetic" className="text-sm text-slate-600 hover:text-slate-900">← Synthetic</Link>}
    />
  );
  if (!one(sp.dataset)) {
    return (
      <>
        {header}
        <ReviewChooser />
      </>
    );
  }
  const parsed = ZReviewScope.safeParse({ datasetId: one(sp.dataset), campaignId: one(sp.campaign), kind: one(sp.kind), status: one(sp.status) });
  const datasets = parsed.success ? await listReviewDatasets() : [];
  const dataset = parsed.success ? datasets.find((d) => d.id === parsed.data.datasetId) : undefined;
  if (!parsed.success || !dataset) {
    return (
      <>
        {header}
        <div className="mb-4">
          <Alert tone="warning">
            <span data-testid="review-problem">{parsed.success ? `Dataset #${parsed.data.datasetId} has no synthetic items (or does not exist).` : parsed.error.issues.map((i) => i.message).join("; ")}</span>
          </Alert>
        </div>
        <ReviewChooser />
      </>
    );
  }
  const scope = parsed.data;
  const itemId = Number(one(sp.item));
  const opened = Number.isInteger(itemId) && itemId > 0 ? await getReviewItem(itemId, user.id).catch(() => null) : null;
  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
        <div className="min-w-0">
          <Link href="/synthetic/review" className="text-xs text-slate-500 hover:text-slate-900">← Review synthetic data</Link>
          <h1 className="truncate text-lg leading-tight font-semibold tracking-tight text-slate-900" data-testid="review-dataset-name">{dataset.name}</h1>
        </div>
        <ReviewFilters scope={scope} campaigns={dataset.campaigns} />
        <DatasetExecControl datasetId={dataset.id} />
      </div>
      <SyntheticReviewSession key={JSON.stringify(scope)} scope={scope} opened={opened && opened.datasetId === scope.datasetId ? opened : null} />
    </div>
  );
}
