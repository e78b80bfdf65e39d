/**
 * Per-process cache for dataset statistics. An entry is reused while its fingerprint (cheap indexed
 * aggregates that change whenever snippets or labels change) is the same and it is younger than the TTL;
 * the TTL bounds staleness from edits the fingerprint cannot see (an LLM label rewritten in place).
 * Concurrent requests for the same key share one computation.
 */
export const STATS_TTL_MS = 30_000;

type Entry<T> = { fingerprint: string; at: number; value: Promise<T> };
type Store = Map<string, Entry<unknown>>;

const store: Store = ((globalThis as { __syllabusDatasetStats?: Store }).__syllabusDatasetStats ??= new Map());

export async function cached<T>(key: string, fingerprint: string, compute: () => Promise<T>, now = Date.now()): Promise<T> {
  const hit = store.get(key) as Entry<T> | undefined;
  if (hit && hit.fingerprint === fingerprint && now - hit.at < STATS_TTL_MS) return hit.value;
  const value = compute();
  store.set(key, { fingerprint, at: now, value });
  // A failed computation must not stay cached.
  value.catch(() => {
    if (store.get(key)?.value === value) store.delete(key);
  });
  return value;
}

export function forget(key: string): void {
  store.delete(key);
}

export function forgetAll(): void {
  store.clear();
}
