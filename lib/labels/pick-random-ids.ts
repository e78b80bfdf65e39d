import { firstPoolIds, type PoolScope } from "./first-pool-ids";
import { poolIdRange } from "./pool-id-range";

/**
 * "random" queue: up to `limit` snippets of the user's pool in random order, without ORDER BY RANDOM()
 * over the table. Each pick draws its own random pivot in the pool's id range and takes the first pool
 * snippet at or after it; a pivot past the last one wraps around to the first. All picks of a round are
 * one statement (see firstPoolIds); when two pivots land on the same snippet, another round fills the gap.
 * Cost: a few index seeks per pick at any table size.
 *
 * Not exactly uniform: a snippet right after a long run of ineligible ids (labeled, or another dataset's)
 * is picked more often. Fine for spot-checks; a precision audit that needs a uniform sample should use a
 * stored random key (see the report).
 */
export async function pickRandomIds(scope: PoolScope, limit: number, random: () => number = Math.random): Promise<number[]> {
  const range = await poolIdRange(scope.datasetId, scope.labelsPerSnippet);
  if (!range) return [];
  const picked: number[] = [];
  const exclude = [...scope.exclude];
  while (picked.length < limit) {
    const pivots = Array.from({ length: limit - picked.length }, () => range.min + Math.floor(random() * (range.max - range.min + 1)));
    // The last probe starts at 0: the wrap-around answer for every pivot that finds nothing above it.
    const found = await firstPoolIds({ ...scope, exclude }, [...pivots.map((pivot) => ({ pivot })), { pivot: 0 }]);
    const wrap = found.at(-1);
    if (wrap === null || wrap === undefined) break; // pool empty
    for (const id of found.slice(0, -1).map((f) => f ?? wrap)) {
      if (picked.length < limit && !exclude.includes(id)) {
        picked.push(id);
        exclude.push(id);
      }
    }
  }
  return picked;
}
