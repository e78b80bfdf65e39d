import path from "node:path";

/** Where files live (uploads, auth secret, later models and exports): SYLLABUS_DATA_DIR, default ./data. */
export function dataDir(): string {
  // turbopackIgnore: a runtime path, not a file the build should trace.
  return path.resolve(/*turbopackIgnore: true*/ process.env.SYLLABUS_DATA_DIR ?? "data");
}

/** Largest accepted upload through the web UI (the CLI has no limit): SYLLABUS_MAX_UPLOAD_MB, default 1024. */
export function maxUploadBytes(): number {
  const mb = Number(process.env.SYLLABUS_MAX_UPLOAD_MB ?? 1024);
  return (Number.isFinite(mb) && mb > 0 ? mb : 1024) * 1024 * 1024;
}
