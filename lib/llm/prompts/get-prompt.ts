import { db } from "@/lib/db/client";
import { notFound } from "@/lib/http/errors";
import { DEFAULT_PROMPTS } from "./default-prompts";
import { getDefaultPrompt } from "./get-default-prompt";
import { toPromptView, type PromptView } from "./prompt-view";

/** One prompt version by id, for the API. */
export async function getPrompt({ id }: { id: number }): Promise<PromptView> {
  const row = Number.isSafeInteger(id) ? await db().prompt.findUnique({ where: { id } }) : null;
  if (!row) throw notFound(`no prompt with id ${id}`);
  const byDefault = await getDefaultPrompt(row.task);
  const user = row.createdById ? await db().user.findUnique({ where: { id: row.createdById }, select: { id: true, email: true } }) : null;
  return toPromptView(row, {
    defaultVersion: byDefault.version,
    builtin: DEFAULT_PROMPTS.some((p) => p.task === row.task && p.version === row.version),
    emails: new Map(user ? [[user.id, user.email]] : []),
  });
}
