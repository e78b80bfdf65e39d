import { buildScoreRequest } from "@/lib/llm/build-score-request";
import type { PromptVersion, ScoreInput } from "@/lib/llm/types";

export const BATCH_ENDPOINT = "/v1/chat/completions";

export const customIdOf = (itemId: number) => `item-${itemId}`;

/** The campaign item a batch line answers, or null for an id we did not write. */
export function itemIdOf(customId: unknown): number | null {
  const m = typeof customId === "string" ? /^item-(\d+)$/.exec(customId) : null;
  return m ? Number(m[1]) : null;
}

/** One JSONL line of a batch input file: the same request the live path sends. */
export function batchRequestLine({ itemId, model, prompt, snippet }: { itemId: number; model: string; prompt: PromptVersion; snippet: ScoreInput }): string {
  return JSON.stringify({ custom_id: customIdOf(itemId), method: "POST", url: BATCH_ENDPOINT, body: buildScoreRequest({ model, prompt, snippet }) });
}
