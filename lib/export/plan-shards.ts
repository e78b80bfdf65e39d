import type { ExportFormat, ExportSplit } from "./types";

export type PlannedShard = { split: ExportSplit; index: number; count: number; fileName: string; start: number; end: number };

/**
 * Cuts the rows [start, end) of one split into shards: every `rows` rows, or — by bytes — a shard closes
 * once its rows' content reaches `bytes` (uncompressed, like Hugging Face's max_shard_size; files are
 * smaller after compression), at least one row each. A pure function of the ordered sizes, so the plan,
 * the shard count and therefore every file name are known before the first byte is written, and a resumed
 * export cuts exactly the same shards.
 */
export function planShards(o: { split: ExportSplit; start: number; end: number; sizes: Int32Array; shard: { rows: number } | { bytes: number }; format: ExportFormat }): PlannedShard[] {
  const ranges: [number, number][] = [];
  if ("rows" in o.shard) {
    for (let a = o.start; a < o.end; a += o.shard.rows) ranges.push([a, Math.min(o.end, a + o.shard.rows)]);
  } else {
    let a = o.start;
    let acc = 0;
    for (let i = o.start; i < o.end; i++) {
      acc += o.sizes[i];
      if (acc >= o.shard.bytes) {
        ranges.push([a, i + 1]);
        a = i + 1;
        acc = 0;
      }
    }
    if (a < o.end) ranges.push([a, o.end]);
  }
  const ext = o.format === "parquet" ? "parquet" : "jsonl.gz";
  const count = ranges.length;
  const pad = (n: number) => String(n).padStart(5, "0");
  return ranges.map(([start, end], index) => ({ split: o.split, index, count, start, end, fileName: `data/${o.split}-${pad(index)}-of-${pad(count)}.${ext}` }));
}

/** Validation rows: round(n × fraction), taken from the end of the shuffled order. */
export function validationRows(n: number, fraction: number): number {
  return fraction > 0 ? Math.min(n, Math.round(n * fraction)) : 0;
}
