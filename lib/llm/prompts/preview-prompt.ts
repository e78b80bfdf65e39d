import { z } from "zod";
import { db } from "@/lib/db/client";
import { badRequest, notFound } from "@/lib/http/errors";
import { countChatTokens, countTokens } from "../count-tokens";
import type { ScoreInput } from "../types";
import { ZPromptTemplate } from "./create-prompt-version.types";
import { getPrompt } from "./get-prompt";
import { renderPrompt } from "./render-prompt";

/**
 * What to render: a saved version (`promptId`) or an unsaved draft, on a snippet (`snippetId`), pasted
 * code, or, with neither, the first snippet of the first dataset.
 */
export const ZPreviewPrompt = z
  .object({
    promptId: z.number().int().positive().optional(),
    draft: z
      .object({
        system: z.string().max(20_000),
        template: ZPromptTemplate,
        maxCodeChars: z.number().int().min(200).max(200_000),
      })
      .optional(),
    snippetId: z.number().int().positive().optional(),
    code: z.string().min(1).max(1_000_000).optional(),
    language: z.string().trim().max(40).optional(),
    path: z.string().trim().max(1000).optional(),
  })
  .refine((b) => (b.promptId === undefined) !== (b.draft === undefined), { message: "send either promptId or draft" })
  .refine((b) => !(b.snippetId !== undefined && b.code !== undefined), { message: "send either snippetId or code, not both" });
export type TPreviewPrompt = z.input<typeof ZPreviewPrompt>;

export type PromptPreview = {
  messages: { role: "system" | "user"; content: string }[];
  tokens: { system: number; user: number; total: number };
  truncated: boolean;
  snippet: { id: number | null; datasetName: string | null; path: string | null; language: string; chars: number };
};

export async function previewPrompt(input: TPreviewPrompt): Promise<PromptPreview> {
  const body = ZPreviewPrompt.parse(input);
  const prompt = body.draft ?? (await getPrompt({ id: body.promptId! }));
  const { snippet, source } = await pickSnippet(body);
  const rendered = renderPrompt(prompt, snippet);
  const messages = [
    { role: "system" as const, content: rendered.system },
    { role: "user" as const, content: rendered.user },
  ];
  const system = countTokens(rendered.system);
  const user = countTokens(rendered.user);
  return {
    messages,
    tokens: { system, user, total: countChatTokens(messages) },
    truncated: rendered.truncated,
    snippet: { ...source, path: snippet.path, language: snippet.language, chars: snippet.content.length },
  };
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
