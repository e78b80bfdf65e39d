/**
 * `npm start`: the single-machine default. Brings the database named by DATABASE_URL (default: SQLite file
 * data/syllabus.db) to the current schema, loads the shipped sample data into an empty database, builds
 * the web app if needed, then runs the web server and one worker, stopping both together.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { migrate } from "../lib/db/migrate";
import { databaseUrl } from "../lib/db/url";
import { ensureClients } from "../prisma/scripts/db-generate";

const root = path.resolve(import.meta.dirname, "..");
process.chdir(root);
process.env.NEXT_TELEMETRY_DISABLED = "1";
const port = process.env.PORT ?? "3000";

ensureClients();
// Loaded after ensureClients: it imports the generated Prisma client.
const { loadSampleData } = await import("../prisma/scripts/load-sample");
const url = databaseUrl();
const migrated = await migrate(url);
console.log(`[start] database ${url.replace(/:[^:@/]*@/, ":***@")}: ${migrated.applied.length} migration(s) applied`);
const sample = await loadSampleData();
if (sample) console.log(`[start] loaded sample dataset "${sample.dataset}": ${sample.inserted} snippets, ${sample.llmLabels} example LLM labels`);

const nextBin = path.join(root, "node_modules", "next", "dist", "bin", "next");
if (!fs.existsSync(path.join(root, ".next", "BUILD_ID")) || process.env.SYLLABUS_REBUILD === "1") {
  console.log("[start] building the web app (first start only; takes a minute or two)…");
  const build = spawnSync(process.execPath, [nextBin, "build"], { stdio: "inherit" });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const children: ChildProcess[] = [];
let stopping = false;
function stopAll(code: number) {
  if (stopping) return;
  stopping = true;
  for (const c of children) if (c.exitCode === null) c.kill("SIGTERM");
  setTimeout(() => process.exit(code), 25_000).unref();
  Promise.all(children.map((c) => (c.exitCode !== null ? null : new Promise((r) => c.once("exit", r))))).then(() => process.exit(code));
}
function run(name: string, args: string[]) {
  const child = spawn(process.execPath, args, { stdio: "inherit", env: process.env });
  child.on("exit", (code, signal) => {
    if (!stopping) {
      console.error(`[start] ${name} exited (${signal ?? code}); stopping`);
      stopAll(code ?? 1);
    }
  });
  children.push(child);
}
run("web", [nextBin, "start", "-p", port]);
run("worker", ["--import", "tsx", path.join(root, "workers", "main.ts")]);
console.log(`[start] Syllabus on http://localhost:${port} (web + worker). Ctrl-C stops both.`);
for (const sig of ["SIGINT", "SIGTERM"] as const) process.on(sig, () => stopAll(0));
