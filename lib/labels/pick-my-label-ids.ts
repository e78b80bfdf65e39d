import { db } from "@/lib/db/client";

/**
 * "mine" queue: the user's own labels (and skips) in the dataset, most recently changed first, for
 * revision. Paged by a keyset cursor on (updatedAt, id) instead of the exclude list: a label revised
 * during the session moves to the top and would otherwise come round again.
 * Cursor format: `<updatedAt ISO>_<label id>` of the last label returned.
 */
export async function pickMyLabelIds(opts: { datasetId: number; userId: string; exclude: readonly number[]; limit: number; cursor?: string | null }): Promise<{ ids: number[]; cursor: string | null }> {
  const { datasetId, userId, exclude, limit } = opts;
  const cursor = parseCursor(opts.cursor);
  const rows = await db().humanLabel.findMany({
    where: {
      userId,
      datasetId,
      ...(exclude.length ? { snippetId: { notIn: [...exclude] } } : {}),
      ...(cursor ? { OR: [{ updatedAt: { lt: cursor.at } }, { updatedAt: cursor.at, id: { lt: cursor.id } }] } : {}),
    },
    orderBy: [{ updatedAt: "desc" }, { id: "desc" }],
    take: limit,
    select: { id: true, snippetId: true, updatedAt: true },
  });
  const last = rows.at(-1);
  return { ids: rows.map((r) => r.snippetId), cursor: last ? `${last.updatedAt.toISOString()}_${last.id}` : (opts.cursor ?? null) };
}

function parseCursor(cursor: string | null | undefined): { at: Date; id: number } | null {
  const m = cursor?.match(/^(.+)_(\d+)$/);
  if (!m) return null;
  const at = new Date(m[1]);
  return Number.isNaN(at.getTime()) ? null : { at, id: Number(m[2]) };
}
