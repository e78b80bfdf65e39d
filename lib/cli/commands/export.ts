import { parseArgs } from "node:util";
import { z } from "zod";
import { createExport } from "../../export/create-export";
import { getExport } from "../../export/get-export";
import { previewExport } from "../../export/preview-export";
import { ZExportSpec, type ExportDetail, type ExportPreview, type TExportSpec } from "../../export/types";
import { formatBytes } from "../../format-bytes";
import { formatDuration } from "../../format-duration";
import { HttpError } from "../../http/errors";
import { followUntil } from "../follow-until";
import { datasetByName, modelByVersion } from "../lookups";

const USAGE = `usage: syllabus export --dataset <name> [--dataset <name2>…] [filter] [options] [--out <dir>] [--dry-run] [--wait] [--json]

  Exports training-ready shards (Hugging Face layout: data/train-00000-of-000NN.parquet, manifest.json,
  README.md dataset card) of the snippets that pass a filter, shuffled by a seed. Prints the preview (rows,
  tokens, shards, labels), then queues the export for a worker (\`syllabus worker\`), which writes it into a
  temp directory next to --out and renames it into place when complete.

  Filter (one of; default: the active classifier model at its cut):
      --model <version> [--cut <p>]   classifier version (3 or v3) and probability cut (default: its cut)
      --cut <p>                       the active model at another cut
      --min-llm-score <k>             latest LLM score ≥ k (0–5)
      --human-approved                median human score ≥ the dataset's threshold
      --all                           no quality filter (exclusions still apply)
  Exclusions and inclusions:
      --include-synthetic             add synthetic items a reviewer approved
      --no-exclude-contaminated       keep snippets flagged by decontamination (default: left out unless overridden)
      --exclude-near-duplicates       leave out near-duplicates of a kept representative
      --include-human-rejected        keep snippets whose median human score is below the threshold
      --min-tokens <n>, --max-tokens <n>   token range (o200k)
      --language <l>                  only this language (repeatable)
  Output:
      --validation <fraction>         validation split share, e.g. 0.05 (default 0: train only)
      --format parquet|jsonl          Parquet (Snappy, default) or JSONL.gz
      --shard-rows <n> | --shard-bytes <b>   rows per shard, or content bytes per shard (e.g. 500MB; default 500MB)
      --seed <n>                      shuffle seed (default: random, recorded in the manifest)
      --name <name>                   export name (default: from the datasets)
      --out <dir>                     destination; must not exist or be empty (default: <data dir>/exports/<id>-<name>)
      --dry-run                       print the preview only
      --wait                          follow the export to the end
      --json                          machine-readable output

  Exit code: 0 ok, 1 the export failed or was cancelled (or could not start), 2 usage error.`;

export async function run(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      options: {
        dataset: { type: "string", short: "d", multiple: true },
        model: { type: "string", short: "m" },
        cut: { type: "string" },
        "min-llm-score": { type: "string" },
        "human-approved": { type: "boolean" },
        all: { type: "boolean" },
        "include-synthetic": { type: "boolean" },
        "no-exclude-contaminated": { type: "boolean" },
        "exclude-near-duplicates": { type: "boolean" },
        "include-human-rejected": { type: "boolean" },
        "min-tokens": { type: "string" },
        "max-tokens": { type: "string" },
        language: { type: "string", multiple: true },
        validation: { type: "string" },
        format: { type: "string" },
        "shard-rows": { type: "string" },
        "shard-bytes": { type: "string" },
        seed: { type: "string" },
        name: { type: "string" },
        out: { type: "string", short: "o" },
        "dry-run": { type: "boolean" },
        wait: { type: "boolean" },
        json: { type: "boolean" },
        help: { type: "boolean", short: "h" },
      },
    });
  } catch (e) {
    return usage((e as Error).message);
  }
  const { values: v } = parsed;
  if (v.help) return usage();
  if (!v.dataset?.length) return usage("--dataset <name> is required (repeat it for several datasets)");

  const filters = [v.model !== undefined || v.cut !== undefined, v["min-llm-score"] !== undefined, Boolean(v["human-approved"]), Boolean(v.all)].filter(Boolean).length;
  if (filters > 1) return usage("choose one filter: --model/--cut, --min-llm-score, --human-approved or --all");
  if (v["shard-rows"] !== undefined && v["shard-bytes"] !== undefined) return usage("choose --shard-rows or --shard-bytes, not both");

  const int = (flag: string, raw: string | undefined): number | undefined | string => {
    if (raw === undefined) return undefined;
    return /^\d+$/.test(raw.trim()) ? Number(raw) : `--${flag} must be a non-negative integer, got "${raw}"`;
  };
  const ints: Record<string, number | undefined> = {};
  for (const flag of ["min-llm-score", "min-tokens", "max-tokens", "shard-rows", "seed"] as const) {
    const n = int(flag, v[flag]);
    if (typeof n === "string") return usage(n);
    ints[flag] = n;
  }
  const shardBytes = v["shard-bytes"] === undefined ? undefined : parseBytes(v["shard-bytes"]);
  if (shardBytes === null) return usage(`--shard-bytes must be a size like 500000000, 500MB or 1GiB, got "${v["shard-bytes"]}"`);
  const num = (flag: string, raw: string | undefined): number | undefined | string => {
    if (raw === undefined) return undefined;
    const n = Number(raw);
    return raw.trim() !== "" && Number.isFinite(n) ? n : `--${flag} must be a number, got "${raw}"`;
  };
  const cut = num("cut", v.cut);
  if (typeof cut === "string") return usage(cut);
  const validation = num("validation", v.validation);
  if (typeof validation === "string") return usage(validation);
  if (v.format !== undefined && v.format !== "parquet" && v.format !== "jsonl") return usage(`--format must be parquet or jsonl, got "${v.format}"`);

  const datasetIds: number[] = [];
  for (const name of v.dataset) {
    const d = await datasetByName(name);
    if ("problem" in d) return usage(d.problem);
    datasetIds.push(d.id);
  }
  let filter: TExportSpec["filter"];
  if (v["min-llm-score"] !== undefined) filter = { mode: "llm", minLlmScore: ints["min-llm-score"]! };
  else if (v["human-approved"]) filter = { mode: "human" };
  else if (v.all) filter = { mode: "all" };
  else {
    let modelId: number | undefined;
    if (v.model !== undefined) {
      const m = await modelByVersion(v.model);
      if ("problem" in m) return usage(m.problem);
      modelId = m.id;
    }
    filter = { mode: "model", modelId, cut };
  }
  const spec = ZExportSpec.safeParse({
    datasetIds,
    filter,
    excludeHumanRejected: !v["include-human-rejected"],
    includeSynthetic: Boolean(v["include-synthetic"]),
    excludeContaminated: !v["no-exclude-contaminated"],
    excludeNearDuplicates: Boolean(v["exclude-near-duplicates"]),
    minTokens: ints["min-tokens"],
    maxTokens: ints["max-tokens"],
    languages: v.language ?? [],
    split: { validationFraction: validation ?? 0 },
    shard: ints["shard-rows"] !== undefined ? { rows: ints["shard-rows"] } : shardBytes !== undefined ? { bytes: shardBytes } : undefined,
    format: v.format,
    seed: ints.seed,
    name: v.name,
  } satisfies Record<keyof TExportSpec, unknown>);
  if (!spec.success) return usage(z.prettifyError(spec.error));

  let preview: ExportPreview;
  try {
    preview = await previewExport(spec.data);
  } catch (e) {
    return httpProblem(e);
  }
  if (v["dry-run"]) {
    console.log(v.json ? JSON.stringify({ preview }, null, 2) : formatPreview(preview));
    return 0;
  }
  if (!v.json) console.log(formatPreview(preview));
  if (preview.rows === 0) {
    console.error("syllabus export: nothing to export: no snippet matches this filter");
    return 1;
  }

  const { jobRegistry } = await import("@/workers/registry");
  let created;
  try {
    created = await createExport({ spec: spec.data, outDir: v.out }, jobRegistry);
  } catch (e) {
    return httpProblem(e);
  }
  if (!v.wait) {
    if (v.json) console.log(JSON.stringify({ export: await getExport({ exportId: created.id }), preview }, null, 2));
    else console.log(`Export ${created.id} queued as job ${created.jobId}; a worker writes it to ${created.outDir} (\`syllabus worker\`).`);
    return 0;
  }
  if (!v.json) console.log(`Export ${created.id} queued as job ${created.jobId} → ${created.outDir}`);
  const final = await followUntil({
    load: () => getExport({ exportId: created.id }),
    done: (e) => e.status === "succeeded" || e.status === "failed" || e.status === "cancelled" || e.status === "deleted",
    line: (e) => (e.status === "queued" ? `export ${e.id}: waiting for a worker` : `export ${e.id}: ${e.job?.message ?? e.status} (${e.shards.length} shards written)`),
    jobOf: (e) => (e.job ? { id: e.job.id, status: e.job.status } : null),
    json: Boolean(v.json),
    what: `export ${created.id}`,
  });
  if (!final) return 130;
  if (v.json) console.log(JSON.stringify({ export: final }, null, 2));
  else console.log(formatResult(final));
  return final.status === "succeeded" ? 0 : 1;
}

/** "500000000", "500MB", "500M", "1.5GB", "1GiB" → bytes (decimal units for KB/MB/GB, binary for KiB/MiB/GiB). */
export function parseBytes(raw: string): number | null {
  const m = /^\s*(\d+(?:\.\d+)?)\s*([kmgt]?i?b?)?\s*$/i.exec(raw);
  if (!m) return null;
  const unit = (m[2] ?? "").toLowerCase().replace(/b$/, "");
  const pow = { "": 0, k: 1, m: 2, g: 3, t: 4, ki: 1, mi: 2, gi: 3, ti: 4 }[unit];
  if (pow === undefined) return null;
  const n = Math.round(Number(m[1]) * (unit.endsWith("i") ? 1024 : 1000) ** pow);
  return Number.isSafeInteger(n) && n > 0 ? n : null;
}

const fmt = (n: number) => n.toLocaleString("en-US");

function formatPreview(p: ExportPreview): string {
  const lines = [
    `Filter: ${p.filterSummary}`,
    `Rows: ${fmt(p.rows)} (train ${fmt(p.train.rows)}, validation ${fmt(p.validation.rows)}) · ${p.tokensEstimated ? "≈ " : ""}${fmt(p.tokens)} tokens${p.tokensEstimated ? ` (${fmt(p.uncountedRows)} rows not counted yet: estimated at ${p.tokensPerByte.toFixed(3)} tokens/byte; the export counts them exactly)` : ""} · ${formatBytes(p.bytes)} of content · ≈ ${fmt(p.shards)} shard${p.shards === 1 ? "" : "s"}`,
    `LLM scores: ${Object.entries(p.labels.llm).sort(([a], [b]) => a.localeCompare(b)).map(([k, n]) => `${k}: ${fmt(n)}`).join(", ") || "none"} · human: ${fmt(p.labels.human.approved)} approved, ${fmt(p.labels.human.rejected)} rejected, ${fmt(p.labels.human.unlabeled)} unlabeled · synthetic ${fmt(p.labels.synthetic)}`,
    ...p.breakdown.slice(0, 20).map((b) => `  ${b.dataset.padEnd(20)} ${b.language.padEnd(12)} ${fmt(b.rows).padStart(10)} rows ${fmt(b.tokens).padStart(14)} tokens`),
  ];
  if (p.breakdown.length > 20) lines.push(`  … ${p.breakdown.length - 20} more dataset/language pairs`);
  return lines.join("\n");
}

function formatResult(e: ExportDetail): string {
  const took = e.startedAt && e.finishedAt ? ` in ${formatDuration(new Date(e.finishedAt).getTime() - new Date(e.startedAt).getTime())}` : "";
  if (e.status !== "succeeded") return `Export ${e.id} ${e.status}${took}${e.error ? `: ${e.error}` : ""}`;
  return [
    `Export ${e.id} succeeded${took}: ${fmt(e.rows)} rows, ${fmt(e.tokens)} tokens, ${e.shardCount} shards, ${formatBytes(e.bytes)}`,
    `  ${e.outDir}`,
    ...e.shards.map((s) => `  ${s.fileName}  ${fmt(s.rows)} rows  ${formatBytes(s.bytes)}  sha256 ${s.sha256.slice(0, 16)}…`),
  ].join("\n");
}

function httpProblem(e: unknown): number {
  if (e instanceof z.ZodError) return usage(z.prettifyError(e));
  if (!(e instanceof HttpError)) throw e;
  console.error(`syllabus export: ${e.message}`);
  return e.status === 400 ? 2 : 1;
}

function usage(problem?: string): number {
  if (problem) console.error(`syllabus export: ${problem}\n`);
  (problem ? console.error : console.log)(USAGE);
  return problem ? 2 : 0;
}
