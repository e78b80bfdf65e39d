import fs from "node:fs";
import path from "node:path";
import type { ExportManifest } from "./types";

/** manifest.json of a directory, or null when it has none (or it cannot be read). */
export function readManifest(dir: string): ExportManifest | null {
  try {
    return JSON.parse(fs.readFileSync(path.join(dir, "manifest.json"), "utf8")) as ExportManifest;
  } catch {
    return null;
  }
}
