import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { ensureClients } from "../../prisma/scripts/db-generate";
import { checkDatabaseReady } from "./require-migrated-db";

/**
 * `syllabus <command> [args]`: the CLI dispatcher (bin/syllabus.mjs runs this through tsx).
 *
 * Adding a command: write lib/cli/commands/<name>.ts exporting `run(argv): Promise<number>` (argv are the
 * arguments after the command name; return the exit code: 0 ok, 1 failed, 2 usage error), then add one
 * line to COMMANDS below. Commands are imported lazily so `syllabus --help` and light commands stay fast.
 */
export type CliCommand = { run(argv: string[]): Promise<number> };

const COMMANDS: Record<string, { summary: string; load: () => Promise<CliCommand> }> = {
  import: { summary: "import a JSONL, JSONL.gz or Parquet file into a dataset", load: () => import("./commands/import") },
  label: { summary: "start an LLM labeling campaign over a dataset (with --wait, follow it)", load: () => import("./commands/label") },
  train: { summary: "train a classifier version on a dataset's labels (with --wait, print its metrics)", load: () => import("./commands/train") },
  score: { summary: "score snippets with a classifier version (default: the active one)", load: () => import("./commands/score") },
  models: { summary: "list classifier versions and their cross-validated metrics", load: () => import("./commands/models") },
  metrics: { summary: "precision and recall of the filter with intervals, and agreement figures, for a dataset", load: () => import("./commands/metrics") },
  export: { summary: "export training-ready shards (Parquet or JSONL.gz) with a manifest and dataset card", load: () => import("./commands/export") },
  benchmark: { summary: "import, list or delete benchmarks (HumanEval, MBPP, any prompt/solution JSONL) to decontaminate against", load: () => import("./commands/benchmark") },
  decontam: { summary: "check a dataset's snippets against benchmarks by n-gram and substring overlap (with --wait, print the matches)", load: () => import("./commands/decontam") },
  execute: { summary: "run a dataset's synthetic exercises and textbook code in the python3 sandbox (with --wait, print pass/fail counts)", load: () => import("./commands/execute") },
  diversity: { summary: "measure a dataset's or campaign's diversity and mark near-duplicates (with --wait, print the figures)", load: () => import("./commands/diversity") },
  jobs: { summary: "list, show, cancel or retry background jobs", load: () => import("./commands/jobs") },
  worker: { summary: "run queued jobs until stopped", load: () => import("./commands/worker") },
  user: { summary: "create users, list them, change a role", load: () => import("./commands/user") },
  token: { summary: "create or list personal API tokens", load: () => import("./commands/token") },
};

export const PROJECT_ROOT = path.resolve(import.meta.dirname, "..", "..");

function usage(): string {
  const width = Math.max(...Object.keys(COMMANDS).map((c) => c.length));
  const lines = Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(width)}  ${c.summary}`);
  return [
    "usage: syllabus <command> [options]",
    "",
    "commands:",
    ...lines,
    "",
    "Run `syllabus <command> --help` for a command's options.",
    `Database: DATABASE_URL (from the environment or ${path.join(PROJECT_ROOT, ".env")}); default SQLite data/syllabus.db.`,
  ].join("\n");
}

export async function main(argv: string[]): Promise<number> {
  // Global options come before the command; everything after it belongs to the command.
  const at = argv.findIndex((a) => !a.startsWith("-"));
  const globalArgs = at === -1 ? argv : argv.slice(0, at);
  let help = false;
  try {
    ({ values: { help = false } } = parseArgs({ args: globalArgs, options: { help: { type: "boolean", short: "h" } }, strict: true }));
  } catch (e) {
    console.error(`syllabus: ${(e as Error).message}\n\n${usage()}`);
    return 2;
  }
  let name = at === -1 ? undefined : argv[at];
  let rest = at === -1 ? [] : argv.slice(at + 1);
  if (name === "help") {
    if (rest[0] && COMMANDS[rest[0]]) [name, rest] = [rest[0], ["--help"]];
    else help = true;
  }
  if (help || !name) {
    (help ? console.log : console.error)(usage());
    return help ? 0 : 2;
  }
  const entry = COMMANDS[name];
  if (!entry) {
    console.error(`syllabus: unknown command "${name}"\n\n${usage()}`);
    return 2;
  }

  prepareEnvironment();
  ensureClients();
  try {
    const notReady = rest.includes("--help") || rest.includes("-h") ? null : await checkDatabaseReady();
    if (notReady) {
      console.error(`syllabus ${name}: ${notReady}`);
      return 1;
    }
    const command = await entry.load();
    return await command.run(rest);
  } catch (e) {
    console.error(`syllabus ${name}: ${process.env.DEBUG ? ((e as Error).stack ?? e) : shortMessage(e)}`);
    return 1;
  } finally {
    await closeConnections();
  }
}

/** Prisma's errors embed pages of generated code; the last line is the part a person needs. */
function shortMessage(e: unknown): string {
  const message = String((e as Error)?.message ?? e).trim();
  if (message.length < 400) return message;
  return `${message.split("\n").filter((l) => l.trim()).at(-1)} (set DEBUG=1 for details)`;
}

/**
 * Same database as the web app and worker, from any working directory: load the project's .env (it never
 * overrides the environment), default to data/syllabus.db, and resolve a relative SQLite path against the
 * project root, where the web app and worker run.
 */
function prepareEnvironment() {
  const envFile = path.join(PROJECT_ROOT, ".env");
  if (fs.existsSync(envFile)) process.loadEnvFile(envFile);
  const url = process.env.DATABASE_URL?.trim();
  if (!url) {
    process.env.DATABASE_URL = `file:${path.join(PROJECT_ROOT, "data", "syllabus.db")}`;
    return;
  }
  const sqlite = /^(file:|sqlite:)?(.*)$/i.exec(url);
  if (!/^[a-z]+:\/\//i.test(url) && sqlite && sqlite[2] !== ":memory:" && !path.isAbsolute(sqlite[2].replace(/\?.*$/, ""))) {
    process.env.DATABASE_URL = `${sqlite[1] ?? "file:"}${path.resolve(PROJECT_ROOT, sqlite[2])}`;
  }
}

/** Closes the database clients a command opened, so the process can exit on its own. */
async function closeConnections() {
  const g = globalThis as { __syllabusDb?: { db?: unknown }; __syllabusRaw?: { sqlite?: unknown; pool?: unknown } };
  if (g.__syllabusDb?.db) await (await import("../db/client")).disconnectDb();
  if (g.__syllabusRaw?.sqlite || g.__syllabusRaw?.pool) await (await import("../db/raw")).closeRaw();
}
