import { parseArgs } from "node:util";
import { z } from "zod";
import { cancelJob } from "@/lib/jobs/cancel-job";
import { errorSummary } from "@/lib/jobs/format-job-error";
import { getJob } from "@/lib/jobs/get-job";
import type { JobView } from "@/lib/jobs/job-view";
import { listJobs, ZListJobs } from "@/lib/jobs/list-jobs";
import { JobNotRetryableError, retryJob } from "@/lib/jobs/retry-job";

const USAGE = `usage:
  syllabus jobs [list] [--status queued|running|succeeded|failed|cancelled] [--name <job>] [--limit <n>] [--json]
  syllabus jobs show <id> [--json]
  syllabus jobs cancel <id>
  syllabus jobs retry <id>`;

export async function run(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { json: { type: "boolean" }, status: { type: "string" }, name: { type: "string" }, limit: { type: "string" }, help: { type: "boolean", short: "h" } },
    });
  } catch (e) {
    return usage((e as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help) return usage();
  const [sub = "list", idArg, ...extra] = positionals;
  if (extra.length) return usage(`unexpected arguments: ${extra.join(" ")}`);

  if (sub === "list") {
    const input = ZListJobs.safeParse({ status: values.status, name: values.name, limit: values.limit ?? 20 });
    if (!input.success) return usage(z.prettifyError(input.error));
    const { jobs } = await listJobs(input.data);
    if (values.json) console.log(JSON.stringify(jobs, null, 2));
    else printTable(jobs);
    return 0;
  }

  const id = Number(idArg);
  if (!Number.isInteger(id) || id <= 0) return usage(`${sub}: a job id is required`);
  if (sub === "show") {
    const job = await getJob(id);
    if (!job) return notFound(id);
    console.log(values.json ? JSON.stringify(job, null, 2) : formatJob(job));
    return 0;
  }
  if (sub === "cancel") {
    const job = await cancelJob(id);
    if (!job) return notFound(id);
    console.log(job.status === "running" ? `job ${id}: cancel requested; the worker stops it at its next heartbeat` : `job ${id}: ${job.status}`);
    return 0;
  }
  if (sub === "retry") {
    try {
      const job = await retryJob(id);
      console.log(`job ${id}: queued again (attempt ${job.attempt} of ${job.maxAttempts} used)`);
      return 0;
    } catch (e) {
      if (e instanceof JobNotRetryableError) {
        console.error(`syllabus jobs: ${e.message}`);
        return 1;
      }
      throw e;
    }
  }
  return usage(`unknown subcommand "${sub}"`);
}

function progressText(j: JobView): string {
  if (j.progressTotal <= 0) return j.progressDone > 0 ? String(j.progressDone) : "";
  return `${j.progressDone}/${j.progressTotal} ${Math.round((j.progress ?? 0) * 100)}%`;
}

function printTable(jobs: JobView[]): void {
  if (jobs.length === 0) {
    console.log("no jobs");
    return;
  }
  const rows = jobs.map((j) => [
    String(j.id),
    j.name,
    j.status + (j.cancelRequested && j.status === "running" ? " (cancelling)" : ""),
    `${j.attempt}/${j.maxAttempts}`,
    progressText(j),
    j.createdAt.replace("T", " ").slice(0, 19),
    errorSummary(j.error) || j.message,
  ]);
  const header = ["ID", "NAME", "STATUS", "ATTEMPT", "PROGRESS", "CREATED (UTC)", "MESSAGE / ERROR"];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (r: string[]) => r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i]))).join("  ");
  console.log(line(header));
  for (const r of rows) console.log(line(r).slice(0, 200));
}

function formatJob(j: JobView): string {
  return [
    `job ${j.id}  ${j.name}  ${j.status}${j.cancelRequested ? " (cancel requested)" : ""}`,
    `attempt   ${j.attempt}/${j.maxAttempts}`,
    `progress  ${progressText(j) || "-"}`,
    `message   ${j.message || "-"}`,
    `payload   ${JSON.stringify(j.payload)}`,
    `created   ${j.createdAt}`,
    `run at    ${j.runAt}`,
    `started   ${j.startedAt ?? "-"}`,
    `finished  ${j.finishedAt ?? "-"}`,
    `worker    ${j.workerId ?? "-"}${j.leaseUntil ? `  (lease until ${j.leaseUntil})` : ""}`,
    ...(j.error ? ["error", j.error.replace(/^/gm, "  ")] : []),
  ].join("\n");
}

function notFound(id: number): number {
  console.error(`syllabus jobs: no job ${id}`);
  return 1;
}

function usage(problem?: string): number {
  if (problem) console.error(`syllabus jobs: ${problem}`);
  console.error(USAGE);
  return problem ? 2 : 0;
}
