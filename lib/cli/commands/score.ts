import { parseArgs } from "node:util";
import { createScoreRun } from "@/lib/classifier/create-score-run";
import { getActiveModel } from "@/lib/classifier/get-active-model";
import { listScoreRuns } from "@/lib/classifier/list-score-runs";
import type { ScoreRunView } from "@/lib/classifier/types";
import { formatDuration, formatRate } from "@/lib/format-duration";
import { HttpError } from "@/lib/http/errors";
import { followUntil } from "../follow-until";
import { datasetByName, modelByVersion } from "../lookups";

const USAGE = `usage: syllabus score [--model <version>] [--dataset <name>] [--activate] [--chunk-size N] [--wait] [--json]

  Scores snippets with a classifier version in id-range chunks that any number of workers share
  (\`syllabus worker\`). Default model: the active one, whose probabilities are refreshed in the snippet
  table. Scoring with another version only stores its scores (compare versions on the models page) unless
  --activate, which makes it the active model once every snippet is scored.

  -m, --model <version>     model version, e.g. 3 or v3 (default: the active model)
  -d, --dataset <name>      only this dataset's snippets (default: every dataset)
      --activate            make the model active when the run finishes (every dataset)
      --chunk-size <n>      snippets per chunk job (default 20000)
      --wait                follow the run to the end
      --json                machine-readable output

  Exit code: 0 ok, 1 the run failed (or could not start), 2 usage error.`;

export async function run(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      options: {
        model: { type: "string", short: "m" },
        dataset: { type: "string", short: "d" },
        activate: { type: "boolean" },
        "chunk-size": { type: "string" },
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
  const active = await getActiveModel();
  let modelId: number;
  let version: number;
  if (values.model !== undefined) {
    const m = await modelByVersion(values.model);
    if ("problem" in m) return usage(m.problem);
    ({ id: modelId, version } = m);
  } else {
    if (!active) return usage("no model is active yet: pass --model <version> (see `syllabus models`)");
    ({ id: modelId, version } = active);
  }
  let datasetId: number | undefined;
  if (values.dataset !== undefined) {
    const d = await datasetByName(values.dataset);
    if ("problem" in d) return usage(d.problem);
    datasetId = d.id;
  }
  const chunkSize = values["chunk-size"] === undefined ? undefined : Number(values["chunk-size"]);
  if (chunkSize !== undefined && !Number.isInteger(chunkSize)) return usage(`--chunk-size must be an integer, got "${values["chunk-size"]}"`);

  const { jobRegistry } = await import("@/workers/registry");
  let created;
  try {
    created = await createScoreRun({ modelId, datasetId, chunkSize, activate: Boolean(values.activate) || active?.id === modelId }, null, jobRegistry);
  } catch (e) {
    if (!(e instanceof HttpError)) throw e;
    console.error(`syllabus score: ${e.message}`);
    return e.status === 400 ? 2 : 1;
  }
  const { run: scoreRun, jobId } = created;
  const where = scoreRun.datasetName ? `dataset ${scoreRun.datasetName}` : "every dataset";
  if (!values.wait) {
    if (values.json) console.log(JSON.stringify({ run: scoreRun, jobId }, null, 2));
    else console.log(`Score run ${scoreRun.id} (v${version}, ${where}${scoreRun.activate ? ", activating" : ""}) queued as job ${jobId}. Workers share its chunks (\`syllabus worker\`).`);
    return 0;
  }
  if (!values.json) console.log(`Score run ${scoreRun.id} (v${version}, ${where}${scoreRun.activate ? ", activating" : ""}) queued as job ${jobId}.`);
  const final = await followUntil({
    load: async () => (await listScoreRuns({ ids: [scoreRun.id] }))[0],
    done: (r) => r.status === "succeeded" || r.status === "failed" || r.status === "cancelled",
    line: (r) => (r.status === "queued" && r.chunks === 0 ? `run ${r.id}: waiting for a worker` : `run ${r.id}: ${r.done.toLocaleString("en-US")}/${r.total.toLocaleString("en-US")} snippets, ${r.chunksDone}/${r.chunks} chunks`),
    jobOf: (r) => (r.jobId === null ? null : { id: r.jobId, status: r.status }),
    json: Boolean(values.json),
    what: `score run ${scoreRun.id}`,
  });
  if (!final) return 130;
  if (values.json) console.log(JSON.stringify(final, null, 2));
  else console.log(formatRun(final, version));
  return final.status === "succeeded" ? 0 : 1;
}

function formatRun(r: ScoreRunView, version: number): string {
  const took = r.startedAt && r.finishedAt ? new Date(r.finishedAt).getTime() - new Date(r.startedAt).getTime() : null;
  const speed = r.snippetsPerSecond ? ` (${formatRate(r.snippetsPerSecond)})` : "";
  const line = `Score run ${r.id} ${r.status}: ${r.done.toLocaleString("en-US")} snippets scored with v${version} in ${r.chunks} chunks${took !== null ? ` in ${formatDuration(took)}` : ""}${speed}`;
  const tail = r.status === "succeeded" && r.activate ? `\n  v${version} is the active model.` : r.error ? `\n  error: ${r.error}` : "";
  return line + tail;
}

function usage(problem?: string): number {
  if (problem) console.error(`syllabus score: ${problem}\n`);
  (problem ? console.error : console.log)(USAGE);
  return problem ? 2 : 0;
}
