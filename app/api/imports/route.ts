/**
 * GET  /api/imports                       → { imports: ImportRow[], maxUploadBytes }   (any signed-in user)
 * POST /api/imports?dataset=<name>&filename=<name>[&kind=textbook|exercise]   body: the raw file bytes   (admin)
 *      kind: import synthetic items (a new dataset gets this kind; an existing one must be textbook/exercise);
 *      into a textbook/exercise dataset the items are attached to a new import campaign.
 *      → 201 { import: ImportRun }; 413 { error } over SYLLABUS_MAX_UPLOAD_MB. The worker imports it;
 *      follow it with GET /api/imports.
 */
import { z } from "zod";
import { maxUploadBytes } from "@/lib/config";
import { listImports } from "@/lib/imports/list-imports";
import { queueImport } from "@/lib/imports/queue-import";
import { saveUpload, UploadTooLargeError } from "@/lib/imports/save-upload";
import { HttpError } from "@/lib/http/errors";
import { route } from "@/lib/http/route";
import { jobRegistry } from "@/workers/registry";

export const GET = route({}, async () => ({ imports: await listImports(), maxUploadBytes: maxUploadBytes() }));

const ZUploadQuery = z.object({
  dataset: z.string().trim().min(1, "choose a dataset name").max(100).regex(/^[\w.\- ]+$/, "dataset names use letters, digits, space, . _ -"),
  filename: z.string().trim().min(1).max(255),
  kind: z.enum(["textbook", "exercise"]).optional(),
});

export const POST = route({ role: "admin", query: ZUploadQuery }, async ({ req, user, query }) => {
  const declared = req.headers.get("content-length");
  try {
    const saved = await saveUpload(req.body, query.filename, declared ? Number(declared) : undefined);
    const run = await queueImport({ dataset: query.dataset, filePath: saved.filePath, fileName: saved.fileName, createdById: user.id, kind: query.kind }, jobRegistry);
    return Response.json({ import: run }, { status: 201 });
  } catch (e) {
    if (e instanceof UploadTooLargeError) throw new HttpError(413, e.message);
    throw e;
  }
});
