import { db } from "@/lib/db/client";
import { HttpError } from "@/lib/http/errors";
import { isUniqueViolation } from "../is-unique-violation";
import { ZCreatePromptVersion, type TCreatePromptVersion } from "./create-prompt-version.types";
import { ensureDefaultPrompts } from "./ensure-default-prompts";
import { getPrompt } from "./get-prompt";
import { setDefaultPrompt } from "./set-default-prompt";

/**
 * Saves a new, immutable prompt version ("editing" a prompt is this). Labels record the version name, so a
 * name is never reused: a taken name is a 409.
 */
export async function createPromptVersion({ input, userId }: { input: TCreatePromptVersion; userId?: string | null }) {
  const data = ZCreatePromptVersion.parse(input);
  await ensureDefaultPrompts();
  const { makeDefault, ...fields } = data;
  const taken = () => new HttpError(409, `prompt version "${data.version}" already exists for ${data.task}; pick another name`);
  if (await db().prompt.findUnique({ where: { task_version: { task: data.task, version: data.version } }, select: { id: true } })) throw taken();
  try {
    const id = await db().$transaction(async (tx) => {
      const row = await tx.prompt.create({ data: { ...fields, createdById: userId ?? null } });
      if (makeDefault) await setDefaultPrompt({ promptId: row.id, userId, tx });
      return row.id;
    });
    return getPrompt({ id });
  } catch (e) {
    if (isUniqueViolation(e)) throw taken();
    throw e;
  }
}
