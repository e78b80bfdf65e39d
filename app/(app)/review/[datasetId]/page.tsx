import { headers } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { ReviewSession } from "@/components/review/review-session";
import { currentUser } from "@/lib/auth/current-user";
import { HttpError } from "@/lib/http/errors";
import { getReviewAudit, isAuditItem } from "@/lib/labels/get-review-audit";
import { getReviewDataset } from "@/lib/labels/get-review-dataset";
import { getReviewSnippet } from "@/lib/labels/get-review-snippet";
import { nextSnippets } from "@/lib/labels/next-snippets";
import { ZQueue, type ReviewQueue } from "@/lib/labels/queues";

type Props = { params: Promise<{ datasetId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props) {
  const id = Number((await params).datasetId);
  const ds = Number.isInteger(id) && id > 0 ? await getReviewDataset(id).catch(() => null) : null;
  return { title: ds ? `Spot-check · ${ds.name}` : "Spot-check" };
}

/**
 * /review/:datasetId?queue=random|stratified|uncertain|disagreements|mine|audit&auditId=<id>&snippet=<id>
 *   queue=audit needs the auditId of an audit of this dataset (blind: no classifier probability); an
 *   unknown audit or one of another dataset shows a banner and falls back to the random queue.
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
  let queue: ReviewQueue = ZQueue.catch("random").parse(sp.queue);
  let auditId: number | null = null;
  let auditProblem: string | null = null;
  if (sp.queue === "audit") {
    const wantedAudit = Number(sp.auditId);
    if (typeof sp.auditId !== "string" || !Number.isInteger(wantedAudit) || wantedAudit <= 0) {
      auditProblem = "This audit link has no valid auditId";
    } else {
      const audit = await getReviewAudit(wantedAudit, datasetId).catch((e) => {
        if (e instanceof HttpError && (e.status === 404 || e.status === 400)) return null;
        throw e;
      });
      if (audit) {
        queue = "audit";
        auditId = audit.id;
      } else {
        auditProblem = `Audit #${wantedAudit} does not exist or does not cover this dataset`;
      }
    }
  }
  const wanted = Number(sp.snippet);
  const snippetId = Number.isInteger(wanted) && wanted > 0 ? wanted : null;
  let opened = snippetId ? await getReviewSnippet(datasetId, snippetId, user.id, { others: queue === "disagreements" }).catch(() => null) : null;
  if (opened && auditId !== null) {
    // Blind: a snippet reopened in the audit queue (reload, copied link) hides the classifier like the queue
    // does, and must be one of the audit's items (its label is saved with the auditId).
    opened = (await isAuditItem(auditId, opened.id)) ? { ...opened, classifierProb: null, classifier: null } : null;
  }
  const batch = await nextSnippets(datasetId, user.id, { queue, auditId: auditId ?? undefined, limit: 5, exclude: opened ? [opened.id] : [] });
  return (
    <ReviewSession
      // A new queue or a snippet opened by link starts a new session (the component keeps its own URL in
      // sync with replaceState, which does not re-render this page).
      key={`${queue}:${auditId ?? ""}:${snippetId ?? ""}`}
      dataset={{ id: dataset.id, name: dataset.name, labelsPerSnippet: dataset.labelsPerSnippet }}
      queue={queue}
      auditId={auditId}
      auditProblem={auditProblem}
      init={{ opened, batch }}
      openedFromQueue={typeof sp.queue === "string"}
      openedMissing={snippetId !== null && !opened ? snippetId : null}
    />
  );
}
