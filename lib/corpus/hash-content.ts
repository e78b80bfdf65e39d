import crypto from "node:crypto";

/** sha256 (hex) of the UTF-8 bytes of the content, exactly as decoded: the exact-duplicate key. */
export function hashContent(content: string): string {
  return crypto.createHash("sha256").update(content, "utf8").digest("hex");
}
