import { db } from "@/lib/db/client";
import { DEFAULT_PROMPTS, EDU_SCORE_TASK } from "./default-prompts";
import { getDefaultPrompt } from "./get-default-prompt";
import { toPromptView, type PromptView } from "./prompt-view";

/** Every version of a task, newest first, with the default flagged. */
export async function listPrompts({ task = EDU_SCORE_TASK }: { task?: string } = {}): Promise<PromptView[]> {
  const byDefault = await getDefaultPrompt(task).catch(() => null);
  const rows = await db().prompt.findMany({ where: { task }, orderBy: [{ createdAt: "desc" }, { id: "desc" }] });
  const userIds = [...new Set(rows.map((r) => r.createdById).filter((id): id is string => !!id))];
  const users = userIds.length ? await db().user.findMany({ where: { id: { in: userIds } }, select: { id: true, email: true } }) : [];
  const emails = new Map(users.map((u) => [u.id, u.email]));
  const builtins = new Set<string>(DEFAULT_PROMPTS.filter((p) => p.task === task).map((p) => p.version));
  return rows.map((r) => toPromptView(r, { defaultVersion: byDefault?.version ?? "", builtin: builtins.has(r.version), emails }));
}
