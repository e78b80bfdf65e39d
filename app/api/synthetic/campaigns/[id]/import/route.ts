/**
 * POST /api/synthetic/campaigns/:id/import?filename=<name>[&kind=textbook|exercise]   body: the raw JSONL/JSONL.gz bytes  (admin)
 *   → 201 { import: ImportRun }: the worker imports the file into the campaign's dataset and attaches the items to the
 *   campaign (records' own kind wins; default: `kind`, else the campaign's kind, else the dataset's). 413 over
 *   SYLLABUS_MAX_UPLOAD_MB. Follow it with GET /api/synthetic/campaigns/:id/imports. Works without an LLM endpoint.
 */
import { z } from "zod";
import { db } from "@/lib/db/client";
import { HttpError, notFound } from "@/lib/http/errors";
import { route } from "@/lib/http/route";
import { queueImport } from "@/lib/imports/queue-import";
import { saveUpload, UploadTooLargeError } from "@/lib/imports/save-upload";
import { jobRegistry } from "@/workers/registry";

const ZQuery = z.object({ filename: z.string().trim().min(1).max(255), kind: z.enum(["textbook", "exercise"]).optional() });

export const POST = route({ role: "admin", query: ZQuery }, async ({ req, user, params, query }) => {
  const campaignId = z.coerce.number().int().positive().parse(params.id);
  const campaign = await db().generationCampaign.findUnique({ where: { id: campaignId }, include: { dataset: { select: { name: true, kind: true } } } });
  if (!campaign) throw notFound(`no generation campaign with id ${campaignId}`);
  const kind = query.kind ?? (campaign.kind === "exercise" || campaign.kind === "textbook" ? campaign.kind : campaign.dataset.kind === "exercise" ? "exercise" : "textbook");
  const declared = req.headers.get("content-length");
  try {
    const saved = await saveUpload(req.body, query.filename, declared ? Number(declared) : undefined);
    const run = await queueImport({ dataset: campaign.dataset.name, filePath: saved.filePath, fileName: saved.fileName, createdById: user.id, kind, campaignId }, jobRegistry);
    return Response.json({ import: run }, { status: 201 });
  } catch (e) {
    if (e instanceof UploadTooLargeError) throw new HttpError(413, e.message);
    throw e;
  }
});
