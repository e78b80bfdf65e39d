import { parseArgs } from "node:util";

const USAGE = `usage: syllabus worker [--concurrency <n>]
  Runs queued jobs until SIGTERM/SIGINT. Environment: DATABASE_URL, WORKER_CONCURRENCY (default 1),
  JOB_LEASE_MS (30000), JOB_POLL_MS (1000), JOB_SHUTDOWN_GRACE_MS (20000), JOB_HOUSEKEEPING_MS (60000),
  JOB_BACKOFF_BASE_MS (10000), JOB_BACKOFF_MAX_MS (3600000), JOB_LOG_RETENTION_DAYS (30; 0 keeps job logs forever).`;

export async function run(argv: string[]): Promise<number> {
  let values: { concurrency?: string; help?: boolean };
  try {
    ({ values } = parseArgs({ args: argv, options: { concurrency: { type: "string", short: "c" }, help: { type: "boolean", short: "h" } } }));
  } catch (e) {
    return usage((e as Error).message);
  }
  if (values.help) return usage();
  const concurrency = values.concurrency === undefined ? undefined : Number(values.concurrency);
  if (concurrency !== undefined && !(Number.isInteger(concurrency) && concurrency >= 1 && concurrency <= 64)) {
    return usage(`--concurrency must be an integer from 1 to 64, got "${values.concurrency}"`);
  }
  // The worker sits above lib/ (its registry imports domain code); loaded only for this command.
  const { startWorkerProcess } = await import("@/workers/start-worker-process");
  return startWorkerProcess({ concurrency });
}

function usage(problem?: string): number {
  if (problem) console.error(`syllabus worker: ${problem}`);
  console.error(USAGE);
  return problem ? 2 : 0;
}
