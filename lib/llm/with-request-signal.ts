/**
 * Runs SDK calls with a signal of their own, linked to `signal` only while they run. The openai SDK adds an
 * abort listener to the signal it is given and never removes it, so handing a job's long-lived signal to
 * every poll and download would pile up one listener (and its closure) per request for the job's lifetime.
 */
export async function withRequestSignal<T>(signal: AbortSignal, fn: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const controller = new AbortController();
  const onAbort = () => controller.abort(signal.reason);
  if (signal.aborted) onAbort();
  else signal.addEventListener("abort", onAbort, { once: true });
  try {
    return await fn(controller.signal);
  } finally {
    signal.removeEventListener("abort", onAbort);
  }
}
