/**
 * DELETE /api/labels/:snippetId — remove the caller's own label on a snippet (undo of a first label).
 * → { deleted: boolean, previous: SavedLabel | null, reviewCount: number }
 *   Deleting a label that does not exist returns deleted: false (undo is safe to retry).
 * Annotators and admins; viewers get 403.
 */
import { route } from "@/lib/http/route";
import { deleteHumanLabel } from "@/lib/labels/delete-human-label";
import { ZSnippetParams } from "@/lib/labels/route-params";

export const DELETE = route({ role: "annotator" }, async ({ user, params }) => deleteHumanLabel(user.id, ZSnippetParams.parse(params)));
