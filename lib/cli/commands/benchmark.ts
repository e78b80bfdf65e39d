import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { db } from "@/lib/db/client";
import { deleteBenchmark } from "@/lib/decontam/delete-benchmark";
import { importBenchmark, type BenchmarkImportReport } from "@/lib/decontam/import-benchmark";
import { listBenchmarks } from "@/lib/decontam/list-benchmarks";
import { HttpError } from "@/lib/http/errors";

const USAGE = `usage: syllabus benchmark import <file> [--name <name>] [--json]
       syllabus benchmark list [--json]
       syllabus benchmark delete <name>

  Benchmarks that \`syllabus decontam\` checks snippets against.

  import   a JSONL or JSONL.gz file (gzip is recognized by its bytes): HumanEval (task_id, prompt,
           canonical_solution, test, entry_point), MBPP (task_id, text or prompt, code, test_list) or any
           JSONL with prompt-ish (prompt | text | question | instruction | problem | description | input)
           and/or solution-ish (canonical_solution | solution | code | completion | answer | output) fields.
           Importing again under the same name replaces its items by task id (the same file twice changes
           nothing). Malformed lines are skipped and listed with their line numbers.
    -n, --name <name>   benchmark name (default: the file name without .jsonl/.gz, e.g. HumanEval)
  list     benchmarks with their item counts and how many snippets match them now
  delete   a benchmark, its items and matches (flags of snippets that matched nothing else are cleared)

      --json              machine-readable output

  Exit code: 0 ok (import: even with malformed lines), 1 failed, 2 usage error.`;

export async function run(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { name: { type: "string", short: "n" }, json: { type: "boolean" }, help: { type: "boolean", short: "h" } },
    });
  } catch (e) {
    return usage((e as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help) return usage();
  const [sub, ...rest] = positionals;
  try {
    if (sub === "import") return await importCommand(rest, values.name, Boolean(values.json));
    if (sub === "list") return rest.length ? usage(`list takes no arguments, got "${rest.join(" ")}"`) : await listCommand(Boolean(values.json));
    if (sub === "delete") return await deleteCommand(rest, Boolean(values.json));
  } catch (e) {
    if (!(e instanceof HttpError)) throw e;
    console.error(`syllabus benchmark ${sub}: ${e.message}`);
    return e.status === 400 && sub !== "import" ? 2 : 1;
  }
  return usage(sub ? `unknown subcommand "${sub}" (import, list or delete)` : "a subcommand is required: import, list or delete");
}

async function importCommand(args: string[], name: string | undefined, json: boolean): Promise<number> {
  if (args.length !== 1) return usage(args.length === 0 ? "benchmark import needs a file" : `expected one file, got ${args.length}`);
  const filePath = path.resolve(args[0]);
  const stat = fs.statSync(filePath, { throwIfNoEntry: false });
  if (!stat?.isFile()) {
    console.error(`syllabus benchmark import: ${stat ? "not a file" : "no such file"}: ${args[0]}`);
    return 1;
  }
  const report = await importBenchmark({ filePath, name });
  if (json) console.log(JSON.stringify(report, null, 2));
  else console.log(formatReport(report));
  return 0;
}

export function formatReport(r: BenchmarkImportReport): string {
  const lines = [
    `Benchmark "${r.benchmark.name}" (${r.benchmark.fileName}, ${r.format}): ${r.benchmark.itemCount} items`,
    `  ${r.inserted} new, ${r.updated} changed, ${r.unchanged} unchanged, ${r.removed} removed; ${r.lines} lines read`,
  ];
  if (r.updated || r.removed) lines.push(`  Matches with changed or removed items were dropped${r.unflaggedSnippets ? ` (${r.unflaggedSnippets} snippets unflagged)` : ""}: run \`syllabus decontam\` again.`);
  if (r.errorCount) {
    lines.push(`  ${r.errorCount} malformed line${r.errorCount === 1 ? "" : "s"} skipped:`);
    for (const e of r.errors.slice(0, 20)) lines.push(`    line ${e.line}: ${e.reason}`);
    if (r.errorCount > 20) lines.push(`    … and ${r.errorCount - 20} more (--json lists up to ${r.errors.length})`);
  }
  return lines.join("\n");
}

async function listCommand(json: boolean): Promise<number> {
  const benchmarks = await listBenchmarks();
  if (json) {
    console.log(JSON.stringify(benchmarks, null, 2));
    return 0;
  }
  if (benchmarks.length === 0) {
    console.log("No benchmarks yet. Import one with `syllabus benchmark import HumanEval.jsonl.gz --name humaneval`.");
    return 0;
  }
  const rows = benchmarks.map((b) => [b.name, String(b.itemCount), String(b.flaggedSnippets), b.fileName, b.createdAt.slice(0, 16).replace("T", " ")]);
  const header = ["name", "items", "flagged snippets", "file", "imported (UTC)"];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 1 || i === 2 ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join("  ").trimEnd();
  console.log([line(header), ...rows.map(line)].join("\n"));
  return 0;
}

async function deleteCommand(args: string[], json: boolean): Promise<number> {
  if (args.length !== 1) return usage("benchmark delete needs the benchmark's name");
  const b = await db().benchmark.findUnique({ where: { name: args[0].trim() }, select: { id: true } });
  if (!b) {
    console.error(`syllabus benchmark delete: no benchmark named "${args[0]}" (see \`syllabus benchmark list\`)`);
    return 2;
  }
  const deleted = await deleteBenchmark({ benchmarkId: b.id });
  if (json) console.log(JSON.stringify(deleted, null, 2));
  else console.log(`Deleted benchmark "${deleted.name}" (${deleted.items} items)${deleted.unflaggedSnippets ? `; ${deleted.unflaggedSnippets} snippets are no longer flagged` : ""}.`);
  return 0;
}

function usage(problem?: string): number {
  if (problem) console.error(`syllabus benchmark: ${problem}\n`);
  (problem ? console.error : console.log)(USAGE);
  return problem ? 2 : 0;
}
