import { db } from "@/lib/db/client";
import type { SyntheticKind } from "@/lib/synthetic/compose-content";
import type { SandboxStatus } from "@/lib/sandbox/types";
import { highlightParts } from "./highlight-parts";
import { itemParts } from "./item-parts";
import type { DecisionView, ReasonCode, ReviewDecision, ReviewItem, ReviewStatus, UserRef } from "./types";

/** Loads synthetic items as review views, in the order of `snippetIds` (unknown ids are left out). */
export async function loadReviewItems(snippetIds: number[], userId: string): Promise<ReviewItem[]> {
  if (!snippetIds.length) return [];
  const items = await db().syntheticItem.findMany({
    where: { snippetId: { in: snippetIds } },
    include: {
      snippet: { select: { content: true, sizeBytes: true, lineCount: true, contaminated: true, nearDupOf: true, dataset: { select: { name: true } } } },
      campaign: { select: { id: true, name: true } },
    },
  });
  if (!items.length) return [];
  const ids = items.map((i) => i.snippetId);
  const dupIds = [...new Set(items.flatMap((i) => (i.snippet.nearDupOf === null ? [] : [i.snippet.nearDupOf])))];
  const [edits, reviews, dups] = await Promise.all([
    db().syntheticEdit.findMany({ where: { OR: items.filter((i) => i.kind === "textbook").map((i) => ({ snippetId: i.snippetId, version: i.version })) }, select: { snippetId: true, content: true } }),
    db().syntheticReview.findMany({ where: { snippetId: { in: ids } }, orderBy: [{ updatedAt: "desc" }, { id: "desc" }] }),
    dupIds.length ? db().snippet.findMany({ where: { id: { in: dupIds } }, select: { id: true, datasetId: true, synthetic: { select: { title: true } } } }) : Promise.resolve([]),
  ]);
  const userIds = [...new Set([...reviews.map((r) => r.userId), ...items.flatMap((i) => (i.reviewedById ? [i.reviewedById] : []))])];
  const users = userIds.length ? await db().user.findMany({ where: { id: { in: userIds } }, select: { id: true, name: true, email: true } }) : [];
  const userById = new Map<string, UserRef>(users.map((u) => [u.id, u]));
  const userRef = (id: string): UserRef => userById.get(id) ?? { id, name: "deleted user", email: "" };
  const editBy = new Map(edits.map((e) => [e.snippetId, e.content]));
  const dupById = new Map(dups.map((d) => [d.id, d]));
  const decisionsBy = new Map<number, DecisionView[]>();
  for (const r of reviews) {
    const list = decisionsBy.get(r.snippetId) ?? [];
    list.push({ user: userRef(r.userId), decision: r.decision as ReviewDecision, reasonCode: (r.reasonCode as ReasonCode | null) ?? null, note: r.note, version: r.version, updatedAt: r.updatedAt.toISOString() });
    decisionsBy.set(r.snippetId, list);
  }

  const views = await Promise.all(
    items.map(async (i): Promise<ReviewItem> => {
      const kind = i.kind as SyntheticKind;
      const parts = itemParts(i, i.snippet.content, editBy.get(i.snippetId) ?? null);
      const { blocks, html } = await highlightParts(kind, parts, `syn:${i.snippetId}:v${i.version}`);
      const decisions = decisionsBy.get(i.snippetId) ?? [];
      const dup = i.snippet.nearDupOf === null ? null : dupById.get(i.snippet.nearDupOf);
      return {
        snippetId: i.snippetId,
        datasetId: i.datasetId,
        datasetName: i.snippet.dataset.name,
        kind,
        title: i.title,
        topic: i.topic,
        audience: i.audience,
        functionName: i.functionName,
        campaign: i.campaign ? { id: i.campaign.id, name: i.campaign.name } : null,
        version: i.version,
        parts,
        blocks,
        html,
        review: {
          status: i.reviewStatus as ReviewStatus,
          reasonCode: (i.reasonCode as ReasonCode | null) ?? null,
          note: i.reviewNote,
          by: i.reviewedById ? userRef(i.reviewedById) : null,
          at: i.reviewedAt?.toISOString() ?? null,
        },
        mine: decisions.find((d) => d.user.id === userId) ?? null,
        decisions,
        exec: {
          status: (i.execStatus as SandboxStatus | null) ?? null,
          output: i.execOutput,
          ms: i.execMs,
          at: i.execAt?.toISOString() ?? null,
          version: i.execVersion,
          stale: i.execAt !== null && i.execVersion !== i.version,
        },
        contaminated: i.snippet.contaminated,
        nearDupOf: i.snippet.nearDupOf === null ? null : { snippetId: i.snippet.nearDupOf, datasetId: dup?.datasetId ?? null, title: dup?.synthetic?.title ?? null },
        sizeBytes: i.snippet.sizeBytes,
        lineCount: i.snippet.lineCount,
      };
    }),
  );
  const order = new Map(snippetIds.map((id, n) => [id, n]));
  return views.sort((a, b) => order.get(a.snippetId)! - order.get(b.snippetId)!);
}
