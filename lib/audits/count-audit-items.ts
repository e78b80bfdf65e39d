import { db } from "@/lib/db/client";

/** Items per audit and side, for the given audits (one GROUP BY on the (auditId, side, position) index). */
export async function countAuditItems(auditIds: number[]): Promise<Map<number, { kept: number; rejected: number }>> {
  const out = new Map(auditIds.map((id) => [id, { kept: 0, rejected: 0 }]));
  if (auditIds.length === 0) return out;
  const groups = await db().auditItem.groupBy({ by: ["auditId", "side"], where: { auditId: { in: auditIds } }, _count: { _all: true } });
  for (const g of groups) {
    const entry = out.get(g.auditId)!;
    if (g.side === "kept") entry.kept = g._count._all;
    else entry.rejected = g._count._all;
  }
  return out;
}
