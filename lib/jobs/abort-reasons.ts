/**
 * Reasons a job's AbortSignal is aborted with. Handlers just see an aborted signal (and
 * signal.throwIfAborted() throws one of these); the worker reads signal.reason to decide the outcome.
 */
export class JobCancelledError extends Error {
  override name = "JobCancelledError";
  constructor() {
    super("job cancelled");
  }
}

export class WorkerShutdownError extends Error {
  override name = "WorkerShutdownError";
  constructor() {
    super("worker is shutting down");
  }
}

export class LeaseLostError extends Error {
  override name = "LeaseLostError";
}
