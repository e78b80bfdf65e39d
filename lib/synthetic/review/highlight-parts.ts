import { highlightCode } from "@/lib/highlight/highlight-code";
import type { SyntheticKind, SyntheticParts } from "@/lib/synthetic/compose-content";
import { extractCodeBlocks } from "@/lib/synthetic/execute/extract-code-blocks";
import type { HighlightedBlock, ReviewItem } from "./types";

/**
 * Server-side highlighting of an item's code: a textbook section's fenced blocks (the page renders the
 * markdown with react-markdown and swaps these in by their text), an exercise's prompt, solution and tests.
 * `cacheKey` (snippet and version) lets the highlighter's LRU serve repeat views.
 */
export async function highlightParts(kind: SyntheticKind, parts: SyntheticParts, cacheKey: string): Promise<{ blocks: HighlightedBlock[]; html: ReviewItem["html"] }> {
  if (kind === "textbook") {
    const blocks = await Promise.all(
      extractCodeBlocks(parts.text ?? "").map(async (b) => ({ ...b, html: (await highlightCode({ code: b.code, language: b.lang || null, cacheKey: `${cacheKey}:b${b.index}` })).html })),
    );
    return { blocks, html: { prompt: null, solution: null, tests: null } };
  }
  const one = async (code: string | null | undefined, part: string) => (code ? (await highlightCode({ code, language: "python", cacheKey: `${cacheKey}:${part}` })).html : null);
  const [prompt, solution, tests] = await Promise.all([one(parts.prompt, "p"), one(parts.solution, "s"), one(parts.tests, "t")]);
  return { blocks: [], html: { prompt, solution, tests } };
}
