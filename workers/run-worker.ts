import crypto from "node:crypto";
import os from "node:os";
import type { BackoffOptions } from "@/lib/jobs/backoff";
import { claimJob } from "@/lib/jobs/claim-job";
import { conciseMessage } from "@/lib/jobs/format-job-error";
import { executeJob, type JobOutcome } from "@/lib/jobs/execute-job";
import type { JobRegistry } from "@/lib/jobs/job-definition";
import { releaseJob } from "@/lib/jobs/release-job";
import type { Job } from "@/lib/jobs/types";
import { runHousekeeping } from "./housekeeping";

export type WorkerOptions = {
  registry: JobRegistry;
  /** Jobs run at once by this process. */
  concurrency?: number;
  /** Sleep between polls when the queue is empty (a found job is followed by an immediate poll). */
  pollMs?: number;
  leaseMs?: number;
  heartbeatMs?: number;
  /** On stop, how long running handlers get to reach a safe point. */
  shutdownGraceMs?: number;
  /** Interval of runHousekeeping; 0 turns it off. */
  housekeepingMs?: number;
  /** Housekeeping deletes the log lines of jobs finished longer ago than this; 0 keeps them. */
  jobLogRetentionDays?: number;
  backoff?: BackoffOptions;
  workerId?: string;
  log?: (line: string) => void;
};

export type WorkerHandle = {
  workerId: string;
  /** Jobs running right now. */
  active(): number;
  /**
   * Stops claiming, aborts the running handlers' signals and waits up to shutdownGraceMs for them. Jobs
   * whose handler stopped go back to the queue; a handler that did not stop in time keeps its lease,
   * which expires so another worker re-runs the job. Resolves true when every handler settled.
   */
  stop(): Promise<boolean>;
};

export const WORKER_DEFAULTS = { concurrency: 1, pollMs: 1_000, leaseMs: 30_000, shutdownGraceMs: 20_000, housekeepingMs: 60_000 } as const;

export function startWorker(options: WorkerOptions): WorkerHandle {
  const concurrency = options.concurrency ?? WORKER_DEFAULTS.concurrency;
  const pollMs = options.pollMs ?? WORKER_DEFAULTS.pollMs;
  const leaseMs = options.leaseMs ?? WORKER_DEFAULTS.leaseMs;
  const graceMs = options.shutdownGraceMs ?? WORKER_DEFAULTS.shutdownGraceMs;
  const housekeepingMs = options.housekeepingMs ?? WORKER_DEFAULTS.housekeepingMs;
  const workerId = options.workerId ?? `${os.hostname()}:${process.pid}:${crypto.randomBytes(2).toString("hex")}`;
  const log = options.log ?? ((line: string) => console.log(line));
  const names = options.registry.names();

  const shutdown = new AbortController();
  const running = new Set<Promise<void>>();
  const waker = createWaker();

  const run = (job: Job, leaseRequestedAt: number) => {
    const label = `job ${job.id} ${job.name} (attempt ${job.attempt}/${job.maxAttempts})`;
    log(`${label} started`);
    const task = executeJob(job, options.registry.get(job.name), {
      leaseMs,
      leaseRequestedAt,
      heartbeatMs: options.heartbeatMs,
      backoff: options.backoff,
      shutdownSignal: shutdown.signal,
      log,
    })
      .then((outcome) => log(`${label} ${describe(outcome)}`))
      .catch((e: unknown) => log(`${label} crashed the runner: ${(e as Error).stack ?? e}`))
      .finally(() => {
        running.delete(task);
        waker.notify();
      });
    running.add(task);
  };

  const loop = (async () => {
    let errors = 0;
    while (!shutdown.signal.aborted) {
      if (running.size >= concurrency) {
        await waker.wait(60_000);
        continue;
      }
      let job: Job | null;
      const requestedAt = Date.now();
      try {
        job = await claimJob({ workerId, names, leaseMs });
        errors = 0;
      } catch (e) {
        errors++;
        log(`claiming failed (${errors} in a row): ${conciseMessage(e)}`);
        await waker.wait(Math.min(30_000, pollMs * 2 ** Math.min(errors, 5)));
        continue;
      }
      if (!job) {
        await waker.wait(pollMs);
      } else if (shutdown.signal.aborted) {
        // Claimed while stop() was called: hand it straight back rather than start it.
        await releaseJob(job, { message: "released by a stopping worker" }).catch(() => {});
      } else {
        run(job, requestedAt);
      }
    }
  })();

  let housekeepingRun: Promise<void> = Promise.resolve();
  const housekeep = () => {
    housekeepingRun = runHousekeeping(undefined, { jobLogRetentionDays: options.jobLogRetentionDays })
      .then((r) => {
        const changed = Object.entries(r).filter(([, n]) => n > 0);
        if (changed.length) log(`housekeeping: ${changed.map(([k, n]) => `${k} ${n}`).join(", ")}`);
      })
      .catch((e: unknown) => log(`housekeeping failed: ${conciseMessage(e)}`));
  };
  const housekeepingTimer = housekeepingMs > 0 ? setInterval(housekeep, housekeepingMs) : undefined;
  housekeepingTimer?.unref();
  if (housekeepingMs > 0) housekeep();

  let stopping: Promise<boolean> | undefined;
  return {
    workerId,
    active: () => running.size,
    stop() {
      stopping ??= (async () => {
        clearInterval(housekeepingTimer);
        shutdown.abort();
        waker.notify();
        await loop;
        const settled = Promise.allSettled([...running]).then(() => true);
        let timer: NodeJS.Timeout | undefined;
        const timeout = new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), graceMs)));
        const clean = await Promise.race([settled, timeout]);
        clearTimeout(timer);
        await housekeepingRun;
        return clean;
      })();
      return stopping;
    },
  };
}

function describe(o: JobOutcome): string {
  const took = `${(o.durationMs / 1000).toFixed(1)}s`;
  switch (o.status) {
    case "succeeded":
      return `succeeded in ${took}`;
    case "retrying":
      return `failed in ${took}, retry in ${(o.retryInMs / 1000).toFixed(1)}s: ${o.error}`;
    case "failed":
      return `failed for good in ${took}: ${o.error}`;
    case "cancelled":
      return `cancelled after ${took}`;
    case "released":
      return `stopped after ${took}, back in the queue`;
    case "lost":
      return `abandoned after ${took}: ${o.reason}`;
  }
}

/** A sleep the loop can be woken from early (a slot freed up, or stop was called). */
function createWaker() {
  let wake: (() => void) | undefined;
  let pending = false;
  return {
    wait(ms: number): Promise<void> {
      if (pending) {
        pending = false;
        return Promise.resolve();
      }
      return new Promise((resolve) => {
        const timer = setTimeout(done, ms);
        function done() {
          clearTimeout(timer);
          wake = undefined;
          resolve();
        }
        wake = done;
      });
    },
    notify() {
      if (wake) wake();
      else pending = true;
    },
  };
}
