import { db } from "@/lib/db/client";
import { notFound } from "@/lib/http/errors";
import type { DashboardModel } from "./types";

/** The model a panel is about: `modelId` when given (404 if unknown), else the active model, else null. */
export async function resolveDashboardModel(modelId?: number): Promise<DashboardModel | null> {
  const select = { id: true, version: true, active: true, cut: true, threshold: true } as const;
  if (modelId !== undefined) {
    const m = await db().classifierModel.findUnique({ where: { id: modelId }, select });
    if (!m) throw notFound(`no model with id ${modelId}`);
    return m;
  }
  return db().classifierModel.findFirst({ where: { active: true }, select });
}
