import crypto from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";

const HEAD_BYTES = 1024 * 1024;

/**
 * Identifies "the same file" for resuming an import: sha256 over its first MiB, its size and its name.
 * Cheap on a multi-GB file, and a re-downloaded or edited file (other size or head) gets a new key.
 */
export async function computeFileKey(filePath: string, fileName = path.basename(filePath)): Promise<string> {
  const handle = await fs.open(filePath, "r");
  try {
    const { size } = await handle.stat();
    const head = Buffer.alloc(Math.min(size, HEAD_BYTES));
    let offset = 0;
    while (offset < head.length) {
      const { bytesRead } = await handle.read(head, offset, head.length - offset, offset);
      if (bytesRead === 0) break;
      offset += bytesRead;
    }
    return crypto.createHash("sha256").update(head.subarray(0, offset)).update(`\n${size}\n${fileName}`).digest("hex");
  } finally {
    await handle.close();
  }
}
