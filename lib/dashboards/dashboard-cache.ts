import { databaseUrl } from "@/lib/db/url";

type Entry = { version: string; value: Promise<unknown>; at: number };
type StaleEntry = { version: string; pending: Promise<unknown> | null; last: { version: string; value: unknown } | null; at: number };

const MAX_ENTRIES = 200;
const cache = new Map<string, Entry>();
const staleCache = new Map<string, StaleEntry>();

function evict<E extends { at: number }>(map: Map<string, E>) {
  if (map.size <= MAX_ENTRIES) return;
  const oldest = [...map.entries()].sort((a, b) => a[1].at - b[1].at)[0];
  map.delete(oldest[0]);
}

/**
 * Memoizes a dashboard result in this process under `key` for as long as `version` (a DataVersion
 * fingerprint) is unchanged. Concurrent callers share one in-flight computation. A failed computation, or a
 * result `keep` rejects (built from stale parts), is dropped so the next call computes again. Each web
 * process keeps its own copy; every read compares the version first, so a changed database is never hidden.
 */
export function cached<T>(key: string, version: string, load: () => Promise<T>, keep: (value: T) => boolean = () => true): Promise<T> {
  const full = `${databaseUrl()}\u0000${key}`;
  const hit = cache.get(full);
  if (hit && hit.version === version) return hit.value as Promise<T>;
  const value = load();
  cache.set(full, { version, value, at: Date.now() });
  const drop = () => {
    if (cache.get(full)?.value === value) cache.delete(full);
  };
  value.then((v) => (keep(v) ? undefined : drop()), drop);
  evict(cache);
  return value;
}

/**
 * Stale-while-revalidate for the full-table aggregates (the probability histogram, kept-set counts). When
 * the version changed, at most one recomputation runs per key; meanwhile callers get the previous result
 * with `stale: true` (the first call ever waits). An LLM campaign or an import changes the version many
 * times a second: without this every dashboard request would rescan a million rows.
 */
export async function cachedStale<T>(key: string, version: string, load: () => Promise<T>): Promise<{ value: T; stale: boolean }> {
  const full = `${databaseUrl()}\u0000${key}`;
  let e = staleCache.get(full);
  if (!e) {
    e = { version, pending: null, last: null, at: Date.now() };
    staleCache.set(full, e);
    evict(staleCache);
  }
  if (e.last?.version === version) return { value: e.last.value as T, stale: false };
  if (!e.pending) {
    const entry = e;
    entry.version = version;
    entry.pending = load().then(
      (value) => {
        entry.last = { version, value };
        entry.pending = null;
        entry.at = Date.now();
        return value;
      },
      (err) => {
        entry.pending = null;
        throw err;
      },
    );
  }
  if (e.last) return { value: e.last.value as T, stale: true };
  // Nothing computed yet: wait for the computation in flight (possibly for an older version).
  const pendingVersion = e.version;
  const value = (await e.pending) as T;
  return { value, stale: pendingVersion !== version };
}

/** Tests and benchmarks: forget everything (e.g. to time a cold computation). */
export function clearDashboardCache(): void {
  cache.clear();
  staleCache.clear();
}
