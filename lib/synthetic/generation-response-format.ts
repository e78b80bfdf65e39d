import type { SyntheticKind } from "./compose-content";

/**
 * The JSON schema of a reply per kind, sent as structured output (`response_format`). The schema names are
 * what a server (our fake one included) can recognise a generation request by.
 */
export const GENERATION_SCHEMA_NAMES: Record<SyntheticKind, string> = { textbook: "synthetic_textbook", exercise: "synthetic_exercise" };

const TEXTBOOK_SCHEMA = {
  type: "object",
  properties: {
    title: { type: "string", description: "A specific title for the section" },
    text: { type: "string", description: "The section body in Markdown, with fenced ```python code blocks, without the title" },
  },
  required: ["title", "text"],
  additionalProperties: false,
} as const;

const EXERCISE_SCHEMA = {
  type: "object",
  properties: {
    prompt: { type: "string", description: "Imports, the def line and the docstring with doctest examples" },
    solution: { type: "string", description: "The indented body that completes the function (no def line)" },
    tests: { type: "string", description: "assert statements that check the function" },
  },
  required: ["prompt", "solution", "tests"],
  additionalProperties: false,
} as const;

export function generationResponseFormat(kind: SyntheticKind) {
  return {
    type: "json_schema" as const,
    json_schema: { name: GENERATION_SCHEMA_NAMES[kind], strict: true, schema: kind === "textbook" ? TEXTBOOK_SCHEMA : EXERCISE_SCHEMA },
  };
}
