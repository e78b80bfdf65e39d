import path from "node:path";
import { pathToFileURL } from "node:url";
import { z } from "zod";
import { checkDatabaseReady } from "@/lib/cli/require-migrated-db";
import { disconnectDb } from "@/lib/db/client";
import { closeRaw } from "@/lib/db/raw";
import { extendJobRegistry, type JobDefinition, type JobRegistry } from "@/lib/jobs/job-definition";
import { describeDatabase, ZWorkerEnv } from "./env";
import { jobRegistry } from "./registry";
import { startWorker } from "./run-worker";

/**
 * The worker as a process (`npm run worker`, `syllabus worker`): validates the environment, checks the
 * database, runs the loop until SIGTERM/SIGINT, then shuts down gracefully. Resolves to the exit code:
 * 0 after a clean stop, 1 if handlers had to be abandoned or the database is unusable, 2 for bad config.
 * A second signal exits the process at once with 130 (running jobs' leases expire; other workers take them).
 */
export async function startWorkerProcess(overrides: { concurrency?: number } = {}): Promise<number> {
  const parsed = ZWorkerEnv.safeParse(process.env);
  if (!parsed.success) {
    console.error(`worker: invalid environment\n${z.prettifyError(parsed.error)}`);
    return 2;
  }
  const env = parsed.data;
  process.env.DATABASE_URL = env.DATABASE_URL;
  const log = (line: string) => console.log(`${new Date().toISOString()} ${line}`);

  try {
    const registry = await withExtraJobs(jobRegistry, env.SYLLABUS_EXTRA_JOBS);
    log(`worker: database ${describeDatabase(env.DATABASE_URL)}`);
    const problem = await checkDatabaseReady(env.DATABASE_URL);
    if (problem) {
      console.error(`worker: ${problem}`);
      return 1;
    }

    const concurrency = overrides.concurrency ?? env.WORKER_CONCURRENCY;
    const worker = startWorker({
      registry,
      concurrency,
      pollMs: env.JOB_POLL_MS,
      leaseMs: env.JOB_LEASE_MS,
      heartbeatMs: env.JOB_HEARTBEAT_MS,
      shutdownGraceMs: env.JOB_SHUTDOWN_GRACE_MS,
      housekeepingMs: env.JOB_HOUSEKEEPING_MS,
      jobLogRetentionDays: env.JOB_LOG_RETENTION_DAYS,
      backoff: { baseMs: env.JOB_BACKOFF_BASE_MS, maxMs: env.JOB_BACKOFF_MAX_MS },
      log,
    });
    log(`worker ${worker.workerId}: started, concurrency ${concurrency}, jobs: ${registry.names().join(", ")}`);

    return await new Promise<number>((resolve) => {
      let signals = 0;
      const onSignal = (signal: NodeJS.Signals) => {
        if (++signals > 1) {
          log(`worker: ${signal} again, exiting now; leases of running jobs will expire`);
          process.exit(130);
        }
        log(`worker: ${signal}, stopping (waiting up to ${env.JOB_SHUTDOWN_GRACE_MS / 1000}s for ${worker.active()} running job(s); ${signal} again to exit now)`);
        void worker.stop().then((clean) => {
          log(clean ? "worker: stopped" : "worker: stopped; some handlers did not stop in time, their leases will expire");
          const code = clean ? 0 : 1;
          // An abandoned handler (or its timers) must not keep the process alive; an unref'd timer only
          // fires if something still does, so a clean stop exits on its own.
          setTimeout(() => process.exit(code), 2_000).unref();
          resolve(code);
        });
      };
      process.on("SIGTERM", onSignal);
      process.on("SIGINT", onSignal);
    });
  } finally {
    await disconnectDb().catch(() => {});
    await closeRaw().catch(() => {});
  }
}

async function withExtraJobs(registry: JobRegistry, modulePath: string | undefined): Promise<JobRegistry> {
  if (!modulePath) return registry;
  const mod = (await import(pathToFileURL(path.resolve(modulePath)).href)) as { jobs?: JobDefinition[] };
  if (!Array.isArray(mod.jobs)) throw new Error(`SYLLABUS_EXTRA_JOBS=${modulePath} does not export a \`jobs\` array`);
  return extendJobRegistry(registry, mod.jobs);
}
