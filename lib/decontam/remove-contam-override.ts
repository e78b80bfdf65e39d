import { z } from "zod";
import { db } from "@/lib/db/client";
import { notFound } from "@/lib/http/errors";

export const ZRemoveContamOverride = z.object({ snippetId: z.coerce.number().int().positive() });

/** Removes a reviewer's override: a flagged snippet is excluded from exports again. */
export async function removeContamOverride(input: z.input<typeof ZRemoveContamOverride>): Promise<{ snippetId: number; removed: true }> {
  const { snippetId } = ZRemoveContamOverride.parse(input);
  const { count } = await db().contamOverride.deleteMany({ where: { snippetId } });
  if (count === 0) throw notFound(`snippet ${snippetId} has no override`);
  return { snippetId, removed: true };
}
