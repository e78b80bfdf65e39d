import { z } from "zod";
import { db } from "@/lib/db/client";
import { badRequest, notFound } from "@/lib/http/errors";
import { countChatTokens, countTokens } from "../count-tokens";
import type { ScoreInput } from "../types";
import { templateProblems, ZPromptTask, type PromptTask } from "./create-prompt-version.types";
import { getPrompt } from "./get-prompt";
import { renderGenerationPrompt, SAMPLE_CONSTRAINTS, type GenerationConstraints } from "./render-generation-prompt";
import { renderPrompt } from "./render-prompt";

/**
 * What to render: a saved version (`promptId`) or an unsaved draft (of `task`, default edu-score). An
 * edu-score prompt renders on a snippet (`snippetId`), pasted code, or, with neither, the first snippet of the
 * first dataset; a textbook or exercise prompt renders on `constraints` (default: a sample topic, audience
 * and function name).
 */
export const ZPreviewPrompt = z
  .object({
    promptId: z.number().int().positive().optional(),
    draft: z
      .object({
        task: ZPromptTask.default("edu-score"),
        system: z.string().max(20_000),
        template: z.string().min(1, "template is required").max(20_000),
        maxCodeChars: z.number().int().min(200).max(200_000),
      })
      .superRefine((d, ctx) => {
        for (const message of templateProblems(d.task, d.template)) ctx.addIssue({ code: "custom", path: ["template"], message });
      })
      .optional(),
    snippetId: z.number().int().positive().optional(),
    code: z.string().min(1).max(1_000_000).optional(),
    language: z.string().trim().max(40).optional(),
    path: z.string().trim().max(1000).optional(),
    constraints: z
      .object({
        topic: z.string().trim().min(1).max(200),
        audience: z.string().trim().max(200).optional(),
        functionName: z.string().trim().max(100).optional(),
      })
      .optional(),
  })
  .refine((b) => (b.promptId === undefined) !== (b.draft === undefined), { message: "send either promptId or draft" })
  .refine((b) => !(b.snippetId !== undefined && b.code !== undefined), { message: "send either snippetId or code, not both" });
export type TPreviewPrompt = z.input<typeof ZPreviewPrompt>;

export type PromptPreview = {
  messages: { role: "system" | "user"; content: string }[];
  tokens: { system: number; user: number; total: number };
  truncated: boolean;
  /** The snippet an edu-score prompt was rendered on; null for textbook/exercise prompts. */
  snippet: { id: number | null; datasetName: string | null; path: string | null; language: string; chars: number } | null;
  /** The constraints a textbook/exercise prompt was rendered with; null for edu-score. */
  constraints: GenerationConstraints | null;
};

export async function previewPrompt(input: TPreviewPrompt): Promise<PromptPreview> {
  const body = ZPreviewPrompt.parse(input);
  const prompt = body.draft ?? (await getPrompt({ id: body.promptId! }));
  const task = prompt.task as PromptTask;
  if (task === "textbook" || task === "exercise") {
    const constraints = { ...SAMPLE_CONSTRAINTS, ...body.constraints };
    return finish(renderGenerationPrompt(prompt, constraints), false, null, constraints);
  }
  const { snippet, source } = await pickSnippet(body);
  const rendered = renderPrompt(prompt, snippet);
  return finish(rendered, rendered.truncated, { ...source, path: snippet.path, language: snippet.language, chars: snippet.content.length }, null);
}

function finish(rendered: { system: string; user: string }, truncated: boolean, snippet: PromptPreview["snippet"], constraints: GenerationConstraints | null): PromptPreview {
  const messages = [
    { role: "system" as const, content: rendered.system },
    { role: "user" as const, content: rendered.user },
  ];
  const system = countTokens(rendered.system);
  const user = countTokens(rendered.user);
  return { messages, tokens: { system, user, total: countChatTokens(messages) }, truncated, snippet, constraints };
}

async function pickSnippet(body: z.infer<typeof ZPreviewPrompt>): Promise<{ snippet: ScoreInput; source: { id: number | null; datasetName: string | null } }> {
  if (body.code !== undefined) return { snippet: { content: body.code, language: body.language || "unknown", path: body.path || null }, source: { id: null, datasetName: null } };
  const select = { id: true, content: true, language: true, path: true, dataset: { select: { name: true } } } as const;
  const row =
    body.snippetId !== undefined
      ? await db().snippet.findUnique({ where: { id: body.snippetId }, select })
      : await db().snippet.findFirst({ where: { datasetId: (await db().dataset.findFirst({ orderBy: { id: "asc" }, select: { id: true } }))?.id ?? -1 }, orderBy: { id: "asc" }, select });
  if (!row) {
    if (body.snippetId !== undefined) throw notFound(`no snippet with id ${body.snippetId}`);
    throw badRequest("no snippet to preview on: import a dataset first, or paste some code");
  }
  return { snippet: { content: row.content, language: row.language, path: row.path }, source: { id: row.id, datasetName: row.dataset.name } };
}
