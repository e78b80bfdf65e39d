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

/**
 * The prompt tasks and the placeholders each one's template may use (and must use). edu-score renders a
 * snippet; textbook and exercise render the constraints of one generation item (lib/synthetic).
 */
export const PROMPT_TASKS = {
  "edu-score": { label: "Educational score", placeholders: ["language", "path", "code"], required: ["code"] },
  textbook: { label: "Textbook section", placeholders: ["topic", "audience"], required: ["topic"] },
  exercise: { label: "Exercise", placeholders: ["topic", "audience", "function_name"], required: ["topic", "function_name"] },
} as const satisfies Record<string, { label: string; placeholders: readonly string[]; required: readonly string[] }>;
export type PromptTask = keyof typeof PROMPT_TASKS;
export const PROMPT_TASK_NAMES = Object.keys(PROMPT_TASKS) as PromptTask[];
export const ZPromptTask = z.enum(PROMPT_TASK_NAMES as [PromptTask, ...PromptTask[]], { message: `task must be one of ${PROMPT_TASK_NAMES.join(", ")}` });

/** What is wrong with a template for a task (empty when nothing). */
export function templateProblems(task: PromptTask, template: string): string[] {
  const spec = PROMPT_TASKS[task];
  const problems: string[] = [];
  const list = (names: readonly string[]) => names.map((n) => `{{${n}}}`).join(", ");
  for (const name of spec.required) {
    if (!new RegExp(`\\{\\{\\s*${name}\\s*\\}\\}`).test(template)) problems.push(`template must contain {{${name}}}`);
  }
  const unknown = [...template.matchAll(/\{\{\s*([^}]*?)\s*\}\}/g)].map((m) => m[1]).filter((n) => !(spec.placeholders as readonly string[]).includes(n));
  if (unknown.length) problems.push(`template: only ${list(spec.placeholders)} are placeholders${task === "edu-score" ? "" : ` for ${task} prompts`} (found {{${unknown[0]}}})`);
  return problems;
}

/** A template as the edu-score task accepts it (the labeling prompt). */
export const ZPromptTemplate = z
  .string()
  .min(1, "template is required")
  .max(20_000, "template: at most 20,000 characters")
  .refine((t) => /\{\{\s*code\s*\}\}/.test(t), "template must contain {{code}}")
  .refine((t) => [...t.matchAll(/\{\{\s*([^}]*?)\s*\}\}/g)].every((m) => ["language", "path", "code"].includes(m[1])), "template: only {{language}}, {{path}} and {{code}} are placeholders");

export const ZCreatePromptVersion = z
  .object({
    task: ZPromptTask.default("edu-score"),
    version: ZPromptVersionName,
    system: z.string().trim().min(1, "system message is required").max(20_000, "system message: at most 20,000 characters"),
    template: z.string().min(1, "template is required").max(20_000, "template: at most 20,000 characters"),
    maxCodeChars: z.number().int().min(200, "max code characters: at least 200").max(200_000, "max code characters: at most 200,000").default(6000),
    notes: z.string().trim().max(2000).default(""),
    makeDefault: z.boolean().default(false),
  })
  .superRefine((v, ctx) => {
    for (const message of templateProblems(v.task, v.template)) ctx.addIssue({ code: "custom", path: ["template"], message });
  });
export type TCreatePromptVersion = z.input<typeof ZCreatePromptVersion>;
