import { db } from "@/lib/db/client";
import { isUniqueViolation } from "../is-unique-violation";
import { DEFAULT_PROMPTS } from "./default-prompts";

/** Writes the built-in prompt versions that are missing; safe to call concurrently and repeatedly. */
export async function ensureDefaultPrompts(): Promise<void> {
  for (const p of DEFAULT_PROMPTS) {
    const existing = await db().prompt.findUnique({ where: { task_version: { task: p.task, version: p.version } }, select: { id: true } });
    if (existing) continue;
    try {
      await db().prompt.create({ data: { ...p } });
    } catch (e) {
      // A concurrent first call inserted it (a unique violation is only reported once that insert committed).
      if (!isUniqueViolation(e)) throw e;
    }
  }
}
