/**
 * What a long-running domain function (import a file, run a campaign, train, export…) gets from whoever
 * runs it: the job worker, the CLI, or a test. Domain code never imports the queue; it takes this.
 */
export type TaskContext = {
  /** Durable progress: done out of total, with a short human message. */
  reportProgress(done: number, total: number, message?: string): Promise<void>;
  /** Renews the job's lease; call at least every few seconds during long loops. */
  heartbeat(): Promise<void>;
  /** Aborted when the job is cancelled or the worker shuts down: stop at the next safe point. */
  signal: AbortSignal;
  /** 1 on the first run; handlers must be idempotent because a job may run more than once. */
  attempt: number;
  /** A line for the job's log (shown on the jobs page); cheap, buffered, never throws. */
  log(message: string, level?: "info" | "warn" | "error"): void;
};

/** A context for scripts and tests: progress goes to an optional callback, nothing is durable. */
export function plainContext(onProgress?: (done: number, total: number, message?: string) => void, signal = new AbortController().signal): TaskContext {
  return {
    reportProgress: async (done, total, message) => onProgress?.(done, total, message),
    heartbeat: async () => {},
    signal,
    attempt: 1,
    log: () => {},
  };
}
