import fs from "node:fs";

let cached: string | null = null;

/** Syllabus's version from package.json, recorded in every manifest. */
export function toolVersion(): string {
  if (cached) return cached;
  try {
    cached = (JSON.parse(fs.readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { version: string }).version;
  } catch {
    cached = "unknown";
  }
  return cached;
}
