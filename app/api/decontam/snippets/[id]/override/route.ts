/**
 * PUT    /api/decontam/snippets/:id/override  body { note: string (1–2000 chars, required) }
 *        → { snippetId, note, userId, createdAt }   (annotator) — keep a flagged snippet in exports anyway;
 *        409 when the snippet is not flagged. Saving again replaces the note.
 * DELETE /api/decontam/snippets/:id/override → { snippetId, removed: true }   (annotator) — exclude it again; 404 without one.
 */
import { z } from "zod";
import { removeContamOverride } from "@/lib/decontam/remove-contam-override";
import { setContamOverride } from "@/lib/decontam/set-contam-override";
import { route } from "@/lib/http/route";

const ZBody = z.object({ note: z.string({ error: "note is required" }) });

export const PUT = route({ role: "annotator", body: ZBody }, async ({ params, body, user }) => setContamOverride({ snippetId: params.id as string, note: body.note }, user.id));

export const DELETE = route({ role: "annotator" }, async ({ params }) => removeContamOverride({ snippetId: params.id as string }));
