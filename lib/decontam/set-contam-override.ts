import { z } from "zod";
import { db } from "@/lib/db/client";
import { HttpError, notFound } from "@/lib/http/errors";

export const ZSetContamOverride = z.object({
  snippetId: z.coerce.number().int().positive(),
  note: z.string().trim().min(1, "an override needs a note saying why the snippet may stay").max(2000, "the note is at most 2,000 characters"),
});
export type TSetContamOverride = z.input<typeof ZSetContamOverride>;

/**
 * A reviewer keeps a contaminated snippet in exports anyway (say a match on a generic idiom), with a
 * required note. Saving again replaces the note and the reviewer. Only flagged snippets take an override
 * (409 otherwise); the override stays when later runs re-flag the snippet.
 */
export async function setContamOverride(input: TSetContamOverride, userId: string): Promise<{ snippetId: number; note: string; userId: string; createdAt: string }> {
  const { snippetId, note } = ZSetContamOverride.parse(input);
  const snippet = await db().snippet.findUnique({ where: { id: snippetId }, select: { contaminated: true } });
  if (!snippet) throw notFound(`no snippet with id ${snippetId}`);
  if (!snippet.contaminated) throw new HttpError(409, `snippet ${snippetId} is not flagged as contaminated: nothing to override`);
  const o = await db().contamOverride.upsert({ where: { snippetId }, create: { snippetId, note, userId }, update: { note, userId, createdAt: new Date() } });
  return { snippetId, note: o.note, userId: o.userId, createdAt: o.createdAt.toISOString() };
}
