export type BackoffOptions = {
  /** Delay before the 2nd attempt (before jitter). */
  baseMs?: number;
  /** Upper bound for the exponential part. */
  maxMs?: number;
  /** Source of randomness in [0, 1), for tests. */
  random?: () => number;
};

export const DEFAULT_BACKOFF = { baseMs: 10_000, maxMs: 60 * 60_000 } as const;

/**
 * Delay before retrying after failed attempt `attempt` (1-based): base·2^(attempt-1), capped, times a
 * jitter factor in [0.5, 1) ("equal jitter"), so jobs that failed together (e.g. an API outage) don't
 * retry in lockstep, yet the delay never collapses to zero.
 */
export function backoffDelayMs(attempt: number, options: BackoffOptions = {}): number {
  const base = options.baseMs ?? DEFAULT_BACKOFF.baseMs;
  const max = options.maxMs ?? DEFAULT_BACKOFF.maxMs;
  const random = options.random ?? Math.random;
  const exponential = Math.min(max, base * 2 ** Math.max(0, attempt - 1));
  return Math.round(exponential * (0.5 + random() * 0.5));
}
