import { parseArgs } from "node:util";
import { db } from "@/lib/db/client";
import { createDiversityReport } from "@/lib/diversity/create-diversity-report";
import { formatDiversityReport } from "@/lib/diversity/format-diversity-report";
import { getDiversityReport } from "@/lib/diversity/get-diversity-report";
import type { DiversityReportView } from "@/lib/diversity/types";
import { HttpError } from "@/lib/http/errors";
import { followUntil } from "../follow-until";
import { datasetByName } from "../lookups";

const USAGE = `usage: syllabus diversity --dataset <name> [--campaign <id|name>] [options] [--wait] [--json]

  Queues a diversity report of a dataset (or of one generation campaign of it): distinct-1/2/3, compression
  ratio, MinHash/LSH near-duplicates over every item (and marks them for export: snippet.nearDupOf),
  Vendi score and dispersion on a seeded sample (cached embeddings when every sampled item has one, TF-IDF
  otherwise), coverage of the topic × audience grid with its normalized entropy, function-name uniqueness,
  most repeated openings and n-grams. A worker computes it (\`syllabus worker\`); --wait follows it and
  prints the figures. --latest prints the newest finished report instead of computing a new one.

  -d, --dataset <name>      dataset (required)
  -c, --campaign <id|name>  only this generation campaign's items
      --sample <n>          sample size for the text and vector metrics (default 1000, 2–2000)
      --seed <n>            sample and MinHash seed (default 1)
      --threshold <j>       Jaccard similarity of near-duplicates (default 0.8)
      --vectors <kind>      auto | tfidf | embeddings (default auto)
      --threads <n>         MinHash threads (default: one per core)
      --latest              print the newest succeeded report of the scope, compute nothing
      --wait                follow the report to the end and print its figures
      --json                machine-readable output (the report as GET /api/diversity/reports/:id returns it)

  Exit code: 0 ok, 1 the report failed (or could not start), 2 usage error.`;

export async function run(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      options: {
        dataset: { type: "string", short: "d" },
        campaign: { type: "string", short: "c" },
        sample: { type: "string" },
        seed: { type: "string" },
        threshold: { type: "string" },
        vectors: { type: "string" },
        threads: { type: "string" },
        latest: { type: "boolean" },
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
  if (!values.dataset) return usage("--dataset is required");
  const dataset = await datasetByName(values.dataset);
  if ("problem" in dataset) return usage(dataset.problem);
  let campaignId: number | null = null;
  if (values.campaign !== undefined) {
    const c = await campaignByIdOrName(dataset.id, values.campaign);
    if ("problem" in c) return usage(c.problem);
    campaignId = c.id;
  }
  const numbers: Record<string, number | undefined> = {};
  for (const [flag, key] of [["sample", "sampleSize"], ["seed", "seed"], ["threshold", "threshold"], ["threads", "threads"]] as const) {
    const raw = values[flag];
    if (raw === undefined) continue;
    const n = Number(raw);
    if (raw.trim() === "" || !Number.isFinite(n)) return usage(`--${flag} must be a number, got "${raw}"`);
    numbers[key] = n;
  }
  if (values.vectors !== undefined && !["auto", "tfidf", "embeddings"].includes(values.vectors)) return usage(`--vectors must be auto, tfidf or embeddings, got "${values.vectors}"`);

  if (values.latest) {
    const latest = await db().diversityReport.findFirst({ where: { datasetId: dataset.id, campaignId, status: "succeeded" }, orderBy: { id: "desc" }, select: { id: true } });
    if (!latest) {
      console.error(`syllabus diversity: no finished report for ${campaignId === null ? `dataset ${dataset.name}` : `campaign ${campaignId}`} yet (run without --latest to compute one)`);
      return 1;
    }
    return print(await getDiversityReport(latest.id), Boolean(values.json));
  }

  const { jobRegistry } = await import("@/workers/registry");
  let created;
  try {
    created = await createDiversityReport({ datasetId: dataset.id, campaignId, ...numbers, vectors: values.vectors as "auto" | "tfidf" | "embeddings" | undefined }, null, jobRegistry);
  } catch (e) {
    if (e instanceof HttpError) {
      console.error(`syllabus diversity: ${e.message}`);
      return e.status === 400 ? 2 : 1;
    }
    if (e instanceof Error && e.name === "ZodError") return usage(e.message);
    throw e;
  }
  const { report, jobId } = created;
  const scope = report.campaignName ? `dataset ${report.datasetName}, campaign ${report.campaignName}` : `dataset ${report.datasetName}`;
  if (!values.wait) {
    if (values.json) console.log(JSON.stringify({ report, jobId }, null, 2));
    else console.log(`Diversity report ${report.id} (${scope}) queued as job ${jobId}. A worker computes it (\`syllabus worker\`); see it on /diversity?dataset=${report.datasetId}.`);
    return 0;
  }
  if (!values.json) console.log(`Diversity report ${report.id} (${scope}) queued as job ${jobId}.`);
  const final = await followUntil({
    load: () => getDiversityReport(report.id),
    done: (r) => r.status === "succeeded" || r.status === "failed" || r.status === "cancelled",
    line: (r) => (r.job && r.job.status === "running" ? `report ${r.id}: ${r.job.message ?? "running"}` : `report ${r.id}: waiting for a worker`),
    jobOf: (r) => (r.job ? { id: r.job.id, status: r.job.status } : null),
    json: Boolean(values.json),
    what: `diversity report ${report.id}`,
  });
  if (!final) return 130;
  return print(final, Boolean(values.json));
}

function print(r: DiversityReportView, json: boolean): number {
  console.log(json ? JSON.stringify(r, null, 2) : formatDiversityReport(r));
  return r.status === "succeeded" ? 0 : 1;
}

/** `--campaign 3` (an id) or `--campaign "spring batch"` (a name), within the dataset. */
async function campaignByIdOrName(datasetId: number, arg: string): Promise<{ id: number } | { problem: string }> {
  const trimmed = arg.trim();
  const byId = /^\d+$/.test(trimmed) ? await db().generationCampaign.findFirst({ where: { id: Number(trimmed), datasetId }, select: { id: true } }) : null;
  if (byId) return byId;
  const byName = await db().generationCampaign.findMany({ where: { name: trimmed, datasetId }, select: { id: true }, orderBy: { id: "desc" } });
  if (byName.length === 1) return byName[0];
  if (byName.length > 1) return { problem: `${byName.length} campaigns of this dataset are named "${trimmed}": pass the id (${byName.map((c) => c.id).join(", ")})` };
  return { problem: `no generation campaign "${trimmed}" in this dataset (see the Synthetic page)` };
}

function usage(problem?: string): number {
  if (problem) console.error(`syllabus diversity: ${problem}\n`);
  (problem ? console.error : console.log)(USAGE);
  return problem ? 2 : 0;
}
