import { db } from "@/lib/db/client";
import { notFound } from "@/lib/http/errors";
import type { VersionSummary } from "./types";

/**
 * Every version of an item, newest first, with who made it and when (version 1 is the generated or imported
 * original and has no editor). An item that was never edited and has no recorded first version lists its
 * current version alone.
 */
export async function listItemHistory(snippetId: number): Promise<VersionSummary[]> {
  const item = await db().syntheticItem.findUnique({ where: { snippetId }, select: { version: true, updatedAt: true } });
  if (!item) throw notFound(`snippet ${snippetId} is not a synthetic item`);
  const edits = await db().syntheticEdit.findMany({ where: { snippetId }, orderBy: { version: "desc" }, select: { version: true, editedById: true, createdAt: true } });
  const ids = [...new Set(edits.flatMap((e) => (e.editedById ? [e.editedById] : [])))];
  const users = ids.length ? await db().user.findMany({ where: { id: { in: ids } }, select: { id: true, name: true, email: true } }) : [];
  const byId = new Map(users.map((u) => [u.id, u]));
  const list: VersionSummary[] = edits.map((e) => ({
    version: e.version,
    editedBy: e.editedById ? (byId.get(e.editedById) ?? { id: e.editedById, name: "deleted user", email: "" }) : null,
    createdAt: e.createdAt.toISOString(),
    current: e.version === item.version,
  }));
  if (!list.some((v) => v.current)) list.unshift({ version: item.version, editedBy: null, createdAt: item.updatedAt.toISOString(), current: true });
  return list;
}
