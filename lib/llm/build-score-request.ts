import type { ChatCompletionCreateParamsNonStreaming } from "openai/resources/chat/completions";
import { renderPrompt } from "./prompts/render-prompt";
import type { PromptVersion, ScoreInput } from "./types";

/**
 * The JSON schema of a score reply. Rationale comes first on purpose: the model writes its reasoning
 * before committing to a number.
 */
export const SCORE_RESPONSE_FORMAT = {
  type: "json_schema",
  json_schema: {
    name: "edu_score",
    strict: true,
    schema: {
      type: "object",
      properties: {
        rationale: { type: "string", description: "Short justification of the score" },
        score: { type: "integer", minimum: 0, maximum: 5, description: "Points awarded, 0 to 5" },
      },
      required: ["rationale", "score"],
      additionalProperties: false,
    },
  },
} as const;

// Reasoning models (o1, o3, o4-mini…, gpt-5) reject any temperature but the default.
const fixedTemperature = (model: string) => /^(o\d|gpt-5)/i.test(model);

/** One scoring request, identical for the live path and the Batch API's JSONL lines. */
export function buildScoreRequest({ model, prompt, snippet, structured = true }: { model: string; prompt: PromptVersion; snippet: ScoreInput; structured?: boolean }): ChatCompletionCreateParamsNonStreaming {
  const { system, user } = renderPrompt(prompt, snippet);
  return {
    model,
    messages: [
      { role: "system", content: system },
      { role: "user", content: user },
    ],
    ...(fixedTemperature(model) ? {} : { temperature: 0 }),
    ...(structured ? { response_format: SCORE_RESPONSE_FORMAT } : {}),
  };
}
