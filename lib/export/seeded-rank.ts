const P = 4294967291n;
const A = 2654435761n;
const B = 1597334677n;

/**
 * The seeded rank of randomRankSql (lib/campaigns/selection-sql.ts) computed in JS, bit for bit: the export
 * sorts its selected ids here instead of in SQL, so a million-row shuffle needs no database sort and the
 * order is the one `ORDER BY randomRankSql(id, seed), id` gives on either database (a test checks it).
 */
export function seededRank(id: number, seed: number): number {
  const x = (BigInt(id) * A + BigInt(seed)) % P;
  return Number(((x ^ (x >> 13n)) * B) % P);
}

/**
 * The permutation that orders `ids` (ascending, distinct) by (seededRank(id, seed), id): one 64-bit key
 * per row (rank in the high half, position in the low half; positions follow ids, so ties break by id)
 * sorted natively.
 */
export function seededOrder(ids: Int32Array, seed: number): Uint32Array {
  const keys = new BigUint64Array(ids.length);
  for (let i = 0; i < ids.length; i++) keys[i] = (BigInt(seededRank(ids[i], seed)) << 32n) | BigInt(i);
  keys.sort();
  const order = new Uint32Array(ids.length);
  for (let i = 0; i < keys.length; i++) order[i] = Number(keys[i] & 0xffffffffn);
  return order;
}
