import { db } from "@/lib/db/client";
import { notFound } from "@/lib/http/errors";
import type { SyntheticKind } from "@/lib/synthetic/compose-content";
import { highlightParts } from "./highlight-parts";
import { itemParts, parseEditContent } from "./item-parts";
import type { VersionDetail } from "./types";

/** One version of an item with its parts, highlighted like the current one, to view it in the history panel. */
export async function getItemVersion(snippetId: number, version: number): Promise<VersionDetail> {
  const item = await db().syntheticItem.findUnique({ where: { snippetId }, include: { snippet: { select: { content: true } } } });
  if (!item) throw notFound(`snippet ${snippetId} is not a synthetic item`);
  const edit = await db().syntheticEdit.findUnique({ where: { snippetId_version: { snippetId, version } } });
  if (!edit && version !== item.version) throw notFound(`item ${snippetId} has no version ${version} (it is at v${item.version})`);
  const kind = item.kind as SyntheticKind;
  const parts = edit && version !== item.version ? parseEditContent(edit.content) : itemParts(item, item.snippet.content, edit?.content ?? null);
  const editor = edit?.editedById ? await db().user.findUnique({ where: { id: edit.editedById }, select: { id: true, name: true, email: true } }) : null;
  const { blocks, html } = await highlightParts(kind, parts, `syn:${snippetId}:v${version}`);
  return {
    version,
    editedBy: edit?.editedById ? (editor ?? { id: edit.editedById, name: "deleted user", email: "" }) : null,
    createdAt: (edit?.createdAt ?? item.updatedAt).toISOString(),
    current: version === item.version,
    kind,
    parts,
    blocks,
    html,
  };
}
