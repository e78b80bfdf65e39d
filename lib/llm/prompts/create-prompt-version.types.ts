import { z } from "zod";

/**
 * Input of a new prompt version. Database-free so the editor form validates with the same rules as the API.
 */
export const ZPromptVersionName = z
  .string()
  .trim()
  .min(1, "version name is required")
  .max(40, "version name: at most 40 characters")
  .regex(/^[A-Za-z0-9._-]+$/, "version name: letters, digits, dot, underscore and dash only");

export const ZPromptTemplate = z
  .string()
  .min(1, "template is required")
  .max(20_000, "template: at most 20,000 characters")
  .refine((t) => /\{\{\s*code\s*\}\}/.test(t), "template must contain {{code}}")
  .refine((t) => [...t.matchAll(/\{\{\s*([^}]*?)\s*\}\}/g)].every((m) => ["language", "path", "code"].includes(m[1])), "template: only {{language}}, {{path}} and {{code}} are placeholders");

export const ZCreatePromptVersion = z.object({
  task: z.string().trim().min(1).max(40).default("edu-score"),
  version: ZPromptVersionName,
  system: z.string().trim().min(1, "system message is required").max(20_000, "system message: at most 20,000 characters"),
  template: ZPromptTemplate,
  maxCodeChars: z.number().int().min(200, "max code characters: at least 200").max(200_000, "max code characters: at most 200,000").default(6000),
  notes: z.string().trim().max(2000).default(""),
  makeDefault: z.boolean().default(false),
});
export type TCreatePromptVersion = z.input<typeof ZCreatePromptVersion>;
