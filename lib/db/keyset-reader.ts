/** A shared source of rows for a pool of workers; `next()` gives each row once, null when there are no more. */
export type KeysetReader<T> = {
  /** The next row, or null when there are no more. */
  next(): Promise<T | null>;
  /** Waits for a read still in progress (its result is dropped). */
  close(): Promise<void>;
};

/**
 * Reads pages of `pageSize` rows through `load(after)` by a keyset cursor on `keyOf(row)` (never the whole
 * selection in memory), one page read at a time however many workers ask. The next page is read as soon as the
 * current one arrives, so workers do not all stall at each page end. Used for the pending items of labeling
 * and generation campaigns: items in flight stay pending in the database; the cursor keeps them from coming back.
 */
export function keysetReader<T>(load: (after: number) => Promise<T[]>, keyOf: (row: T) => number, pageSize: number): KeysetReader<T> {
  const start = (after: number) => {
    const p = load(after);
    // Read ahead, maybe never awaited (the run stopped): its failure surfaces only to a worker that waits.
    p.catch(() => {});
    return p;
  };

  let page: T[] = [];
  let at = 0;
  let ahead: Promise<T[]> | null = start(0);

  return {
    async next() {
      for (;;) {
        if (at < page.length) return page[at++];
        const waiting = ahead;
        if (!waiting) return null;
        const rows = await waiting;
        // Of the workers waiting for this page, the first one to wake up installs it.
        if (ahead !== waiting) continue;
        page = rows;
        at = 0;
        ahead = rows.length < pageSize ? null : start(keyOf(rows[rows.length - 1]));
      }
    },
    async close() {
      await ahead?.catch(() => {});
    },
  };
}
