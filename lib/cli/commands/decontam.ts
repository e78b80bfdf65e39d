import { parseArgs } from "node:util";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { createDecontamRun } from "@/lib/decontam/create-decontam-run";
import { DECONTAM_DEFAULTS } from "@/lib/decontam/defaults";
import { getDecontamRun } from "@/lib/decontam/get-decontam-run";
import { listFlaggedSnippets } from "@/lib/decontam/list-flagged-snippets";
import type { DecontamRunDetail, FlaggedSnippet } from "@/lib/decontam/types";
import { formatDuration } from "@/lib/format-duration";
import { HttpError } from "@/lib/http/errors";
import { followUntil } from "../follow-until";
import { datasetByName } from "../lookups";

const USAGE = `usage: syllabus decontam (--dataset <name> | --all) [--ngram 13] [--benchmark <name>…] [--min-shared 1]
                        [--min-chars 50] [--wait] [--json]

  Checks snippets against imported benchmarks (\`syllabus benchmark import\`) as a job for a worker
  (\`syllabus worker\`): word n-gram overlap (words = runs of letters, digits and _, lowercased; punctuation
  and whitespace ignored) and normalized substring match (lowercase, whitespace runs collapsed) of each
  benchmark prompt/solution. Matched snippets are flagged and left out of exports unless a reviewer overrides
  (Decontam page); snippets of the scope no longer matched are unflagged.

  -d, --dataset <name>      the dataset to check
      --all                 every dataset
      --ngram <n>           words per n-gram, ${DECONTAM_DEFAULTS.ngram} by default (3–50)
  -b, --benchmark <name>    a benchmark to check against (repeat, or comma-separate; default: all)
      --min-shared <n>      n-grams an item must share to match (default ${DECONTAM_DEFAULTS.minShared})
      --min-chars <n>       shortest normalized prompt/solution the substring check looks for (default ${DECONTAM_DEFAULTS.minSubstringChars})
      --wait                follow the run to the end and print what it found
      --json                machine-readable output

  Exit code: 0 queued (with --wait: succeeded), 1 failed or cancelled, 2 usage error.`;

export async function run(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      options: {
        dataset: { type: "string", short: "d" },
        all: { type: "boolean" },
        ngram: { type: "string" },
        benchmark: { type: "string", short: "b", multiple: true },
        "min-shared": { type: "string" },
        "min-chars": { type: "string" },
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
  if (values.all && values.dataset !== undefined) return usage("--dataset and --all exclude each other");
  if (!values.all && !values.dataset?.trim()) return usage("--dataset <name> is required (or --all for every dataset)");
  let datasetId: number | null = null;
  if (values.dataset !== undefined) {
    const d = await datasetByName(values.dataset);
    if ("problem" in d) return usage(d.problem);
    datasetId = d.id;
  }
  const ints: Record<string, number | undefined> = {};
  for (const [flag, key] of [["ngram", "ngram"], ["min-shared", "minShared"], ["min-chars", "minSubstringChars"]] as const) {
    const raw = values[flag];
    if (raw === undefined) continue;
    const n = Number(raw);
    if (!Number.isInteger(n)) return usage(`--${flag} must be an integer, got "${raw}"`);
    ints[key] = n;
  }
  const names = (values.benchmark ?? []).flatMap((b) => b.split(",")).map((b) => b.trim()).filter(Boolean);
  const benchmarkIds: number[] = [];
  for (const name of names) {
    const b = await db().benchmark.findUnique({ where: { name }, select: { id: true } });
    if (!b) return usage(`no benchmark named "${name}" (see \`syllabus benchmark list\`)`);
    benchmarkIds.push(b.id);
  }

  const { jobRegistry } = await import("@/workers/registry");
  let created;
  try {
    created = await createDecontamRun({ datasetId, benchmarkIds, ...ints }, null, jobRegistry);
  } catch (e) {
    if (e instanceof HttpError) {
      console.error(`syllabus decontam: ${e.message}`);
      return e.status === 400 ? 2 : 1;
    }
    if (e instanceof z.ZodError) return usage(e.issues.map((i) => i.message).join("; "));
    throw e;
  }
  const { run: queued, jobId } = created;
  const what = `Decontamination run ${queued.id} (${scope(queued)}, ${queued.ngram}-grams, ${benchmarksLabel(queued)})`;
  if (!values.wait) {
    if (values.json) console.log(JSON.stringify({ run: queued, jobId }, null, 2));
    else console.log(`${what} queued as job ${jobId}. Follow it with --wait, on the Decontam page, or \`syllabus jobs show ${jobId}\`.`);
    return 0;
  }
  if (!values.json) console.log(`${what} queued as job ${jobId}.`);
  const final = await followUntil({
    load: () => getDecontamRun({ runId: queued.id }),
    done: (r) => r.status === "succeeded" || r.status === "cancelled" || (r.status === "failed" && r.job?.status !== "queued" && r.job?.status !== "running"),
    line: (r) => (r.status === "queued" ? `run ${r.id}: waiting for a worker${r.error ? ` (last attempt: ${r.error})` : ""}` : `run ${r.id}: ${r.done.toLocaleString("en-US")}/${r.total.toLocaleString("en-US")} snippets, ${r.flagged.toLocaleString("en-US")} flagged`),
    jobOf: (r) => (r.jobId === null ? null : { id: r.jobId, status: r.job?.status ?? r.status }),
    json: Boolean(values.json),
    what: `decontamination run ${queued.id}`,
  });
  if (!final) return 130;
  const flagged = final.status === "succeeded" ? await listFlaggedSnippets({ datasetId: final.datasetId ?? undefined, limit: 20 }) : null;
  if (values.json) console.log(JSON.stringify({ run: final, flagged: flagged?.items ?? [], flaggedTotal: flagged?.total ?? 0 }, null, 2));
  else console.log(formatRun(final, flagged));
  return final.status === "succeeded" ? 0 : 1;
}

const scope = (r: DecontamRunDetail) => (r.datasetId === null ? "every dataset" : `dataset ${r.datasetName ?? r.datasetId}`);
const benchmarksLabel = (r: DecontamRunDetail) => (r.benchmarks.length ? r.benchmarks.map((b) => b.name ?? `#${b.id}`).join(", ") : "all benchmarks");
const pct = (v: number) => `${(v * 100).toFixed(v < 0.1 ? 1 : 0)}%`;

function formatRun(r: DecontamRunDetail, flagged: { items: FlaggedSnippet[]; total: number } | null): string {
  const took = r.finishedAt ? new Date(r.finishedAt).getTime() - new Date(r.createdAt).getTime() : null;
  const lines = [`Decontamination run ${r.id} ${r.status}: ${r.flagged.toLocaleString("en-US")} of ${r.done.toLocaleString("en-US")} snippets flagged (${scope(r)}, ${r.ngram}-grams, min ${r.minShared} shared, substrings ≥ ${r.minSubstringChars} chars)${took !== null ? ` in ${formatDuration(took)}` : ""}`];
  if (r.error) lines.push(`  error: ${r.error}`);
  if (r.status !== "succeeded") return lines.join("\n");
  if (r.benchmarksMatched.length === 0) lines.push("  No benchmark item matched.");
  for (const b of r.benchmarksMatched) {
    lines.push(`  ${b.name}: ${b.snippets} snippets match ${b.items} items (${b.byMethod.ngram} by n-grams, ${b.byMethod.substring} by substring)`);
    lines.push(`    most matched: ${b.topItems.map((t) => `${t.taskId} (${t.snippets})`).join(", ")}`);
  }
  if (flagged && flagged.items.length) {
    lines.push("", `Flagged snippets${flagged.total > flagged.items.length ? ` (first ${flagged.items.length} of ${flagged.total})` : ""}:`);
    for (const s of flagged.items) {
      const m = s.matches.map((x) => `${x.benchmark} ${x.taskId} ${x.method} ${pct(x.overlap)}`).join("; ");
      lines.push(`  #${s.snippetId} ${s.datasetName}${s.path ? ` ${s.path}` : ""}: ${m}${s.override ? " [kept by override]" : ""}`);
    }
  }
  return lines.join("\n");
}

function usage(problem?: string): number {
  if (problem) console.error(`syllabus decontam: ${problem}\n`);
  (problem ? console.error : console.log)(USAGE);
  return problem ? 2 : 0;
}
