import { db, type Tx } from "@/lib/db/client";
import { countLines } from "@/lib/corpus/map-record";
import { hashContent } from "@/lib/corpus/hash-content";
import { costOf } from "@/lib/llm/pricing/cost-of";
import type { getPrice } from "@/lib/llm/pricing/get-price";
import { composeContent, type SyntheticKind, type SyntheticParts } from "./compose-content";
import type { GenerationOutcome } from "./generate-item";

export type GenerationResult = {
  itemId: number;
  position: number;
  kind: SyntheticKind;
  topic: string;
  audience: string | null;
  functionName: string | null;
  outcome: GenerationOutcome;
};

export type RecordCampaign = { id: number; datasetId: number; model: string };
export type RecordedGeneration = "generated" | "failed";

/** How a generated item is stored as a snippet: the language its content is highlighted and executed as. */
export const SNIPPET_LANGUAGE: Record<SyntheticKind, string> = { textbook: "markdown", exercise: "python" };

/**
 * Writes generation results, each exactly once, in one transaction (group commit: the runner passes every
 * reply that arrived while the previous write was committing):
 * - the item leaves `pending` by a conditional update (an item another run already recorded is skipped and
 *   gets null);
 * - a success becomes a Snippet (content from composeContent, sha256 contentHash as the importer computes it,
 *   language python or markdown) + SyntheticItem (constraints, parts, campaign, review pending) +
 *   SyntheticEdit version 1, and the dataset's snippetCount grows; a reply whose content equals a snippet the
 *   dataset already has links the item to that snippet instead (status generated, nothing duplicated);
 * - the item's tokens, cost and attempts grow by this attempt's (a retried item adds to what its failed
 *   attempt used) and the campaign's counters by the sums, so campaign totals always equal the items' sums.
 */
export async function recordGenerationResults(campaign: RecordCampaign, price: Awaited<ReturnType<typeof getPrice>>, results: readonly GenerationResult[]): Promise<(RecordedGeneration | null)[]> {
  if (results.length === 0) return [];
  return db().$transaction(
    async (tx) => {
      const statuses: (RecordedGeneration | null)[] = [];
      const t = { generated: 0, failed: 0, requests: 0, retries: 0, inputTokens: 0, outputTokens: 0, costUsd: 0, snippets: 0 };
      for (const r of results) {
        const status = await applyOne(tx, campaign, price, r);
        statuses.push(status?.status ?? null);
        if (!status) continue;
        t[status.status]++;
        t.requests += r.outcome.requests;
        t.retries += Math.max(0, r.outcome.requests - 1);
        t.inputTokens += r.outcome.usage.inputTokens;
        t.outputTokens += r.outcome.usage.outputTokens;
        t.costUsd += status.cost;
        if (status.created) t.snippets++;
      }
      if (t.generated + t.failed > 0) {
        await tx.generationCampaign.update({
          where: { id: campaign.id },
          data: {
            generated: { increment: t.generated },
            failed: { increment: t.failed },
            requests: { increment: t.requests },
            retries: { increment: t.retries },
            inputTokens: { increment: BigInt(t.inputTokens) },
            outputTokens: { increment: BigInt(t.outputTokens) },
            costUsd: { increment: t.costUsd },
          },
        });
      }
      if (t.snippets > 0) await tx.dataset.update({ where: { id: campaign.datasetId }, data: { snippetCount: { increment: t.snippets } } });
      return statuses;
    },
    { maxWait: 30_000, timeout: 60_000 },
  );
}

async function applyOne(tx: Tx, campaign: RecordCampaign, price: Awaited<ReturnType<typeof getPrice>>, r: GenerationResult): Promise<{ status: RecordedGeneration; cost: number; created: boolean } | null> {
  const { outcome } = r;
  const cost = costOf(price, outcome.usage);
  let content: string | null = null;
  let failure: string | null = outcome.ok ? null : outcome.error;
  if (outcome.ok) {
    try {
      content = composeContent(r.kind, outcome.parts);
    } catch (e) {
      failure = `unusable reply: ${(e as Error).message}`;
    }
  }
  const status: RecordedGeneration = content !== null ? "generated" : "failed";
  const claimed = await tx.generationItem.updateMany({
    where: { id: r.itemId, campaignId: campaign.id, status: "pending" },
    data: { status, error: failure, rawReply: outcome.ok ? null : outcome.rawReply, attempts: { increment: outcome.requests }, latencyMs: outcome.latencyMs },
  });
  if (claimed.count === 0) return null;
  const prev = await tx.generationItem.findUniqueOrThrow({ where: { id: r.itemId }, select: { inputTokens: true, outputTokens: true, costUsd: true } });
  let snippetId: number | null = null;
  let created = false;
  if (content !== null && outcome.ok) ({ snippetId, created } = await storeSnippet(tx, campaign, r, outcome.parts, content));
  await tx.generationItem.update({
    where: { id: r.itemId },
    data: {
      inputTokens: (prev.inputTokens ?? 0) + outcome.usage.inputTokens,
      outputTokens: (prev.outputTokens ?? 0) + outcome.usage.outputTokens,
      costUsd: (prev.costUsd ?? 0) + cost,
      snippetId,
    },
  });
  return { status, cost, created };
}

async function storeSnippet(tx: Tx, campaign: RecordCampaign, r: GenerationResult, parts: SyntheticParts, content: string): Promise<{ snippetId: number; created: boolean }> {
  const contentHash = hashContent(content);
  const existing = await tx.snippet.findUnique({ where: { datasetId_contentHash: { datasetId: campaign.datasetId, contentHash } }, select: { id: true } });
  if (existing) return { snippetId: existing.id, created: false };
  const snippet = await tx.snippet.create({
    data: {
      datasetId: campaign.datasetId,
      contentHash,
      content,
      language: SNIPPET_LANGUAGE[r.kind],
      source: campaign.model,
      path: r.kind === "exercise" && r.functionName ? `${r.functionName}.py` : null,
      externalId: `gen-${campaign.id}-${r.position + 1}`,
      sizeBytes: Buffer.byteLength(content, "utf8"),
      lineCount: countLines(content),
      meta: JSON.stringify({ campaignId: campaign.id, position: r.position, model: campaign.model }),
    },
    select: { id: true },
  });
  await tx.syntheticItem.create({
    data: {
      snippetId: snippet.id,
      datasetId: campaign.datasetId,
      campaignId: campaign.id,
      kind: r.kind,
      topic: r.topic,
      audience: r.audience,
      functionName: r.functionName,
      title: parts.title ?? null,
      prompt: parts.prompt ?? null,
      solution: parts.solution ?? null,
      tests: parts.tests ?? null,
    },
  });
  await tx.syntheticEdit.create({ data: { snippetId: snippet.id, version: 1, content: editContent(parts) } });
  return { snippetId: snippet.id, created: true };
}

/** A SyntheticEdit's content: the parts as JSON, null parts left out. */
export function editContent(parts: SyntheticParts): string {
  const out: Record<string, string> = {};
  for (const key of ["title", "text", "prompt", "solution", "tests"] as const) if (parts[key] != null) out[key] = parts[key]!;
  return JSON.stringify(out);
}
