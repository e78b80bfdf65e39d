import { createRequire } from "node:module";
import { ByteWriter, ParquetWriter } from "hyparquet-writer";
import type { ShardFile } from "./shard-file";
import { EXPORT_COLUMNS, type ExportRow } from "./types";

// Row groups close at this many rows or this much content, whichever comes first: big enough for good
// compression and fast scans, small enough to keep a group's columns (and their encoding) well under 1 GB.
const GROUP_ROWS = 10_000;
const GROUP_CHARS = 32 * 1024 * 1024;
const FLUSH_BYTES = 1 << 20;

export const PARQUET_CODEC = "SNAPPY";

const SCHEMA = [
  { name: "root", num_children: EXPORT_COLUMNS.length },
  ...EXPORT_COLUMNS.map((c) => ({
    name: c.name,
    type: c.type === "int64" ? ("INT64" as const) : c.type === "int32" ? ("INT32" as const) : c.type === "double" ? ("DOUBLE" as const) : ("BYTE_ARRAY" as const),
    ...(c.type === "string" && { converted_type: "UTF8" as const }),
    repetition_type: c.nullable ? ("OPTIONAL" as const) : ("REQUIRED" as const),
  })),
];

// Long, mostly unique text: plain encoding (a dictionary would not pay) and no min/max statistics.
const PLAIN_TEXT = new Set(["content", "tests"]);

/** The writer's version, for created_by and the manifest. */
export function parquetWriterVersion(): string {
  try {
    return (createRequire(import.meta.url)("hyparquet-writer/package.json") as { version: string }).version;
  } catch {
    return "unknown";
  }
}

/**
 * A ByteWriter that streams to a ShardFile: hyparquet-writer appends into its buffer; every MB (and after
 * each row group, and at the end) the buffer goes to the file and the running sha256.
 */
function fileByteWriter(file: ShardFile): ByteWriter {
  const w = new ByteWriter(FLUSH_BYTES * 2);
  const flush = () => {
    if (w.index === 0) return;
    file.write(new Uint8Array(w.buffer, 0, w.index));
    w.index = 0;
  };
  const grow = w.ensure.bind(w);
  w.ensure = (size: number) => {
    if (w.index > FLUSH_BYTES) flush();
    grow(size);
  };
  (w as ByteWriter & { flush(): void }).flush = flush;
  w.finish = flush;
  return w;
}

/**
 * Writes one Parquet shard from batches of rows: the export's schema (EXPORT_COLUMNS), Snappy, row groups
 * of ≤ 10,000 rows / 32 MB of content. Nothing time- or host-dependent goes into the file (created_by is
 * the tool and writer version, no key-value metadata), so the same rows give the same bytes.
 */
export async function writeParquetShard(file: ShardFile, batches: AsyncIterable<ExportRow[]>, createdBy: string): Promise<{ rows: number; tokens: number }> {
  const writer = new ParquetWriter({ writer: fileByteWriter(file), schema: SCHEMA, codec: PARQUET_CODEC, createdBy, statisticsTruncateLength: 64 });
  let group: ExportRow[] = [];
  let chars = 0;
  let rows = 0;
  let tokens = 0;
  const flushGroup = () => {
    if (group.length === 0) return;
    const columnData = EXPORT_COLUMNS.map((c) => ({
      name: c.name,
      data: c.type === "int64" ? group.map((r) => BigInt(r[c.name] as number)) : group.map((r) => r[c.name]),
      ...(PLAIN_TEXT.has(c.name) && { encoding: "PLAIN" as const, statistics: false }),
    }));
    const pending = writer.write({ columnData, rowGroupSize: group.length });
    if (pending) throw new Error("unexpected asynchronous parquet write");
    group = [];
    chars = 0;
  };
  for await (const batch of batches) {
    for (const row of batch) {
      group.push(row);
      chars += row.content.length + (row.tests?.length ?? 0);
      rows++;
      tokens += row.token_count;
      if (group.length >= GROUP_ROWS || chars >= GROUP_CHARS) flushGroup();
    }
  }
  flushGroup();
  const done = writer.finish();
  if (done) await done;
  return { rows, tokens };
}
