import fs from "node:fs";
import path from "node:path";
import { dataDir } from "@/lib/config";

/** Where exports go unless a CLI user passes --out: `<data dir>/exports`, beside `models/`. */
export function exportsDir(): string {
  return path.join(dataDir(), "exports");
}

/** A file-system-safe slug of an export name: "Python edu ≥ 3" → "python-edu-3". */
export function slugify(name: string): string {
  const slug = name
    .normalize("NFKD")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60)
    .replace(/-+$/, "");
  return slug || "export";
}

/** The default destination of export `id`: `<data dir>/exports/<id>-<slug>`. */
export function defaultExportDir(id: number, name: string): string {
  return path.join(exportsDir(), `${id}-${slugify(name)}`);
}

/**
 * The temp directory an export is written in: next to its destination (same file system, so the final
 * rename is atomic), named after the export so two exports never share one.
 */
export function partialDirOf(outDir: string, exportId: number): string {
  return `${outDir}.partial-${exportId}`;
}

/** Why `outDir` cannot receive an export (it must not exist, or be an empty directory), or null when it can. */
export function outDirProblem(outDir: string): string | null {
  if (!path.isAbsolute(outDir)) return `the output directory must be an absolute path, got "${outDir}"`;
  let st: fs.Stats;
  try {
    st = fs.statSync(outDir);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return null;
    return `cannot use ${outDir}: ${(e as Error).message}`;
  }
  if (!st.isDirectory()) return `${outDir} exists and is not a directory`;
  if (fs.readdirSync(outDir).length > 0) return `${outDir} exists and is not empty: choose a new directory (an export never writes into existing files)`;
  return null;
}
