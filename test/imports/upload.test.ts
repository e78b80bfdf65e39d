import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDialect, useTestDatabase } from "../helpers/db";
import { GET as listRoute, POST as uploadRoute } from "@/app/api/imports/route";
import { GET as errorsRoute } from "@/app/api/imports/[id]/route";
import { createApiToken } from "@/lib/auth/api-tokens";
import { createUser } from "@/lib/auth/users";
import { plainContext } from "@/lib/context";
import { db } from "@/lib/db/client";
import { jobRegistry } from "@/workers/registry";

useTestDatabase();

const ORIGIN = "http://localhost:3000";
const params = (p: Record<string, string> = {}) => ({ params: Promise.resolve(p) });
let adminToken = "";
let annotatorToken = "";
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "syllabus-upload-"));

function upload(token: string, body: string | Uint8Array<ArrayBuffer>, query = "dataset=uploads&filename=corpus.jsonl") {
  return uploadRoute(new Request(`${ORIGIN}/api/imports?${query}`, { method: "POST", headers: { authorization: `Bearer ${token}` }, body }), params());
}

/** What the worker does for a queued import: claim-free, just run the job's handler. */
async function runQueuedImports() {
  const jobs = await db().job.findMany({ where: { name: "corpus.import", status: "queued" } });
  for (const job of jobs) {
    await jobRegistry.get("corpus.import")!.handler(JSON.parse(job.payload), plainContext());
    await db().job.update({ where: { id: job.id }, data: { status: "succeeded" } });
  }
}

describe(`upload through the web (${testDialect})`, () => {
  beforeAll(async () => {
    process.env.SYLLABUS_DATA_DIR = dataDir;
    const admin = await createUser({ email: "admin@example.com", password: "password123" });
    const annotator = await createUser({ email: "ann@example.com", password: "password123", role: "annotator" });
    adminToken = (await createApiToken(admin.id, "t")).token;
    annotatorToken = (await createApiToken(annotator.id, "t")).token;
  });
  afterAll(() => {
    delete process.env.SYLLABUS_DATA_DIR;
    delete process.env.SYLLABUS_MAX_UPLOAD_MB;
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it("stores the file, queues one import job in the same transaction, and the job imports it with line errors", async () => {
    const lines = [JSON.stringify({ content: "print('a')" }), "{broken", JSON.stringify({ code: "print('b')", llm_score: 4 }), JSON.stringify({ text: "" })];
    const res = await upload(adminToken, lines.join("\n") + "\n");
    expect(res.status).toBe(201);
    const { import: run } = await res.json();
    expect(run.status).toBe("queued");
    expect(fs.readdirSync(path.join(dataDir, "uploads"))).toHaveLength(1);
    expect(await db().job.count({ where: { name: "corpus.import", status: "queued" } })).toBe(1);

    await runQueuedImports();
    const list = await (await listRoute(new Request(`${ORIGIN}/api/imports`, { headers: { authorization: `Bearer ${adminToken}` } }), params())).json();
    expect(list.imports[0]).toMatchObject({ status: "completed", inserted: 2, duplicates: 0, llmLabels: 1, errorCount: 2, dataset: "uploads" });
    const errors = await (await errorsRoute(new Request(`${ORIGIN}/api/imports/${run.id}`, { headers: { authorization: `Bearer ${adminToken}` } }), params({ id: String(run.id) }))).json();
    expect(errors.errors.map((e: { line: number }) => e.line)).toEqual([2, 4]);
  });

  it("rejects uploads from non-admins", async () => {
    const res = await upload(annotatorToken, JSON.stringify({ content: "x = 1" }));
    expect(res.status).toBe(403);
  });

  it("answers 413 with a clear message over the size limit and keeps no partial file", async () => {
    process.env.SYLLABUS_MAX_UPLOAD_MB = "1";
    const before = fs.readdirSync(path.join(dataDir, "uploads")).length;
    const big = new Uint8Array(1024 * 1024 + 10).fill(0x61);
    const res = await upload(adminToken, big);
    expect(res.status).toBe(413);
    expect((await res.json()).error).toMatch(/larger than the upload limit of 1\.0 MB.*npx syllabus import/);
    expect(fs.readdirSync(path.join(dataDir, "uploads")).length).toBe(before);
    delete process.env.SYLLABUS_MAX_UPLOAD_MB;
  });

  it("records a file that cannot be imported at all as a failed run without a job", async () => {
    const jobsBefore = await db().job.count();
    const res = await upload(adminToken, "not parquet at all", "dataset=uploads&filename=data.parquet");
    expect(res.status).toBe(201);
    const { import: run } = await res.json();
    expect(run.status).toBe("failed");
    expect(run.fatalError).toMatch(/not a Parquet file/);
    expect(await db().job.count()).toBe(jobsBefore);
  });

  it("validates the dataset name", async () => {
    const res = await upload(adminToken, "{}", "dataset=&filename=x.jsonl");
    expect(res.status).toBe(400);
  });
});
