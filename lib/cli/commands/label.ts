import { parseArgs } from "node:util";
import { z } from "zod";
import { createCampaign, ZCreateCampaign } from "../../campaigns/create-campaign";
import { getCampaign } from "../../campaigns/get-campaign";
import type { CampaignEstimate, CampaignView } from "../../campaigns/types";
import { formatDuration } from "../../format-duration";
import { HttpError } from "../../http/errors";
import { followUntil } from "../follow-until";
import { datasetByName } from "../lookups";

const USAGE = `usage: syllabus label --dataset <name> [--limit N] [--model M] [--prompt-version V] [--concurrency C]
                      [--scope unlabeled|all] [--language L] [--sample first|random] [--seed S] [--batch] [--wait] [--json]

  Starts an LLM labeling campaign over a dataset: prints the estimate (snippets, tokens, cost, time), then
  queues the campaign for a worker (\`syllabus worker\`). Snippets already labeled by the same model and
  prompt version are always left out, so running the same command again never pays twice.

  -d, --dataset <name>        dataset to label (required)
      --limit <n>             label at most n snippets
      --scope <s>             unlabeled (default: no LLM label yet) or all
      --language <l>          only snippets in this language
      --sample <s>            first (default: lowest ids) or random (reproducible with --seed)
      --seed <n>              seed of a random sample (default: chosen and stored with the campaign)
      --model <m>             model (default: the labeling model from Settings / SYLLABUS_LABEL_MODEL)
      --prompt-version <v>    prompt version (default: the default version)
      --concurrency <c>       requests in flight, 1–64 (default 8)
      --batch                 use the OpenAI Batch API (half price, results within 24 h)
      --wait                  follow the campaign to the end, printing progress
      --json                  machine-readable output

  Exit code: 0 ok, 1 the campaign ended failed or cancelled (or could not start), 2 usage error.`;

export async function run(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      options: {
        dataset: { type: "string", short: "d" },
        limit: { type: "string" },
        scope: { type: "string" },
        language: { type: "string" },
        sample: { type: "string" },
        seed: { type: "string" },
        model: { type: "string" },
        "prompt-version": { type: "string" },
        concurrency: { type: "string" },
        batch: { type: "boolean" },
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
  const ints: Record<string, number | undefined> = {};
  for (const flag of ["limit", "seed", "concurrency"] as const) {
    const raw = values[flag];
    if (raw === undefined) continue;
    if (!/^\d+$/.test(raw)) return usage(`--${flag} must be a positive integer, got "${raw}"`);
    ints[flag] = Number(raw);
  }
  const dataset = await datasetByName(name);
  if ("problem" in dataset) return usage(dataset.problem);
  const input = ZCreateCampaign.safeParse({
    datasetId: dataset.id,
    filter: { scope: values.scope, language: values.language, limit: ints.limit, sample: values.sample, seed: ints.seed },
    model: values.model,
    promptVersion: values["prompt-version"],
    concurrency: ints.concurrency,
    mode: values.batch ? "batch" : "live",
  });
  if (!input.success) return usage(z.prettifyError(input.error));

  // The job registry sits above lib/ (it imports domain code); loaded as the worker command loads it.
  const { jobRegistry } = await import("@/workers/registry");
  let created;
  try {
    created = await createCampaign(input.data, jobRegistry);
  } catch (e) {
    if (!(e instanceof HttpError)) throw e;
    console.error(`syllabus label: ${e.message}`);
    return e.status === 409 ? 1 : 2;
  }
  const campaign = await getCampaign({ campaignId: created.id });
  if (!values.wait) {
    if (values.json) console.log(JSON.stringify({ campaign, estimate: created.estimate }, null, 2));
    else console.log(`${formatEstimate(created.estimate)}\n\nCampaign ${campaign.id} queued as job ${created.jobId}. A worker runs it (\`syllabus worker\`); follow it on /campaigns/${campaign.id}.`);
    return 0;
  }
  if (!values.json) console.log(`${formatEstimate(created.estimate)}\n\nCampaign ${campaign.id} queued as job ${created.jobId}.`);
  const final = await follow(campaign.id, Boolean(values.json));
  if (!final) return 130;
  if (values.json) console.log(JSON.stringify({ campaign: final, estimate: created.estimate }, null, 2));
  else console.log(formatResult(final));
  return final.status === "succeeded" ? 0 : 1;
}

const FINAL = new Set(["succeeded", "failed", "cancelled"]);

/** Polls the campaign until it ends; null when interrupted (the campaign goes on in the background). */
function follow(id: number, json: boolean): Promise<CampaignView | null> {
  return followUntil({
    load: () => getCampaign({ campaignId: id }),
    done: (c) => FINAL.has(c.status),
    line: progressLine,
    jobOf: (c) => c.job,
    json,
    what: `campaign ${id} (cancel it on /campaigns/${id})`,
  });
}

function progressLine(c: CampaignView): string {
  const pct = c.total > 0 ? Math.floor((100 * c.done) / c.total) : 0;
  const state = c.status === "queued" ? "waiting for a worker" : `${c.done.toLocaleString("en-US")}/${c.total.toLocaleString("en-US")} ${pct}%`;
  return `campaign ${c.id}: ${state} · ${c.labeled.toLocaleString("en-US")} labeled · ${c.failed.toLocaleString("en-US")} failed · $${c.costUsd.toFixed(4)}`;
}

function formatEstimate(e: CampaignEstimate): string {
  return [
    `Estimate (${e.model}, prompt ${e.promptVersion}, ${e.mode}${e.mode === "live" ? `, ${e.concurrency} concurrent` : ""}):`,
    `  snippets       ${e.count.toLocaleString("en-US")}${e.alreadyLabeled ? ` (${e.alreadyLabeled.toLocaleString("en-US")} already labeled by this model and prompt, left out)` : ""}`,
    `  input tokens   ${e.inputTokens.toLocaleString("en-US")}${e.sampled ? ` (extrapolated from a sample of ${e.sampleSize.toLocaleString("en-US")})` : ""}`,
    `  output tokens  ${e.outputTokens.toLocaleString("en-US")} (${e.outputTokensPerItem} per snippet, ${e.outputTokensSource === "history" ? "from past labels" : "default"})`,
    `  cost           ${e.priceKnown ? `$${e.costUsd.toFixed(4)}${e.batchPricing ? " (Batch API price)" : ""}` : "unknown: the model is not in the price table"}`,
    `  time           ${e.seconds === null ? "within 24 h (Batch API)" : `about ${formatDuration(e.seconds * 1000)}`}`,
  ].join("\n");
}

function formatResult(c: CampaignView): string {
  const lines = [
    `Campaign ${c.id} ${c.status}: ${c.labeled.toLocaleString("en-US")} labeled, ${c.failed.toLocaleString("en-US")} failed, ${c.skipped.toLocaleString("en-US")} skipped of ${c.total.toLocaleString("en-US")}`,
    `  tokens ${c.inputTokens.toLocaleString("en-US")} in / ${c.outputTokens.toLocaleString("en-US")} out · $${c.costUsd.toFixed(4)} (estimated $${c.estimate.costUsd.toFixed(4)}) · ${c.requests.toLocaleString("en-US")} requests, ${c.retries.toLocaleString("en-US")} retries${c.durationSeconds !== null ? ` · ${formatDuration(c.durationSeconds * 1000)}` : ""}`,
  ];
  if (c.error) lines.push(`  error: ${c.error}`);
  if (c.failed) lines.push(`  failed snippets: see /campaigns/${c.id}; retry them there.`);
  return lines.join("\n");
}

function usage(problem?: string): number {
  if (problem) console.error(`syllabus label: ${problem}\n`);
  (problem ? console.error : console.log)(USAGE);
  return problem ? 2 : 0;
}
