import crypto from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import { dataDir } from "@/lib/config";

export function modelsDir(): string {
  return path.join(dataDir(), "models");
}

/**
 * Writes a serialized forest to `<dataDir>/models/model-v<version>-<sha8>.forest` atomically (temp file in
 * the same directory, fsync, rename): a reader never sees half a file, and a rerun of a deterministic
 * training writes the same name.
 */
export async function writeModelArtifact(version: number, bytes: Uint8Array): Promise<{ path: string; sha256: string; bytes: number }> {
  const sha256 = crypto.createHash("sha256").update(bytes).digest("hex");
  const dir = modelsDir();
  await fs.mkdir(dir, { recursive: true });
  const final = path.join(dir, `model-v${version}-${sha256.slice(0, 8)}.forest`);
  const temp = `${final}.${process.pid}.${crypto.randomBytes(4).toString("hex")}.tmp`;
  const handle = await fs.open(temp, "w");
  try {
    await handle.writeFile(bytes);
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    await fs.rename(temp, final);
  } catch (e) {
    await fs.rm(temp, { force: true });
    throw e;
  }
  return { path: final, sha256, bytes: bytes.byteLength };
}
