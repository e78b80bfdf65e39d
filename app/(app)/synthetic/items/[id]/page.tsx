import { headers } from "next/headers";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { SyntheticItemView } from "@/components/synthetic/item-page";
import { currentUser } from "@/lib/auth/current-user";
import { HttpError } from "@/lib/http/errors";
import { getReviewItem } from "@/lib/synthetic/review/get-review-item";

export const metadata = { title: "Synthetic item" };

/** /synthetic/items/:id — one synthetic item (deep link) with the review actions and its version history. */
export default async function SyntheticItemPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await currentUser(await headers());
  if (!user) redirect("/login");
  const id = Number((await params).id);
  if (!Number.isInteger(id) || id <= 0) notFound();
  const item = await getReviewItem(id, user.id).catch((e) => {
    if (e instanceof HttpError && e.status === 404) return null;
    throw e;
  });
  if (!item) {
    return (
      <div className="rounded-lg border border-slate-200 bg-white p-6 text-sm text-slate-600 shadow-sm" data-testid="item-missing">
        Snippet #{id} is not a synthetic item. <Link href="/snippets" className="text-indigo-700 underline">Look in the snippet table</Link> or go back to{" "}
        <Link href="/synthetic/review" className="text-indigo-700 underline">review</Link>.
      </div>
    );
  }
  return <SyntheticItemView initial={item} />;
}
