import { parseArgs } from "node:util";
import { z } from "zod";
import { cancelJob } from "@/lib/jobs/cancel-job";
import { formatDuration, formatRate } from "@/lib/format-duration";
import { getJob } from "@/lib/jobs/get-job";
import type { JobListItem, JobView } from "@/lib/jobs/job-view";
import { listJobLogs, type JobLogView } from "@/lib/jobs/list-job-logs";
import { listJobs, ZListJobs } from "@/lib/jobs/list-jobs";
import { JobNotRetryableError, retryJob } from "@/lib/jobs/retry-job";

const USAGE = `usage:
  syllabus jobs [list] [--status queued|running|succeeded|failed|cancelled] [--name <job>] [--limit <n>] [--json]
  syllabus jobs show <id> [--lines <n>] [--json]   (job details and the last n log lines, default 40)
  syllabus jobs cancel <id>
  syllabus jobs retry <id>`;

export async function run(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        json: { type: "boolean" },
        status: { type: "string" },
        name: { type: "string" },
        limit: { type: "string" },
        lines: { type: "string" },
        help: { type: "boolean", short: "h" },
      },
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
    const lines = Number(values.lines ?? 40);
    if (!Number.isInteger(lines) || lines < 1 || lines > 2_000) return usage(`--lines must be an integer from 1 to 2000, got "${values.lines}"`);
    const job = await getJob(id);
    if (!job) return notFound(id);
    const { logs, earlier } = await listJobLogs(id, { limit: lines });
    console.log(values.json ? JSON.stringify({ job, logs, earlier }, null, 2) : `${formatJob(job)}\n${formatLogs(logs, earlier)}`);
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

function progressText(j: JobListItem): string {
  if (j.progressTotal <= 0) return j.progressDone > 0 ? String(j.progressDone) : "";
  return `${j.progressDone}/${j.progressTotal} ${Math.round((j.progress ?? 0) * 100)}%`;
}

function printTable(jobs: JobListItem[]): void {
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
    j.durationMs === null ? "" : formatDuration(j.durationMs),
    j.throughput === null ? "" : formatRate(j.throughput),
    j.createdAt.replace("T", " ").slice(0, 19),
    j.errorSummary || j.message,
  ]);
  const header = ["ID", "NAME", "STATUS", "ATTEMPT", "PROGRESS", "DURATION", "RATE", "CREATED (UTC)", "MESSAGE / ERROR"];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (r: string[]) => r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i]))).join("  ");
  console.log(line(header));
  for (const r of rows) console.log(line(r).slice(0, 200));
}

function formatJob(j: JobView): string {
  return [
    `job ${j.id}  ${j.name}  ${j.status}${j.cancelRequested ? " (cancel requested)" : ""}`,
    `attempt   ${j.attempt}/${j.maxAttempts}`,
    `progress  ${progressText(j) || "-"}${j.throughput === null ? "" : `  (${formatRate(j.throughput)})`}`,
    `duration  ${j.durationMs === null ? "-" : formatDuration(j.durationMs)}${j.status === "running" ? " so far" : ""}`,
    `message   ${j.message || "-"}`,
    `payload   ${JSON.stringify(j.payload)}`,
    `created   ${j.createdAt}`,
    `run at    ${j.runAt}`,
    `started   ${j.startedAt ?? "-"}`,
    `finished  ${j.finishedAt ?? "-"}`,
    `worker    ${j.workerId ?? "-"}${j.leaseUntil ? `  (lease until ${j.leaseUntil})` : ""}`,
    ...(j.link ? [`see       ${j.link.label} (${j.link.href})`] : []),
    ...(j.error ? ["error", j.error.replace(/^/gm, "  ")] : []),
  ].join("\n");
}

function formatLogs(logs: JobLogView[], earlier: boolean): string {
  if (logs.length === 0) return "log       (empty)";
  const lines = logs.map((l) => {
    const [first, ...rest] = l.message.split("\n");
    const head = `  ${l.createdAt.slice(11, 23)} #${l.attempt} ${l.level === "info" ? "     " : l.level.toUpperCase().padEnd(5)} ${first}`;
    return [head, ...rest.map((r) => `${" ".repeat(24)}${r}`)].join("\n");
  });
  return [`log${earlier ? " (last lines; earlier ones on the jobs page or with --lines)" : ""}`, ...lines].join("\n");
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
