import { parseArgs } from "node:util";
import { z } from "zod";
import { createTrainingRun, ZTrainClassifier } from "@/lib/classifier/create-training-run";
import { getModel } from "@/lib/classifier/get-model";
import type { ModelDetail } from "@/lib/classifier/types";
import { formatDuration } from "@/lib/format-duration";
import { HttpError } from "@/lib/http/errors";
import { followUntil } from "../follow-until";
import { datasetByName } from "../lookups";

const USAGE = `usage: syllabus train --dataset <name> [--threshold 3] [--trees 100] [--folds 5] [--max-depth D] [--min-leaf N]
                      [--target-precision 0.9] [--embeddings] [--no-activate] [--seed S] [--wait] [--json]

  Trains a new classifier version on a dataset's labeled snippets (human labels first, else the newest LLM
  label; high = score >= threshold): stratified k-fold cross-validation, then a final random forest on every
  row. Queued for a worker (\`syllabus worker\`). Unless --no-activate, the new model then scores every
  snippet and becomes the active one.

  -d, --dataset <name>          dataset whose labels train the model (required)
      --threshold <n>           scores >= n are "high" (default: the dataset's threshold)
      --trees <n>               trees per forest (default 100)
      --folds <k>               cross-validation folds (default 5)
      --max-depth <d>           depth limit (default: none)
      --min-leaf <n>            fewest rows in a leaf (default 1)
      --target-precision <p>    the probability cut is chosen to reach this precision (default 0.9)
      --embeddings              append cached embeddings to the features (run the embed job first)
      --no-activate             keep the current active model; score nothing
      --seed <n>                random seed (default 1)
      --wait                    follow training to the end and print the cross-validated metrics
      --json                    machine-readable output

  Exit code: 0 ok, 1 training failed (or could not start), 2 usage error.`;

export async function run(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      options: {
        dataset: { type: "string", short: "d" },
        threshold: { type: "string" },
        trees: { type: "string" },
        folds: { type: "string" },
        "max-depth": { type: "string" },
        "min-leaf": { type: "string" },
        "target-precision": { type: "string" },
        embeddings: { type: "boolean" },
        "no-activate": { type: "boolean" },
        seed: { type: "string" },
        wait: { type: "boolean" },
        json: { type: "boolean" },
        help: { type: "boolean", short: "h" },
      },
    });
  } catch (e) {
    return usage((e as Error).message);
  }
  const { values } = parsed;
  if (values.help) return usage();
  const name = values.dataset?.trim();
  if (!name) return usage("--dataset <name> is required");
  const numbers: Record<string, number | undefined> = {};
  for (const flag of ["threshold", "trees", "folds", "max-depth", "min-leaf", "seed", "target-precision"] as const) {
    const raw = values[flag];
    if (raw === undefined) continue;
    if (!/^\d+(\.\d+)?$/.test(raw)) return usage(`--${flag} must be a number, got "${raw}"`);
    numbers[flag] = Number(raw);
  }
  const dataset = await datasetByName(name);
  if ("problem" in dataset) return usage(dataset.problem);
  const input = ZTrainClassifier.safeParse({
    datasetId: dataset.id,
    threshold: numbers.threshold,
    trees: numbers.trees,
    folds: numbers.folds,
    maxDepth: numbers["max-depth"],
    minSamplesLeaf: numbers["min-leaf"],
    targetPrecision: numbers["target-precision"],
    seed: numbers.seed,
    useEmbeddings: Boolean(values.embeddings),
    activate: !values["no-activate"],
  });
  if (!input.success) return usage(z.prettifyError(input.error));

  const { jobRegistry } = await import("@/workers/registry");
  let created;
  try {
    created = await createTrainingRun(input.data, null, jobRegistry);
  } catch (e) {
    if (!(e instanceof HttpError)) throw e;
    console.error(`syllabus train: ${e.message}`);
    return 1;
  }
  const { model, jobId } = created;
  if (!values.wait) {
    if (values.json) console.log(JSON.stringify({ model, jobId }, null, 2));
    else console.log(`Model v${model.version} queued for training as job ${jobId}. A worker runs it (\`syllabus worker\`); follow it on /models/${model.id}.`);
    return 0;
  }
  if (!values.json) console.log(`Model v${model.version} queued for training as job ${jobId}.`);
  const final = await followUntil({
    load: () => getModel(model.id),
    done: (m) => m.status !== "training",
    line: (m) => (m.job?.status === "queued" ? `v${m.version}: waiting for a worker` : `v${m.version}: ${m.job?.message || "training"} (${m.job?.progressDone ?? 0}/${m.job?.progressTotal ?? 0} trees)`),
    jobOf: (m) => m.job,
    json: Boolean(values.json),
    what: `model v${model.version}`,
  });
  if (!final) return 130;
  if (values.json) console.log(JSON.stringify(final, null, 2));
  else console.log(formatModel(final));
  return final.status === "ready" ? 0 : 1;
}

const pct = (v: number | null | undefined) => (v === null || v === undefined ? "n/a" : v.toFixed(3));

/** The cross-validated report: AUCs with the spread over folds, the cut and what it gives, confusion, top features. */
export function formatModel(m: ModelDetail): string {
  if (m.status !== "ready" || !m.metrics) return `Model v${m.version} ${m.status}${m.error ? `: ${m.error}` : ""}`;
  const x = m.metrics;
  const d = m.data;
  const folds = x.foldRocAuc.map((v) => pct(v)).join(", ");
  const c = x.confusion;
  const lines = [
    `Model v${m.version} ready (${m.datasetName ?? "deleted dataset"}, high = score >= ${m.threshold}; ${formatDuration(x.trainSeconds * 1000)})`,
    d ? `  data         ${d.rows} rows: ${d.positives} high, ${d.negatives} low; ${d.fromHuman} from human labels, ${d.fromLlm} from LLM labels` : "",
    `  ROC AUC      ${pct(x.rocAuc)} ± ${pct(x.rocAucStd)} over ${x.folds} folds (${folds})`,
    `  PR AUC       ${pct(x.prAuc)}`,
    `  OOB          ROC AUC ${pct(x.oob.rocAuc)}, accuracy ${pct(x.oob.accuracy)} (final forest)`,
    `  cut          ${x.cut.toFixed(3)} for precision ${x.targetPrecision}${x.cutNote ? ` — ${x.cutNote}` : ""}`,
    `  at the cut   precision ${pct(x.precision)}, recall ${pct(x.recall)}, F1 ${pct(x.f1)}`,
    `  confusion    TP ${c.tp}  FP ${c.fp}  TN ${c.tn}  FN ${c.fn}`,
    `  top features ${m.importances.slice(0, 8).map((f) => `${f.name} ${(f.importance * 100).toFixed(1)}%`).join(", ")}`,
  ];
  const run = m.scoreRuns[0];
  if (run?.activate && run.status !== "succeeded") lines.push(`  scoring every snippet (run ${run.id}); v${m.version} becomes active when it finishes`);
  return lines.filter(Boolean).join("\n");
}

function usage(problem?: string): number {
  if (problem) console.error(`syllabus train: ${problem}\n`);
  (problem ? console.error : console.log)(USAGE);
  return problem ? 2 : 0;
}
