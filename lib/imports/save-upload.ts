import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { Readable, Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import { dataDir, maxUploadBytes } from "@/lib/config";
import { formatBytes } from "@/lib/format-bytes";

export class UploadTooLargeError extends Error {
  constructor(readonly limit: number) {
    super(
      `the file is larger than the upload limit of ${formatBytes(limit)} (SYLLABUS_MAX_UPLOAD_MB); ` +
        `import it from a terminal instead: npx syllabus import <file> --dataset <name>`,
    );
  }
}

/** A file name safe to keep on disk and show back: no directories, no control characters. */
export function safeFileName(name: string): string {
  const base = path.basename(name.replace(/\\/g, "/")).replace(/[^\w.\-+ ()]/g, "_").slice(-120);
  return base && base !== "." && base !== ".." ? base : "upload";
}

/**
 * Streams an upload body to data/uploads/ without holding it in memory, enforcing the size limit while
 * streaming (Content-Length can be absent or wrong). A rejected or failed upload leaves no file behind.
 */
export async function saveUpload(body: ReadableStream<Uint8Array> | null, fileName: string, declaredBytes?: number) {
  const limit = maxUploadBytes();
  if (declaredBytes !== undefined && declaredBytes > limit) throw new UploadTooLargeError(limit);
  if (!body) throw new Error("the request has no body: send the file as the request body");
  const dir = path.join(dataDir(), "uploads");
  fs.mkdirSync(dir, { recursive: true });
  const name = safeFileName(fileName);
  const filePath = path.join(dir, `${Date.now()}-${crypto.randomBytes(4).toString("hex")}-${name}`);
  let bytes = 0;
  const limiter = new Transform({
    transform(chunk: Buffer, _enc, done) {
      bytes += chunk.length;
      done(bytes > limit ? new UploadTooLargeError(limit) : null, chunk);
    },
  });
  // The file is opened before streaming: a write stream that opens lazily can create the file after a
  // failed pipeline has already cleaned up, leaving an empty file behind.
  const handle = await fs.promises.open(filePath, "wx");
  try {
    await pipeline(Readable.fromWeb(body as import("node:stream/web").ReadableStream<Uint8Array>), limiter, handle.createWriteStream());
  } catch (e) {
    await handle.close().catch(() => {});
    fs.rmSync(filePath, { force: true });
    throw e;
  }
  return { filePath, fileName: name, bytes };
}
