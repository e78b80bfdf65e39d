import { parseArgs } from "node:util";
import { HttpError } from "@/lib/http/errors";
import { createExecRun } from "@/lib/synthetic/execute/create-exec-run";
import { getExecRun } from "@/lib/synthetic/execute/get-exec-run";
import type { ExecRunView } from "@/lib/synthetic/execute/types";
import { followUntil } from "../follow-until";
import { datasetByName } from "../lookups";

const USAGE = `usage: syllabus execute --dataset <name> [--scope all|unrun|failed] [--wait] [--json]

  Runs a dataset's synthetic items in the python3 sandbox as a job (\`syllabus worker\` runs it): each
  exercise as prompt + solution + tests, each textbook section's \`\`\`python blocks in order. Results are
  stored on the items (review page) and counted on the run.

  -d, --dataset <name>   the dataset
  -s, --scope <scope>    all (default) · unrun: never run, or edited since · failed: last run did not pass
      --wait             follow the run to the end and print the counts
      --json             machine-readable output

  Exit code: 0 queued (with --wait: finished), 1 the run failed or was cancelled, 2 usage error.`;

export async function run(argv: string[]): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        dataset: { type: "string", short: "d" },
        scope: { type: "string", short: "s" },
        wait: { type: "boolean" },
        json: { type: "boolean" },
        help: { type: "boolean", short: "h" },
      },
    }));
  } catch (e) {
    return usage((e as Error).message);
  }
  if (values.help) return usage();
  if (!values.dataset) return usage("--dataset is required");
  const scope = values.scope ?? "all";
  if (scope !== "all" && scope !== "unrun" && scope !== "failed") return usage(`--scope must be all, unrun or failed, got "${scope}"`);
  const dataset = await datasetByName(values.dataset);
  if ("problem" in dataset) return usage(dataset.problem);

  const { jobRegistry } = await import("@/workers/registry");
  let created: ExecRunView;
  try {
    created = await createExecRun({ datasetId: dataset.id, scope }, null, jobRegistry);
  } catch (e) {
    if (!(e instanceof HttpError)) throw e;
    console.error(`syllabus execute: ${e.message}`);
    return e.status === 400 ? 2 : 1;
  }
  const head = `Execution run ${created.id} (dataset ${dataset.name}, scope ${scope}) queued as job ${created.job?.id}.`;
  if (!values.wait) {
    if (values.json) console.log(JSON.stringify({ run: created }, null, 2));
    else console.log(`${head} A worker runs it (\`syllabus worker\`).`);
    return 0;
  }
  if (!values.json) console.log(head);
  const final = await followUntil({
    load: () => getExecRun(created.id),
    done: (r) => r.status === "succeeded" || r.status === "failed" || r.status === "cancelled",
    line: (r) => (r.status === "queued" ? `run ${r.id}: waiting for a worker` : `run ${r.id}: ${r.done}/${r.total} items, ${r.passed} passed, ${r.failed} failed`),
    jobOf: (r) => r.job,
    json: Boolean(values.json),
    what: `execution run ${created.id}`,
  });
  if (!final) return 130;
  if (values.json) console.log(JSON.stringify(final, null, 2));
  else console.log(`Execution run ${final.id} ${final.status}: ${final.done} of ${final.total} items executed, ${final.passed} passed, ${final.failed} did not pass${final.error ? `\n  error: ${final.error}` : ""}`);
  return final.status === "succeeded" ? 0 : 1;
}

function usage(problem?: string): number {
  if (problem) console.error(`syllabus execute: ${problem}\n`);
  (problem ? console.error : console.log)(USAGE);
  return problem ? 2 : 0;
}
