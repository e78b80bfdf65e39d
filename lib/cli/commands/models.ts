import { parseArgs } from "node:util";
import { listModels } from "@/lib/classifier/list-models";
import type { ModelView } from "@/lib/classifier/types";

const USAGE = `usage: syllabus models [--json]

  Lists classifier versions, newest first: status, training dataset, rows, cross-validated ROC AUC and
  PR AUC, the probability cut, and which one is active (its probabilities are the snippet table's).`;

export async function run(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: { json: { type: "boolean" }, help: { type: "boolean", short: "h" } } });
  } catch (e) {
    return usage((e as Error).message);
  }
  if (parsed.values.help) return usage();
  const models = await listModels();
  if (parsed.values.json) {
    console.log(JSON.stringify(models, null, 2));
    return 0;
  }
  if (models.length === 0) {
    console.log("No models yet. Train one with `syllabus train --dataset <name>`.");
    return 0;
  }
  console.log(formatTable(models));
  return 0;
}

const num = (v: number | null, digits = 3) => (v === null ? "—" : v.toFixed(digits));

function formatTable(models: ModelView[]): string {
  const rows = models.map((m) => [
    `${m.active ? "*" : " "}v${m.version}`,
    m.status,
    m.datasetName ?? "—",
    m.rows === null ? "—" : String(m.rows),
    num(m.rocAuc),
    num(m.prAuc),
    num(m.cut),
    m.trainedAt ? m.trainedAt.slice(0, 16).replace("T", " ") : "—",
  ]);
  const header = ["version", "status", "dataset", "rows", "ROC AUC", "PR AUC", "cut", "trained (UTC)"];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i])).join("  ").trimEnd();
  return [line(header), ...rows.map(line), "", "* active: its probabilities are the snippets' classifier probability."].join("\n");
}

function usage(problem?: string): number {
  if (problem) console.error(`syllabus models: ${problem}\n`);
  (problem ? console.error : console.log)(USAGE);
  return problem ? 2 : 0;
}
