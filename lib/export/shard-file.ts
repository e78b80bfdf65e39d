import crypto from "node:crypto";
import fs from "node:fs";

/**
 * A shard file being written: bytes go to `<final>.tmp` and into a running sha256; `commit` fsyncs and
 * renames it to its final name, so a reader (or a resumed export) never sees half a shard under a shard's
 * name. Writes are synchronous: the shard writers produce a few MB at a time and run in the worker.
 */
export class ShardFile {
  readonly temp: string;
  private fd: number;
  private hash = crypto.createHash("sha256");
  bytes = 0;

  constructor(readonly final: string) {
    this.temp = `${final}.tmp`;
    this.fd = fs.openSync(this.temp, "w");
  }

  write(chunk: Uint8Array): void {
    if (chunk.byteLength === 0) return;
    this.hash.update(chunk);
    let off = 0;
    while (off < chunk.byteLength) off += fs.writeSync(this.fd, chunk, off, chunk.byteLength - off);
    this.bytes += chunk.byteLength;
  }

  /** Makes the file durable under its final name; returns its size and sha256. */
  commit(): { bytes: number; sha256: string } {
    fs.fsyncSync(this.fd);
    fs.closeSync(this.fd);
    this.fd = -1;
    fs.renameSync(this.temp, this.final);
    return { bytes: this.bytes, sha256: this.hash.digest("hex") };
  }

  /** Closes and removes the temp file (an interrupted shard). */
  discard(): void {
    if (this.fd >= 0) fs.closeSync(this.fd);
    this.fd = -1;
    fs.rmSync(this.temp, { force: true });
  }
}

/** sha256 and size of a file on disk, streamed (verifies a shard recorded by an earlier attempt). */
export async function hashFile(file: string): Promise<{ bytes: number; sha256: string }> {
  const hash = crypto.createHash("sha256");
  let bytes = 0;
  for await (const chunk of fs.createReadStream(file, { highWaterMark: 1 << 20 })) {
    hash.update(chunk as Buffer);
    bytes += (chunk as Buffer).byteLength;
  }
  return { bytes, sha256: hash.digest("hex") };
}
