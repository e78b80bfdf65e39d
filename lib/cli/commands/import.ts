import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { plainContext } from "../../context";
import { formatImportReport } from "../../corpus/format-import-report";
import { ImportInterruptedError } from "../../corpus/import-errors";
import { importFile, ImportOptionsError } from "../../corpus/import-file";
import type { ImportReport } from "../../corpus/types";

const USAGE = `usage: syllabus import <file> --dataset <name> [--kind textbook|exercise [--campaign <name|id>]]
                       [--json] [--max-line-bytes <n>] [--batch-size <n>]

  Imports a JSONL, JSONL.gz or Parquet file (The Stack's columns or text/content/code) into a dataset,
  creating the dataset if needed. Exact duplicates are skipped; bad lines are reported and skipped.
  Running the same command again after an interruption resumes where it stopped.

  Synthetic items: with --kind (or into an existing textbook/exercise dataset) each record is a textbook
  section {id, kind, topic, audience, title, text} or an exercise {id, kind, topic, function_name, prompt,
  solution, tests}; a record's own "kind" wins over --kind. The items are attached to a generation campaign:
  --campaign names an existing one (or the new import campaign to create), else one is created per import.

  -d, --dataset <name>      dataset to import into (required)
      --kind <kind>         textbook | exercise: import synthetic items (the dataset is created with this kind)
      --campaign <name|id>  synthetic imports: the generation campaign to attach the items to
      --json                print the report as JSON
      --max-line-bytes <n>  longest accepted line (default 1048576)
      --batch-size <n>      rows per transaction (default 2000)

  Exit code: 0 when the import ran (even with bad lines), 1 on a fatal error, 2 on a usage error,
  130 when interrupted (resumable).`;

export async function run(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        dataset: { type: "string", short: "d" },
        kind: { type: "string" },
        campaign: { type: "string" },
        json: { type: "boolean" },
        "max-line-bytes": { type: "string" },
        "batch-size": { type: "string" },
        help: { type: "boolean", short: "h" },
      },
    });
  } catch (e) {
    return usage((e as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help) return usage();
  if (positionals.length !== 1) return usage(positionals.length === 0 ? "a file to import is required" : `expected one file, got ${positionals.length}`);
  if (!values.dataset?.trim()) return usage("--dataset <name> is required");
  const kind = values.kind?.trim();
  if (kind !== undefined && kind !== "textbook" && kind !== "exercise") return usage(`--kind must be textbook or exercise, got "${values.kind}"`);
  const campaignArg = values.campaign?.trim();
  if (values.campaign !== undefined && !campaignArg) return usage("--campaign needs a campaign name or id");
  const campaign = campaignArg && /^\d+$/.test(campaignArg) ? Number(campaignArg) : campaignArg;
  const maxLineBytes = intOption(values["max-line-bytes"], "--max-line-bytes", 16);
  const batchSize = intOption(values["batch-size"], "--batch-size", 1);
  if (typeof maxLineBytes === "string") return usage(maxLineBytes);
  if (typeof batchSize === "string") return usage(batchSize);

  const filePath = path.resolve(positionals[0]);
  const stat = fs.statSync(filePath, { throwIfNoEntry: false });
  if (!stat?.isFile()) {
    console.error(`syllabus import: ${stat ? "not a file" : "no such file"}: ${positionals[0]}`);
    return 1;
  }
  const controller = new AbortController();
  const onSignal = () => {
    if (controller.signal.aborted) process.exit(130);
    controller.abort();
    clearProgress();
    console.error("syllabus import: stopping after the current batch (press Ctrl-C again to quit at once)…");
  };
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);
  const tty = process.stderr.isTTY === true;
  let progressShown = false;
  const clearProgress = () => {
    if (progressShown) process.stderr.write("\r\x1b[2K");
    progressShown = false;
  };
  const onProgress = (done: number, total: number, message?: string) => {
    if (!tty) return;
    const pct = total > 0 ? Math.floor((done / total) * 100) : 0;
    process.stderr.write(`\r\x1b[2Kimporting ${path.basename(filePath)}: ${pct}% of ${(total / 1e6).toFixed(1)} MB, ${message ?? ""}`);
    progressShown = true;
  };

  let report: ImportReport;
  let code: number;
  try {
    report = await importFile(
      { dataset: values.dataset, filePath, maxLineBytes, batchSize, kind, campaign },
      plainContext(onProgress, controller.signal),
    );
    code = report.status === "failed" ? 1 : 0;
  } catch (e) {
    if (e instanceof ImportOptionsError) {
      console.error(`syllabus import: ${e.message}`);
      return 2;
    }
    if (!(e instanceof ImportInterruptedError)) throw e;
    report = e.report;
    code = 130;
  } finally {
    clearProgress();
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
  }
  if (values.json) console.log(JSON.stringify(report, null, 2));
  else {
    console.log(formatImportReport(report));
    if (code === 130) console.log("\nInterrupted: run the same command again to resume.");
  }
  return code;
}

function intOption(value: string | undefined, flag: string, min: number): number | undefined | string {
  if (value === undefined) return undefined;
  const n = Number(value);
  return Number.isInteger(n) && n >= min ? n : `${flag} must be an integer ≥ ${min}, got "${value}"`;
}

function usage(problem?: string): number {
  if (problem) console.error(`syllabus import: ${problem}\n`);
  (problem ? console.error : console.log)(USAGE);
  return problem ? 2 : 0;
}
