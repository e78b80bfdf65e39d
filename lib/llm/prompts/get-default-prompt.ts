import { db } from "@/lib/db/client";
import type { PromptVersion } from "../types";
import { defaultPromptKey } from "../setting-keys";
import { DEFAULT_PROMPT_VERSION, DEFAULT_PROMPTS } from "./default-prompts";
import { ensureDefaultPrompts } from "./ensure-default-prompts";
import { toPromptVersion } from "./to-prompt-version";

/** The task's default version: the one chosen on the Prompts page, else the built-in one. */
export async function getDefaultPrompt(task: string): Promise<PromptVersion> {
  await ensureDefaultPrompts();
  const chosen = await db().setting.findUnique({ where: { key: defaultPromptKey(task) } });
  const builtin = DEFAULT_PROMPTS.find((p) => p.task === task)?.version ?? DEFAULT_PROMPT_VERSION;
  for (const version of [chosen?.value, builtin]) {
    if (!version) continue;
    const row = await db().prompt.findUnique({ where: { task_version: { task, version } } });
    if (row) return toPromptVersion(row);
  }
  throw new Error(`no prompt versions exist for task "${task}"`);
}
