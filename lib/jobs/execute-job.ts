import { z } from "zod";
import type { TaskContext } from "@/lib/context";
import { JobCancelledError, LeaseLostError, WorkerShutdownError } from "./abort-reasons";
import type { BackoffOptions } from "./backoff";
import { completeJob } from "./complete-job";
import { failJob } from "./fail-job";
import { conciseMessage, formatJobError } from "./format-job-error";
import { heartbeatJob, type JobProgress } from "./heartbeat";
import type { JobDefinition } from "./job-definition";
import { createJobLogBuffer, type JobLogBuffer, type JobLogLevel } from "./job-log-buffer";
import { markJobCancelled } from "./mark-job-cancelled";
import { releaseJob } from "./release-job";
import type { Job } from "./types";

export type ExecuteJobOptions = {
  leaseMs: number;
  /** How often the lease is renewed (and cancel checked) while the handler runs; default leaseMs / 3. */
  heartbeatMs?: number;
  backoff?: BackoffOptions;
  /**
   * When the claim was requested (Date.now() before calling claimJob). The lease started no earlier, so
   * the worker's idea of when it expires errs early. Default: when executeJob is called.
   */
  leaseRequestedAt?: number;
  /** Aborted when the worker stops: the handler is asked to stop and the job is handed back to the queue. */
  shutdownSignal?: AbortSignal;
  /** The worker's own log (stdout); the job's log lines go to the job_log table. */
  log?: (line: string) => void;
};

export type JobOutcome = { durationMs: number } & (
  | { status: "succeeded" }
  | { status: "retrying"; retryInMs: number; error: string }
  | { status: "failed"; error: string }
  | { status: "cancelled" }
  | { status: "released" }
  /** The job was no longer ours (lease taken over, or the outcome could not be written); nothing was written. */
  | { status: "lost"; reason: string }
);

/**
 * Runs one claimed job: re-validates its payload, gives the handler a TaskContext whose heartbeat renews
 * the lease (also automatically every heartbeatMs) and whose signal aborts on cancel, shutdown or a lost
 * lease, then records the outcome with writes fenced by the attempt number.
 *
 * If the signal was aborted before the handler settled, the abort reason decides the outcome even when the
 * handler returned normally (a handler may stop early by returning): cancel → cancelled, shutdown →
 * released to the queue, lost lease → nothing written.
 *
 * The job's log (ctx.log plus lines about the attempt itself: who ran it, the error with its stack, the
 * retry delay, cancel, release) is buffered and written about once a second, with no writes while the
 * handler logs nothing, and once more when the attempt is settled.
 */
export async function executeJob(job: Job, definition: JobDefinition | undefined, options: ExecuteJobOptions): Promise<JobOutcome> {
  const started = Date.now();
  const lease = { id: job.id, attempt: job.attempt, maxAttempts: job.maxAttempts };
  const log = options.log ?? (() => {});
  const finish = (o: DistributiveOmit<JobOutcome, "durationMs">): JobOutcome => ({ ...o, durationMs: Date.now() - started }) as JobOutcome;

  const logs = createJobLogBuffer(lease, { onError: log });
  const system = { uncapped: true };
  logs.add(`attempt ${job.attempt}/${job.maxAttempts} started by worker ${job.workerId ?? "?"}`, "info", system);

  const payload = parsePayload(job, definition);
  if (!payload.ok) {
    logs.add(payload.error, "error", system);
    const result = await settle(log, () => failJob(lease, new Error(payload.error), { permanent: true }));
    const outcome = result?.status === "failed" ? finish({ status: "failed", error: payload.error }) : finish({ status: "lost", reason: "could not record failure" });
    return closeLog(logs, outcome);
  }

  const leaseMs = options.leaseMs;
  const heartbeatMs = options.heartbeatMs ?? Math.max(100, Math.floor(leaseMs / 3));
  // ctx.heartbeat()/reportProgress() may be called per row; writes are throttled to one per this interval.
  const minWriteMs = Math.min(1_000, heartbeatMs);
  const controller = new AbortController();
  const abort = (reason: Error) => {
    if (!controller.signal.aborted) controller.abort(reason);
  };

  const progress: JobProgress = { done: job.progressDone, total: job.progressTotal, message: job.message };
  let progressVersion = 0;
  let writtenVersion = 0;
  // Local deadline of the lease we hold: measured from when each renewal was sent, so it errs early.
  let deadline = (options.leaseRequestedAt ?? started) + leaseMs;
  let lastBeat = started;
  let inFlight: Promise<void> | null = null;

  const beat = (): Promise<void> => {
    inFlight ??= (async () => {
      const sentAt = Date.now();
      const version = progressVersion;
      try {
        const r = await heartbeatJob(lease, { leaseMs, progress: version !== writtenVersion ? { ...progress } : undefined });
        if (!r.held) return abort(new LeaseLostError(`job ${job.id} attempt ${job.attempt} lost its lease (taken over or settled elsewhere)`));
        writtenVersion = version;
        deadline = sentAt + leaseMs;
        if (r.cancelRequested) abort(new JobCancelledError());
      } catch (e) {
        log(`job ${job.id}: heartbeat failed: ${conciseMessage(e)}`);
        logs.add(`heartbeat failed: ${conciseMessage(e)}`, "warn");
        if (Date.now() > deadline) abort(new LeaseLostError(`job ${job.id}: could not renew the lease before it expired`));
      } finally {
        lastBeat = Date.now();
        inFlight = null;
      }
    })();
    return inFlight;
  };

  const ctx: TaskContext = {
    signal: controller.signal,
    attempt: job.attempt,
    log: (message: string, level?: JobLogLevel) => logs.add(message, level),
    heartbeat: async () => {
      if (Date.now() - lastBeat >= minWriteMs) await beat();
    },
    reportProgress: async (done, total, message) => {
      progress.done = done;
      progress.total = total;
      if (message !== undefined) progress.message = message;
      progressVersion++;
      if (Date.now() - lastBeat >= minWriteMs) await beat();
    },
  };

  const timer = setInterval(() => {
    if (Date.now() > deadline) abort(new LeaseLostError(`job ${job.id}: lease expired before it could be renewed`));
    else void beat();
  }, heartbeatMs);
  const logTimer = setInterval(() => {
    if (logs.pending() > 0) void logs.flush();
  }, minWriteMs);
  const onShutdown = () => abort(new WorkerShutdownError());
  if (options.shutdownSignal?.aborted) onShutdown();
  options.shutdownSignal?.addEventListener("abort", onShutdown, { once: true });

  let error: unknown;
  let ok = false;
  try {
    await definition!.handler(payload.value, ctx);
    ok = true;
  } catch (e) {
    error = e;
  } finally {
    clearInterval(timer);
    clearInterval(logTimer);
    options.shutdownSignal?.removeEventListener("abort", onShutdown);
    await inFlight;
  }

  const reason: unknown = controller.signal.aborted ? controller.signal.reason : undefined;
  const current = { ...progress };
  if (reason instanceof LeaseLostError) return closeLog(logs, finish({ status: "lost", reason: reason.message }));
  if (reason instanceof JobCancelledError) {
    const done = await settle(log, () => markJobCancelled(lease, { progress: current }));
    return closeLog(logs, done ? finish({ status: "cancelled" }) : finish({ status: "lost", reason: "could not record cancel" }));
  }
  if (reason instanceof WorkerShutdownError) {
    const done = await settle(log, () => releaseJob(lease, { progress: current }));
    return closeLog(logs, done ? finish({ status: "released" }) : finish({ status: "lost", reason: "could not release" }));
  }
  if (ok) {
    const done = await settle(log, () => completeJob(lease, { progress: current }));
    return closeLog(logs, done ? finish({ status: "succeeded" }) : finish({ status: "lost", reason: "completion rejected: the job was taken over" }));
  }
  const fullError = formatJobError(error);
  logs.add(fullError, "error", system);
  const failed = await settle(log, () => failJob(lease, error, { backoff: options.backoff, progress: current }));
  const text = fullError.split("\n", 1)[0];
  if (failed?.status === "queued") return closeLog(logs, finish({ status: "retrying", retryInMs: failed.retryInMs, error: text }));
  if (failed?.status === "failed") return closeLog(logs, finish({ status: "failed", error: text }));
  return closeLog(logs, finish({ status: "lost", reason: "failure not recorded: the job was taken over" }));
}

/** Ends the attempt's log with what happened to it, and writes what is still buffered. */
async function closeLog(logs: JobLogBuffer, outcome: JobOutcome): Promise<JobOutcome> {
  const [line, level] = outcomeLine(outcome);
  logs.add(line, level, { uncapped: true });
  await logs.flush({ final: true });
  return outcome;
}

function outcomeLine(o: JobOutcome): [string, JobLogLevel] {
  const took = `${(o.durationMs / 1000).toFixed(1)} s`;
  switch (o.status) {
    case "succeeded":
      return [`succeeded in ${took}`, "info"];
    case "retrying":
      return [`attempt failed after ${took}; retry scheduled in ${(o.retryInMs / 1000).toFixed(1)} s`, "warn"];
    case "failed":
      return [`failed for good after ${took}`, "error"];
    case "cancelled":
      return [`cancelled after ${took}`, "warn"];
    case "released":
      return [`stopped after ${took} because the worker is shutting down; back in the queue`, "warn"];
    case "lost":
      return [`abandoned after ${took}: ${o.reason}`, "warn"];
  }
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

function parsePayload(job: Job, definition: JobDefinition | undefined): { ok: true; value: unknown } | { ok: false; error: string } {
  if (!definition) return { ok: false, error: `no handler registered for job "${job.name}"` };
  let raw: unknown;
  try {
    raw = JSON.parse(job.payload);
  } catch {
    return { ok: false, error: `payload of job ${job.id} is not valid JSON` };
  }
  const parsed = definition.payload.safeParse(raw);
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, error: `invalid payload for job "${job.name}": ${z.prettifyError(parsed.error)}` };
}

/** Outcome writes are retried briefly: if they still fail, the lease expires and the job runs again. */
async function settle<T>(log: (line: string) => void, write: () => Promise<T>): Promise<T | undefined> {
  for (let i = 1; ; i++) {
    try {
      return await write();
    } catch (e) {
      log(`recording job outcome failed (try ${i}/3): ${conciseMessage(e)}`);
      if (i === 3) return undefined;
      await new Promise((r) => setTimeout(r, 500 * i));
    }
  }
}
