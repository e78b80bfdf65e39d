import { db } from "@/lib/db/client";
import { badRequest, notFound } from "@/lib/http/errors";

/** The audit an "audit" queue request names: it must exist and cover the dataset of the request. */
export async function getReviewAudit(auditId: number | undefined, datasetId: number): Promise<{ id: number; datasetId: number | null }> {
  if (auditId === undefined) throw badRequest("the audit queue needs an auditId");
  const [audit] = await db().$queryRaw<{ id: number | bigint; datasetId: number | bigint | null }[]>`SELECT id, "datasetId" FROM audit WHERE id = ${auditId}`;
  if (!audit) throw notFound(`audit ${auditId} not found`);
  if (audit.datasetId !== null && Number(audit.datasetId) !== datasetId) throw badRequest(`audit ${auditId} belongs to dataset ${audit.datasetId}, not ${datasetId}`);
  return { id: Number(audit.id), datasetId: audit.datasetId === null ? null : Number(audit.datasetId) };
}

/** Whether a snippet is one of the audit's items (a snippet opened by link in the audit queue must be). */
export async function isAuditItem(auditId: number, snippetId: number): Promise<boolean> {
  const rows = await db().$queryRaw<{ n: number | bigint }[]>`SELECT 1 AS n FROM audit_item WHERE "auditId" = ${auditId} AND "snippetId" = ${snippetId}`;
  return rows.length > 0;
}
