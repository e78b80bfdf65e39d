import { db } from "@/lib/db/client";
import type { ActiveModel } from "./types";

/** The model whose probabilities are the snippets' classifierProb, or null before any model was activated. */
export async function getActiveModel(): Promise<ActiveModel | null> {
  const m = await db().classifierModel.findFirst({ where: { active: true }, select: { id: true, version: true, cut: true, threshold: true } });
  return m;
}
