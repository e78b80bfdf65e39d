/**
 * GET /api/prompts?task=edu-score|textbook|exercise — every version of a task's prompt, newest first (role: viewer).
 *   200 { prompts: PromptView[] } (each with isDefault, builtin)
 *
 * POST /api/prompts — save a new version; versions are immutable, so editing is creating (role: admin).
 *   body { task?: edu-score|textbook|exercise, version: [A-Za-z0-9._-]{1,40}, system, template, maxCodeChars?, notes?, makeDefault? }
 *   template placeholders: edu-score {{language}} {{path}} {{code}} (code required); textbook {{topic}} (required)
 *   {{audience}}; exercise {{topic}} {{function_name}} (both required) {{audience}}.
 *   200 { prompt } · 400 · 403 · 409 (version name taken)
 */
import { z } from "zod";
import { createPromptVersion } from "@/lib/llm/prompts/create-prompt-version";
import { ZCreatePromptVersion, ZPromptTask } from "@/lib/llm/prompts/create-prompt-version.types";
import { listPrompts } from "@/lib/llm/prompts/list-prompts";
import { route } from "@/lib/http/route";

export const GET = route({ query: z.object({ task: ZPromptTask.default("edu-score") }) }, async ({ query }) => ({
  prompts: await listPrompts({ task: query.task }),
}));

export const POST = route({ role: "admin", body: ZCreatePromptVersion }, async ({ body, user }) => ({
  prompt: await createPromptVersion({ input: body, userId: user.id }),
}));
