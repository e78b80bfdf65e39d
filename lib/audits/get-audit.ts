import { db } from "@/lib/db/client";
import { notFound } from "@/lib/http/errors";
import { countAuditItems } from "./count-audit-items";
import { AUDIT_SELECT, toAuditView } from "./to-audit-view";
import type { AuditView } from "./types";

/** One audit with its sample sizes, or a 404. */
export async function getAudit(auditId: number): Promise<AuditView> {
  const audit = await db().audit.findUnique({ where: { id: auditId }, select: AUDIT_SELECT });
  if (!audit) throw notFound(`audit ${auditId} not found`);
  const counts = await countAuditItems([audit.id]);
  return toAuditView(audit, counts.get(audit.id)!);
}
