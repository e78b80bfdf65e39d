import { Prisma } from "@syllabus/prisma-sqlite";
import { db } from "@/lib/db/client";
import { highlightCode } from "@/lib/highlight/highlight-code";
import { getReviewClassifier } from "./get-review-classifier";
import { toSavedLabel, type HumanLabelRow } from "./to-saved-label";
import type { MyLabel, ReviewClassifier, ReviewSnippet, SavedLabel } from "./types";

export type LoadReviewSnippetsOptions = {
  datasetId: number;
  labelsPerSnippet: number;
  userId: string;
  ids: readonly number[];
  /** false: skip syntax coloring (the html is escaped plain text). */
  highlight?: boolean;
  /** Other annotators' scores and notes are included only where they are the point (disagreements). */
  showOthers?: boolean;
  /** The active classifier when the caller already read it (undefined: read it here). */
  classifier?: ReviewClassifier | null;
  /** Audit queue: no classifier probability or model (a blind audit must not anchor the annotator). */
  blind?: boolean;
};

/**
 * Everything the review view shows for the given snippets, in the order of `ids`: metadata, highlighted
 * code, the latest LLM label, the user's own label and the other annotators' labels. Three queries for
 * any number of snippets. Ids from another dataset are dropped.
 */
export async function loadReviewSnippets(opts: LoadReviewSnippetsOptions): Promise<ReviewSnippet[]> {
  const { datasetId, userId, ids } = opts;
  if (ids.length === 0) return [];
  const idList = [...ids];
  const inIds = Prisma.join(idList);
  // Raw SQL: this runs on every refill, and raw reads cost a fraction of Prisma model queries (see
  // getReviewDataset). Both drivers type the columns (Date, boolean); integers may come back as bigint.
  const [snippets, llmLabels, humanLabels, classifier] = await Promise.all([
    db().$queryRaw<SnippetRow[]>(Prisma.sql`
      SELECT id, "datasetId", "contentHash", content, language, source, path, license, "externalId", "sizeBytes", "lineCount", "llmScore", "reviewCount", "classifierProb"
      FROM snippet WHERE id IN (${inIds}) AND "datasetId" = ${datasetId}`),
    db().$queryRaw<LlmRow[]>(Prisma.sql`
      SELECT "snippetId", score, rationale, model, "promptVersion", "isExample", "createdAt"
      FROM llm_label WHERE "snippetId" IN (${inIds}) ORDER BY "createdAt" DESC, id DESC`),
    db().$queryRaw<(HumanLabelRow & { userName: string })[]>(Prisma.sql`
      SELECT h."snippetId", h."userId", h."datasetId", h.status, h.score, h.agreed, h."llmScore", h.note, h."timeSpentMs", h.queue, h."updatedAt",
        u.name AS "userName"
      FROM human_label h JOIN "user" u ON u.id = h."userId" WHERE h."snippetId" IN (${inIds})`),
    opts.blind ? Promise.resolve(null) : opts.classifier === undefined ? getReviewClassifier() : Promise.resolve(opts.classifier),
  ]);
  const latestLlm = new Map<number, LlmRow>();
  for (const l of llmLabels) if (!latestLlm.has(Number(l.snippetId))) latestLlm.set(Number(l.snippetId), l);
  const bySnippet = new Map<number, { label: SavedLabel; userName: string }[]>();
  for (const h of humanLabels) {
    const label = toSavedLabel(h);
    bySnippet.set(label.snippetId, [...(bySnippet.get(label.snippetId) ?? []), { label, userName: h.userName }]);
  }
  const byId = new Map(snippets.map((s) => [Number(s.id), s]));

  const out: ReviewSnippet[] = [];
  for (const id of ids) {
    const s = byId.get(id);
    if (!s) continue;
    const labels = bySnippet.get(id) ?? [];
    const mine = labels.find((h) => h.label.userId === userId)?.label;
    const others = labels.filter((h) => h.label.userId !== userId);
    const llm = latestLlm.get(id);
    const code = await highlightCode({ code: s.content, language: s.language, colorize: opts.highlight !== false, cacheKey: `${id}:${s.contentHash}` });
    out.push({
      id,
      datasetId,
      language: s.language,
      source: s.source,
      path: s.path,
      license: s.license,
      externalId: s.externalId,
      sizeBytes: Number(s.sizeBytes),
      lineCount: Number(s.lineCount),
      llmScore: s.llmScore === null ? null : Number(s.llmScore),
      classifierProb: s.classifierProb === null || opts.blind ? null : Number(s.classifierProb),
      classifier,
      reviewCount: Number(s.reviewCount),
      labelsPerSnippet: opts.labelsPerSnippet,
      html: code.html,
      highlightLanguage: code.language,
      truncated: code.truncated,
      llmLabel: llm
        ? { score: Number(llm.score), rationale: llm.rationale, model: llm.model, promptVersion: llm.promptVersion, isExample: Boolean(llm.isExample), createdAt: new Date(llm.createdAt).toISOString() }
        : null,
      myLabel: mine ? toMyLabel(mine) : null,
      others: {
        labeled: others.filter((h) => h.label.status === "labeled").length,
        skipped: others.filter((h) => h.label.status === "skipped").length,
        labels: opts.showOthers ? others.map((h) => ({ name: h.userName, status: h.label.status, score: h.label.score, note: h.label.note })) : null,
      },
    });
  }
  return out;
}

function toMyLabel(l: SavedLabel): MyLabel {
  return { status: l.status, score: l.score, agreed: l.agreed, llmScore: l.llmScore, note: l.note, timeSpentMs: l.timeSpentMs, queue: l.queue, updatedAt: l.updatedAt };
}

type Int = number | bigint;
type SnippetRow = {
  id: Int; datasetId: Int; contentHash: string; content: string; language: string; source: string | null; path: string | null;
  license: string | null; externalId: string | null; sizeBytes: Int; lineCount: Int; llmScore: Int | null; reviewCount: Int;
  classifierProb: number | null;
};
type LlmRow = { snippetId: Int; score: Int; rationale: string; model: string; promptVersion: string; isExample: boolean | number; createdAt: Date | string };
