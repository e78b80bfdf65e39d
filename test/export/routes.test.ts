import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as listRoute, POST as createRoute } from "@/app/api/exports/route";
import { POST as previewRoute } from "@/app/api/exports/preview/route";
import { DELETE as deleteRoute, GET as getRoute } from "@/app/api/exports/[id]/route";
import { POST as cancelRoute } from "@/app/api/exports/[id]/cancel/route";
import { GET as fileRoute } from "@/app/api/exports/[id]/files/[...path]/route";
import { createApiToken } from "@/lib/auth/api-tokens";
import { createUser } from "@/lib/auth/users";
import { plainContext } from "@/lib/context";
import { db } from "@/lib/db/client";
import { runExport } from "@/lib/export/run-export";
import type { ExportDetail, ExportManifest } from "@/lib/export/types";
import { bearer, params } from "../browse/fixtures";
import { useTestDatabase } from "../helpers/db";
import { seedExportDataset, tempDir } from "./fixtures";

useTestDatabase();
const BASE = "http://localhost:3000";
let tokens: { admin: string; viewer: string };
let datasetId = 0;
let dataDir = "";

type Handler = (req: Request, ctx: { params: Promise<Record<string, string | string[] | undefined>> }) => Promise<Response>;
const call = (handler: Handler, token: string | null, url: string, init: RequestInit = {}, p: Record<string, string | string[]> = {}) =>
  handler(token ? bearer(token, `${BASE}${url}`, init) : new Request(`${BASE}${url}`, init), params(p as Record<string, string>));
const json = (body: unknown): RequestInit => ({ method: "POST", body: JSON.stringify(body), headers: { "content-type": "application/json" } });
const file = (id: number, segments: string[], token: string | null = tokens.viewer) => call(fileRoute, token, `/api/exports/${id}/files/${segments.join("/")}`, {}, { id: String(id), path: segments });

beforeAll(async () => {
  dataDir = tempDir("syllabus-export-routes-");
  process.env.SYLLABUS_DATA_DIR = dataDir;
  const admin = await createUser({ email: "admin@exports.test", password: "password123", role: "admin" });
  const viewer = await createUser({ email: "viewer@exports.test", password: "password123", role: "viewer" });
  tokens = { admin: (await createApiToken(admin.id, "t")).token, viewer: (await createApiToken(viewer.id, "t")).token };
  datasetId = (await seedExportDataset("routes", 80)).id;
});

describe("export routes", () => {
  let exportId = 0;
  let detail: ExportDetail;

  it("need a signed-in caller; preview for viewers, create for admins only", async () => {
    expect((await call(listRoute, null, "/api/exports")).status).toBe(401);
    expect((await call(previewRoute, null, "/api/exports/preview", json({ datasetIds: [datasetId] }))).status).toBe(401);
    const spec = { datasetIds: [datasetId], filter: { mode: "llm", minLlmScore: 2 }, shard: { rows: 20 }, seed: 3, name: "Routes / test" };
    expect((await call(previewRoute, tokens.viewer, "/api/exports/preview", json(spec))).status).toBe(400);
    const okSpec = { ...spec, name: "Routes test ✓" };
    const preview = await call(previewRoute, tokens.viewer, "/api/exports/preview", json(okSpec));
    expect(preview.status).toBe(200);
    const { preview: p } = await preview.json();
    expect(p).toMatchObject({ rows: expect.any(Number), shards: Math.ceil(p.rows / 20), model: null });
    expect((await call(createRoute, tokens.viewer, "/api/exports", json(okSpec))).status).toBe(403);
    expect((await call(createRoute, tokens.admin, "/api/exports", json({ ...okSpec, outDir: "/tmp/x" }))).status).toBe(400);
    const bad = await call(createRoute, tokens.admin, "/api/exports", json({ datasetIds: [datasetId], filter: { mode: "model" } }));
    expect(bad.status).toBe(409);
    expect((await bad.json()).error).toMatch(/no classifier model is active/);

    const created = await call(createRoute, tokens.admin, "/api/exports", json(okSpec));
    expect(created.status).toBe(201);
    const body = (await created.json()) as { export: ExportDetail };
    expect(body.export).toMatchObject({ status: "queued", name: "Routes test ✓", format: "parquet", seed: 3, files: [], job: { status: "queued" }, createdBy: { email: "admin@exports.test" } });
    expect(body.export.outDir).toBe(path.join(dataDir, "exports", `${body.export.id}-routes-test`));
    expect(body.export.filterSummary).toMatch(/LLM score ≥ 2/);
    exportId = body.export.id;
    // Files are served only once the export succeeded.
    expect((await file(exportId, ["manifest.json"])).status).toBe(404);
    expect((await runExport(exportId, plainContext())).status).toBe("succeeded");
    const got = await call(getRoute, tokens.viewer, `/api/exports/${exportId}`, {}, { id: String(exportId) });
    detail = ((await got.json()) as { export: ExportDetail }).export;
    expect(detail).toMatchObject({ status: "succeeded", rows: p.rows, shardCount: Math.ceil(p.rows / 20) });
    expect(detail.files).toEqual(["manifest.json", "README.md", ...detail.shards.map((s) => s.fileName)]);
    expect(detail.manifest?.rows).toBe(p.rows);
    const list = await (await call(listRoute, tokens.viewer, "/api/exports")).json();
    expect(list.exports.map((e: { id: number }) => e.id)).toEqual([exportId]);
  });

  it("downloads stream the listed files with Content-Length and Content-Disposition", async () => {
    const shard = detail.shards[1];
    const res = await file(exportId, shard.fileName.split("/"));
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/vnd.apache.parquet");
    expect(res.headers.get("content-length")).toBe(String(shard.bytes));
    expect(res.headers.get("content-disposition")).toBe(`attachment; filename="${path.basename(shard.fileName)}"`);
    const bytes = Buffer.from(await res.arrayBuffer());
    expect(bytes.byteLength).toBe(shard.bytes);
    expect(crypto.createHash("sha256").update(bytes).digest("hex")).toBe(shard.sha256);

    const manifest = await file(exportId, ["manifest.json"]);
    expect(manifest.headers.get("content-type")).toMatch(/application\/json/);
    expect(((await manifest.json()) as ExportManifest).export_id).toBe(exportId);
    const card = await call(fileRoute, tokens.viewer, `/api/exports/${exportId}/files/README.md?inline=1`, {}, { id: String(exportId), path: ["README.md"] });
    expect(card.headers.get("content-disposition")).toBe('inline; filename="README.md"');
    expect(await card.text()).toMatch(/^---\nconfigs:|^---\npretty_name/);
    expect((await file(exportId, ["manifest.json"], null)).status).toBe(401);
  });

  it("never serves anything outside the export's listed files (traversal, absolute, encoded paths)", async () => {
    fs.writeFileSync(path.join(dataDir, "secret.txt"), "secret");
    const outDir = detail.outDir;
    const attempts: string[][] = [
      ["..", "..", "secret.txt"],
      ["data", "..", "manifest.json"],
      ["data", "..", "..", "..", "secret.txt"],
      [path.join(dataDir, "secret.txt")],
      ["", "etc", "passwd"],
      ["..%2F..%2Fsecret.txt"],
      ["data%2F..%2F..%2Fsecret.txt"],
      ["%2e%2e", "%2e%2e", "secret.txt"],
      ["data", "train-00000-of-00001.parquet.tmp"],
      [".state", "snapshot.json"],
      ["data"],
      ["manifest.json\u0000.png"],
    ];
    for (const segments of attempts) {
      const res = await file(exportId, segments);
      expect(res.status, segments.join("/")).toBe(404);
    }
    // A symlink planted under a listed name never leads outside the export.
    const shardPath = path.join(outDir, detail.shards[0].fileName);
    const saved = fs.readFileSync(shardPath);
    fs.rmSync(shardPath);
    fs.symlinkSync(path.join(dataDir, "secret.txt"), shardPath);
    expect((await file(exportId, detail.shards[0].fileName.split("/"))).status).toBe(404);
    fs.rmSync(shardPath);
    fs.writeFileSync(shardPath, saved);
    expect((await file(exportId, ["abc"], tokens.viewer)).status).toBe(404);
    expect((await call(fileRoute, tokens.viewer, "/api/exports/x/files/manifest.json", {}, { id: "x", path: ["manifest.json"] })).status).toBe(400);
  });

  it("delete removes the files (admins only), keeps the row as deleted; cancel of a finished export is a 400", async () => {
    expect((await call(cancelRoute, tokens.admin, `/api/exports/${exportId}/cancel`, { method: "POST" }, { id: String(exportId) })).status).toBe(400);
    expect((await call(deleteRoute, tokens.viewer, `/api/exports/${exportId}`, { method: "DELETE" }, { id: String(exportId) })).status).toBe(403);
    expect(fs.existsSync(detail.outDir)).toBe(true);
    const res = await call(deleteRoute, tokens.admin, `/api/exports/${exportId}`, { method: "DELETE" }, { id: String(exportId) });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ deleted: true, removedFiles: true });
    expect(fs.existsSync(detail.outDir)).toBe(false);
    expect((await db().export.findUniqueOrThrow({ where: { id: exportId } })).status).toBe("deleted");
    expect((await file(exportId, ["manifest.json"])).status).toBe(404);
    expect((await call(getRoute, tokens.viewer, "/api/exports/999999", {}, { id: "999999" })).status).toBe(404);
  });

  it("a queued export can be cancelled, not deleted", async () => {
    const created = await call(createRoute, tokens.admin, "/api/exports", json({ datasetIds: [datasetId], filter: { mode: "all" }, format: "jsonl" }));
    const id = ((await created.json()) as { export: ExportDetail }).export.id;
    expect((await call(deleteRoute, tokens.admin, `/api/exports/${id}`, { method: "DELETE" }, { id: String(id) })).status).toBe(409);
    const cancelled = await call(cancelRoute, tokens.admin, `/api/exports/${id}/cancel`, { method: "POST" }, { id: String(id) });
    expect(cancelled.status).toBe(200);
    expect(((await cancelled.json()) as { export: ExportDetail }).export).toMatchObject({ status: "cancelled", job: { status: "cancelled" } });
    expect((await runExport(id, plainContext())).status).toBe("skipped");
  });
});
