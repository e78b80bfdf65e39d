import crypto from "node:crypto";
import { authSecret } from "@/lib/auth/secret";

const VERSION = "v1";

// A key of its own (HKDF with a purpose label), so the session-signing secret is never used directly.
function key(): Buffer {
  return Buffer.from(crypto.hkdfSync("sha256", authSecret(), "syllabus", "syllabus settings encryption v1", 32));
}

/** AES-256-GCM; the stored form is "v1:" + base64url(iv · tag · ciphertext). */
export function encryptSecret(plain: string): string {
  const iv = crypto.randomBytes(12);
  const cipher = crypto.createCipheriv("aes-256-gcm", key(), iv);
  const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return `${VERSION}:${Buffer.concat([iv, cipher.getAuthTag(), body]).toString("base64url")}`;
}

/** null when the value cannot be decrypted (the instance secret changed, or the row was tampered with). */
export function decryptSecret(stored: string): string | null {
  if (!stored.startsWith(`${VERSION}:`)) return null;
  try {
    const raw = Buffer.from(stored.slice(VERSION.length + 1), "base64url");
    const decipher = crypto.createDecipheriv("aes-256-gcm", key(), raw.subarray(0, 12));
    decipher.setAuthTag(raw.subarray(12, 28));
    return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString("utf8");
  } catch {
    return null;
  }
}
