import { db } from "@/lib/db/client";
import { notFound } from "@/lib/http/errors";
import type { PromptVersion } from "../types";
import { EDU_SCORE_TASK } from "./default-prompts";
import { ensureDefaultPrompts } from "./ensure-default-prompts";
import { toPromptVersion } from "./to-prompt-version";

/** One version by name; a 404 HttpError naming it when it does not exist. */
export async function getPromptVersion({ task = EDU_SCORE_TASK, version }: { task?: string; version: string }): Promise<PromptVersion> {
  await ensureDefaultPrompts();
  const row = await db().prompt.findUnique({ where: { task_version: { task, version } } });
  if (!row) throw notFound(`no prompt version "${version}" for task ${task}`);
  return toPromptVersion(row);
}
