import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { ReviewOverview } from "@/components/review/review-overview";
import { PageHeader } from "@/components/ui/page-header";
import { currentUser } from "@/lib/auth/current-user";
import { listReviewDatasets } from "@/lib/labels/list-review-datasets";

export const metadata = { title: "Spot-check" };

export default async function ReviewPage() {
  const user = await currentUser(await headers());
  if (!user) redirect("/login");
  const datasets = await listReviewDatasets(user.id);
  return (
    <>
      <PageHeader
        title="Spot-check"
        subtitle="Check the LLM's educational-value scores one snippet at a time. Enter agrees, 0–5 scores, S skips, ? shows every key."
      />
      <ReviewOverview datasets={datasets} />
    </>
  );
}
