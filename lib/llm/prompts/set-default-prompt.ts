import { db, type Tx } from "@/lib/db/client";
import { notFound } from "@/lib/http/errors";
import { defaultPromptKey } from "../setting-keys";

/** Makes a prompt version the default of its task (what new campaigns preselect). */
export async function setDefaultPrompt({ promptId, userId, tx }: { promptId: number; userId?: string | null; tx?: Tx }) {
  const client = tx ?? db();
  const row = Number.isSafeInteger(promptId) ? await client.prompt.findUnique({ where: { id: promptId } }) : null;
  if (!row) throw notFound(`no prompt with id ${promptId}`);
  const key = defaultPromptKey(row.task);
  await client.setting.upsert({ where: { key }, create: { key, value: row.version, updatedById: userId ?? null }, update: { value: row.version, updatedById: userId ?? null } });
  return { task: row.task, version: row.version };
}
