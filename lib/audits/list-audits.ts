import { z } from "zod";
import { db } from "@/lib/db/client";
import { countAuditItems } from "./count-audit-items";
import { AUDIT_SELECT, toAuditView } from "./to-audit-view";
import type { AuditView } from "./types";

export const ZListAudits = z.object({
  /** Audits of this dataset (audits over every dataset are not included). */
  datasetId: z.coerce.number().int().positive().optional(),
  modelId: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type TListAudits = z.input<typeof ZListAudits>;

/** Audits, newest first. */
export async function listAudits(input: TListAudits = {}): Promise<AuditView[]> {
  const { datasetId, modelId, limit } = ZListAudits.parse(input);
  const audits = await db().audit.findMany({ where: { datasetId, modelId }, orderBy: { id: "desc" }, take: limit, select: AUDIT_SELECT });
  const counts = await countAuditItems(audits.map((a) => a.id));
  return audits.map((a) => toAuditView(a, counts.get(a.id)!));
}
