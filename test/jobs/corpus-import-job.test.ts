import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, afterEach, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { enqueueJob } from "@/lib/jobs/enqueue-job";
import { jobRegistry } from "@/workers/registry";
import { startWorker, type WorkerHandle } from "@/workers/run-worker";
import { useTestDatabase } from "../helpers/db";
import { waitFor } from "./helpers";

/** The real registry end to end: an upload-style ImportRun and its job, created in one transaction. */
useTestDatabase();
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "syllabus-import-job-"));
let worker: WorkerHandle | undefined;
afterEach(async () => void (await worker?.stop()));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

it("corpus.import runs runImport for the ImportRun named in its payload", async () => {
  const file = path.join(dir, "upload.jsonl");
  fs.writeFileSync(file, ["def a():\n    return 1\n", "def b():\n    return 2\n", "def c():\n    return 3\n"].map((content) => JSON.stringify({ content })).join("\n") + "\n");

  const { run, job } = await db().$transaction(async (tx) => {
    const dataset = await tx.dataset.create({ data: { name: "uploads" } });
    const run = await tx.importRun.create({ data: { datasetId: dataset.id, fileName: "upload.jsonl", filePath: file, fileKey: "web-upload", format: "jsonl" } });
    const job = await enqueueJob(tx, { name: "corpus.import", payload: { importRunId: run.id } }, jobRegistry);
    return { run, job };
  });

  worker = startWorker({ registry: jobRegistry, pollMs: 20, housekeepingMs: 0, log: () => {} });
  const done = await waitFor(async () => {
    const j = await db().job.findUniqueOrThrow({ where: { id: job.id } });
    return j.status === "succeeded" || j.status === "failed" ? j : null;
  }, 30_000, "import job settled");
  expect(done).toMatchObject({ status: "succeeded", attempt: 1, error: null });
  expect(await db().importRun.findUniqueOrThrow({ where: { id: run.id } })).toMatchObject({ status: "completed", inserted: 3 });
  expect(await db().snippet.count({ where: { importId: run.id } })).toBe(3);
});
