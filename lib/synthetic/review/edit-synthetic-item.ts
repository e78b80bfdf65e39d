import { z } from "zod";
import { hashContent } from "@/lib/corpus/hash-content";
import { countLines } from "@/lib/corpus/map-record";
import { db } from "@/lib/db/client";
import { badRequest, HttpError, notFound } from "@/lib/http/errors";
import { isUniqueViolation } from "@/lib/llm/is-unique-violation";
import { composeContent, type SyntheticKind, type SyntheticParts } from "@/lib/synthetic/compose-content";
import { editContentOf, itemParts } from "./item-parts";
import { lockSyntheticItem } from "./lock-synthetic-item";

const MAX_PART = 200_000;
const part = (name: string) => z.string().max(MAX_PART, `${name} is at most ${MAX_PART.toLocaleString("en-US")} characters`).nullish();

export const ZEditSyntheticItem = z.object({
  /** The version the editor started from: an edit on a stale version is refused (409), never merged. */
  baseVersion: z.number({ message: "baseVersion (the version you edited) is required" }).int().positive(),
  parts: z.object({ title: part("title"), text: part("text"), prompt: part("prompt"), solution: part("solution"), tests: part("tests") }).strict(),
});
export type TEditSyntheticItem = z.input<typeof ZEditSyntheticItem>;

/**
 * Saves an edit as a new version: a SyntheticEdit row (parts, editor, time), the item's parts and version
 * bump, and the snippet's content, contentHash, sizeBytes and lineCount (tokenCount reset for export to
 * recount), all in one transaction behind the item's row lock. Refused with 409 when the item moved past
 * `baseVersion` (concurrent editors never overwrite each other) or when the new content equals another
 * snippet's in the dataset. Parts left out keep their current value. The last execution result stays,
 * shown as stale until the item is run again.
 */
export async function editSyntheticItem(snippetId: number, userId: string, input: TEditSyntheticItem): Promise<{ snippetId: number; version: number }> {
  const v = ZEditSyntheticItem.parse(input);
  try {
    return await db().$transaction(
      async (tx) => {
        const locked = await lockSyntheticItem(tx, snippetId);
        if (!locked) throw notFound(`snippet ${snippetId} is not a synthetic item`);
        if (v.baseVersion !== locked.version) {
          throw new HttpError(409, `item ${snippetId} was edited by someone else (you edited v${v.baseVersion}, it is now v${locked.version}); reload it and redo your change`, { currentVersion: locked.version });
        }
        const item = await tx.syntheticItem.findUniqueOrThrow({ where: { snippetId }, include: { snippet: { select: { content: true } } } });
        const kind = item.kind as SyntheticKind;
        const currentEdit = await tx.syntheticEdit.findUnique({ where: { snippetId_version: { snippetId, version: item.version } }, select: { content: true } });
        const current = itemParts(item, item.snippet.content, currentEdit?.content ?? null);
        const next: SyntheticParts = { ...current };
        for (const key of ["title", "text", "prompt", "solution", "tests"] as const) {
          if (v.parts[key] !== undefined) next[key] = v.parts[key] ?? null;
        }
        if (kind === "textbook" && (v.parts.prompt != null || v.parts.solution != null || v.parts.tests != null)) throw badRequest("a textbook section has a title and a text, not prompt/solution/tests");
        if (kind === "exercise" && v.parts.text != null) throw badRequest("an exercise has a prompt, a solution and tests, not a text");
        let content: string;
        try {
          content = composeContent(kind, next);
        } catch (e) {
          throw badRequest((e as Error).message);
        }
        const before = editContentOf(kind, current);
        const after = editContentOf(kind, next);
        if (before === after && content === item.snippet.content) throw badRequest("nothing changed: the edit equals the current version");
        const contentHash = hashContent(content);
        const dup = await tx.snippet.findFirst({ where: { datasetId: locked.datasetId, contentHash, id: { not: snippetId } }, select: { id: true } });
        if (dup) throw new HttpError(409, `this content is identical to snippet ${dup.id} in the same dataset; change it or reject this item as a duplicate`, { duplicateOf: dup.id });

        // Items created without a first version (e.g. by hand) get one now, so history starts at the original.
        const hasHistory = await tx.syntheticEdit.count({ where: { snippetId } });
        if (!hasHistory) await tx.syntheticEdit.create({ data: { snippetId, version: item.version, content: before, createdAt: item.updatedAt } });
        const version = item.version + 1;
        await tx.syntheticEdit.create({ data: { snippetId, version, content: after, editedById: userId } });
        await tx.snippet.update({ where: { id: snippetId }, data: { content, contentHash, sizeBytes: Buffer.byteLength(content, "utf8"), lineCount: countLines(content), tokenCount: null } });
        await tx.syntheticItem.update({
          where: { snippetId },
          data: { version, title: next.title?.trim() ? next.title : null, ...(kind === "exercise" ? { prompt: next.prompt ?? null, solution: next.solution ?? null, tests: next.tests?.trim() ? next.tests : null } : {}) },
        });
        return { snippetId, version };
      },
      { maxWait: 15_000, timeout: 15_000 },
    );
  } catch (e) {
    // Two edits racing to the same new content in different items: the unique (dataset, contentHash) index decides.
    if (isUniqueViolation(e)) throw new HttpError(409, "this content is identical to another snippet in the same dataset; change it or reject this item as a duplicate");
    throw e;
  }
}
