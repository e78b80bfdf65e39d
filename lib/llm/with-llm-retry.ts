import { classifyLlmError } from "./classify-llm-error";
import { sleep } from "./sleep";

export type RetryInfo = { attempt: number; status: number | null; waitMs: number; reason: string };

export type LlmRetryOptions = {
  signal?: AbortSignal;
  /** Attempts in total, the first included. Default 6. */
  maxAttempts?: number;
  /** Backoff scale for the 2nd attempt. Default 500 ms. */
  baseDelayMs?: number;
  /** Cap for one wait, Retry-After included. Default 60 s. */
  maxDelayMs?: number;
  onRetry?: (info: RetryInfo) => void;
  /** Source of randomness in [0, 1), for tests. */
  random?: () => number;
};

export const LLM_RETRY_DEFAULTS = { maxAttempts: 6, baseDelayMs: 500, maxDelayMs: 60_000 } as const;

/**
 * Runs `fn` until it succeeds, a non-retryable error occurs, or attempts run out (then the last error is
 * thrown). 429 waits what Retry-After / retry-after-ms ask (capped); 5xx, 408, timeouts, connection errors
 * and broken bodies back off exponentially with full jitter, which spreads a burst of failed concurrent
 * requests instead of retrying them in lockstep. Abort stops at once with the signal's reason.
 */
export async function withLlmRetry<T>(fn: (attempt: number) => Promise<T>, opts: LlmRetryOptions = {}): Promise<{ value: T; attempts: number }> {
  const maxAttempts = Math.max(1, opts.maxAttempts ?? LLM_RETRY_DEFAULTS.maxAttempts);
  const base = opts.baseDelayMs ?? LLM_RETRY_DEFAULTS.baseDelayMs;
  const cap = opts.maxDelayMs ?? LLM_RETRY_DEFAULTS.maxDelayMs;
  const random = opts.random ?? Math.random;
  for (let attempt = 1; ; attempt++) {
    opts.signal?.throwIfAborted();
    try {
      return { value: await fn(attempt), attempts: attempt };
    } catch (e) {
      opts.signal?.throwIfAborted();
      const info = classifyLlmError(e);
      if (!info.retryable || attempt >= maxAttempts) throw e;
      const waitMs = Math.round(info.retryAfterMs !== null ? Math.min(info.retryAfterMs, cap) : random() * Math.min(cap, base * 2 ** (attempt - 1)));
      opts.onRetry?.({ attempt, status: info.status, waitMs, reason: info.reason });
      await sleep(waitMs, opts.signal);
    }
  }
}
