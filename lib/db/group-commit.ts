/**
 * Group commit for a pool of requests: a result is written at once when no write is in progress, else with
 * every other result that arrived meanwhile (up to `maxGroup`), in the next call of `writeGroup` (one
 * transaction). Durability is the same as one transaction per item — each caller's promise resolves only after
 * its result committed, with the status `writeGroup` returned for it — at a fraction of the database time when
 * replies arrive faster than single-item transactions commit.
 */
export function groupCommit<R, S>(writeGroup: (results: R[]) => Promise<S[]>, maxGroup: number): (result: R) => Promise<S> {
  type Waiting = { result: R; resolve: (s: S) => void; reject: (e: unknown) => void };
  let queue: Waiting[] = [];
  let writing = false;

  const flush = async () => {
    writing = true;
    while (queue.length) {
      const group = queue.slice(0, maxGroup);
      queue = queue.slice(group.length);
      try {
        const statuses = await writeGroup(group.map((w) => w.result));
        group.forEach((w, i) => w.resolve(statuses[i]));
      } catch (e) {
        group.forEach((w) => w.reject(e));
      }
    }
    writing = false;
  };

  return (result) =>
    new Promise((resolve, reject) => {
      queue.push({ result, resolve, reject });
      if (!writing) void flush();
    });
}
