import crypto from "node:crypto";
import fs from "node:fs/promises";
import { deserializeForest } from "./forest/serialize-forest";
import type { Forest } from "./forest/types";

// Per process: every chunk job of a run uses the same model. Keyed by content hash, so a retrained
// artifact at the same path can never be served from a stale entry.
const cache = new Map<string, Forest>();
const MAX_CACHED = 4;

/** Reads a model artifact, checks its sha256 against the stored one, and deserializes it (cached by sha256). */
export async function loadModelForest(model: { version: number; artifactPath: string | null; artifactSha256: string | null }): Promise<Forest> {
  if (!model.artifactPath || !model.artifactSha256) throw new Error(`model v${model.version} has no artifact (was it trained?)`);
  const hit = cache.get(model.artifactSha256);
  if (hit) return hit;
  let bytes: Buffer;
  try {
    bytes = await fs.readFile(model.artifactPath);
  } catch (e) {
    throw new Error(`cannot read the artifact of model v${model.version} at ${model.artifactPath}: ${(e as Error).message}`);
  }
  const sha = crypto.createHash("sha256").update(bytes).digest("hex");
  if (sha !== model.artifactSha256) throw new Error(`the artifact of model v${model.version} (${model.artifactPath}) does not match its stored sha256: the file was changed or damaged`);
  const forest = deserializeForest(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  if (cache.size >= MAX_CACHED) cache.delete(cache.keys().next().value!);
  cache.set(sha, forest);
  return forest;
}
