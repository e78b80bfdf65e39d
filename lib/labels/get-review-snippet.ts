import { z } from "zod";
import { notFound } from "@/lib/http/errors";
import { getReviewDataset } from "./get-review-dataset";
import { loadReviewSnippets } from "./load-review-snippets";
import type { ReviewSnippet } from "./types";

export const ZGetReviewSnippet = z.object({
  highlight: z.union([z.boolean(), z.enum(["0", "1", "true", "false"]).transform((v) => v === "1" || v === "true")]).default(true),
  /** Include other annotators' scores and notes (the disagreements view). */
  others: z.union([z.boolean(), z.enum(["0", "1", "true", "false"]).transform((v) => v === "1" || v === "true")]).default(false),
});
export type TGetReviewSnippet = z.input<typeof ZGetReviewSnippet>;

/** One snippet of a dataset as the review view shows it (opened by link: /review/<dataset>?snippet=<id>). */
export async function getReviewSnippet(datasetId: number, snippetId: number, userId: string, input: TGetReviewSnippet = {}): Promise<ReviewSnippet> {
  const { highlight, others } = ZGetReviewSnippet.parse(input);
  const ds = await getReviewDataset(datasetId);
  const [snippet] = await loadReviewSnippets({ datasetId, labelsPerSnippet: ds.labelsPerSnippet, userId, ids: [snippetId], highlight, showOthers: others });
  if (!snippet) throw notFound(`snippet ${snippetId} not found in dataset ${datasetId}`);
  return snippet;
}
