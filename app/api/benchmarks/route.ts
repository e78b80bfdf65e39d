/**
 * GET  /api/benchmarks → { benchmarks: [{ id, name, fileName, itemCount, createdAt, flaggedSnippets }] }   (viewer)
 * POST /api/benchmarks?filename=<file name>[&name=<benchmark name>]   body: the raw file bytes          (admin)
 *      JSONL or JSONL.gz (gzip recognized by its bytes): HumanEval, MBPP or any prompt/solution JSONL. The name
 *      defaults to the file name without .jsonl/.gz. Re-importing a name replaces its items by task id.
 *      → 201 { report: { benchmark: { id, name, fileName, itemCount }, format, lines, inserted, updated, unchanged,
 *               removed, unflaggedSnippets, errors: [{ line, reason }] (first 1000), errorCount } }
 *      400 { error, details? } for a file without a valid item (empty, binary, corrupt gzip…); 413 over SYLLABUS_MAX_UPLOAD_MB.
 */
import fs from "node:fs";
import { z } from "zod";
import { importBenchmark } from "@/lib/decontam/import-benchmark";
import { listBenchmarks } from "@/lib/decontam/list-benchmarks";
import { HttpError } from "@/lib/http/errors";
import { route } from "@/lib/http/route";
import { saveUpload, UploadTooLargeError } from "@/lib/imports/save-upload";

export const GET = route({}, async () => ({ benchmarks: await listBenchmarks() }));

const ZUploadQuery = z.object({
  filename: z.string().trim().min(1, "filename is required").max(255),
  name: z.string().trim().max(100).optional(),
});

export const POST = route({ role: "admin", query: ZUploadQuery }, async ({ req, query }) => {
  const declared = req.headers.get("content-length");
  let saved;
  try {
    saved = await saveUpload(req.body, query.filename, declared ? Number(declared) : undefined);
  } catch (e) {
    if (e instanceof UploadTooLargeError) throw new HttpError(413, e.message.replace("npx syllabus import <file> --dataset <name>", "npx syllabus benchmark import <file>"));
    throw e;
  }
  try {
    const report = await importBenchmark({ filePath: saved.filePath, fileName: query.filename, name: query.name || undefined });
    return Response.json({ report }, { status: 201 });
  } finally {
    fs.rmSync(saved.filePath, { force: true });
  }
});
