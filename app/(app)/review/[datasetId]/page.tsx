import { headers } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { ReviewSession } from "@/components/review/review-session";
import { currentUser } from "@/lib/auth/current-user";
import { HttpError } from "@/lib/http/errors";
import { getReviewDataset } from "@/lib/labels/get-review-dataset";
import { getReviewSnippet } from "@/lib/labels/get-review-snippet";
import { nextSnippets } from "@/lib/labels/next-snippets";
import { ZQueue } from "@/lib/labels/queues";

type Props = { params: Promise<{ datasetId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props) {
  const id = Number((await params).datasetId);
  const ds = Number.isInteger(id) && id > 0 ? await getReviewDataset(id).catch(() => null) : null;
  return { title: ds ? `Spot-check · ${ds.name}` : "Spot-check" };
}

/**
 * /review/:datasetId?queue=random|stratified|uncertain|disagreements|mine&snippet=<id>
 * The first batch is rendered on the server, so the first snippet shows without a loading round trip.
 */
export default async function ReviewDatasetPage({ params, searchParams }: Props) {
  const user = await currentUser(await headers());
  if (!user) redirect("/login");
  const [{ datasetId: raw }, sp] = await Promise.all([params, searchParams]);
  const datasetId = Number(raw);
  if (!Number.isInteger(datasetId) || datasetId <= 0) notFound();
  const dataset = await getReviewDataset(datasetId).catch((e) => {
    if (e instanceof HttpError && e.status === 404) notFound();
    throw e;
  });
  const queue = ZQueue.catch("random").parse(sp.queue);
  const wanted = Number(sp.snippet);
  const snippetId = Number.isInteger(wanted) && wanted > 0 ? wanted : null;
  const opened = snippetId ? await getReviewSnippet(datasetId, snippetId, user.id, { others: queue === "disagreements" }).catch(() => null) : null;
  const batch = await nextSnippets(datasetId, user.id, { queue, limit: 5, exclude: opened ? [opened.id] : [] });
  return (
    <ReviewSession
      // A new queue or a snippet opened by link starts a new session (the component keeps its own URL in
      // sync with replaceState, which does not re-render this page).
      key={`${queue}:${snippetId ?? ""}`}
      dataset={{ id: dataset.id, name: dataset.name, labelsPerSnippet: dataset.labelsPerSnippet }}
      queue={queue}
      init={{ opened, batch }}
      openedFromQueue={typeof sp.queue === "string"}
      openedMissing={snippetId !== null && !opened ? snippetId : null}
    />
  );
}
