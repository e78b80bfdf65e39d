import { z } from "zod";
import { badRequest } from "@/lib/http/errors";

/**
 * Keyset cursor: a position in one sort order. `k` is the sort key of the row (null for the id sort,
 * for unlabeled rows in the LLM-score sort and unscored rows in the probability sort; a float for the
 * probability, which JSON carries exactly), `i` its id, `d` whether the page wanted lies after
 * ("a") or before ("b") that row. Opaque to clients (base64url JSON) and tied to its sort.
 */
export type Cursor = { d: "a" | "b"; s: string; k: number | null; i: number };

const ZCursor = z.object({ d: z.enum(["a", "b"]), s: z.string(), k: z.number().finite().nullable(), i: z.number().int() });

export function encodeCursor(c: Cursor): string {
  return Buffer.from(JSON.stringify(c)).toString("base64url");
}

export function decodeCursor(raw: string, sort: string): Cursor {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(raw, "base64url").toString("utf8"));
  } catch {
    throw badRequest("cursor: not a cursor from this API");
  }
  const c = ZCursor.safeParse(parsed);
  if (!c.success) throw badRequest("cursor: not a cursor from this API");
  if (c.data.s !== sort) throw badRequest("cursor: it belongs to another sort order; start from the first page");
  return c.data;
}
