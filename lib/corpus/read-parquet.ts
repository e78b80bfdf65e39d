import fs from "node:fs/promises";
import zlib from "node:zlib";
import { parquetMetadataAsync, parquetReadObjects, parquetSchema, type Compressors, type FileMetaData } from "hyparquet";
import { fileAsyncBuffer } from "./file-async-buffer";
import { ImportFatalError } from "./import-errors";
import type { RowChunk, SourceRow } from "./types";

export type ReadParquetOptions = {
  /** Rows 1..skipThrough were imported before (resume). */
  skipThrough?: number;
  /** Rows decoded at a time when the file has an offset index (otherwise a whole row group). */
  sliceRows?: number;
};

const SMALL_CHUNK_BYTES = 1024 * 1024;

// hyparquet decodes SNAPPY itself; node:zlib covers GZIP and BROTLI (and ZSTD on Node ≥ 22.15).
const zstd = (zlib as unknown as { zstdDecompressSync?: (b: Uint8Array) => Buffer }).zstdDecompressSync;
const compressors: Compressors = {
  GZIP: (input) => zlib.gunzipSync(input),
  BROTLI: (input) => zlib.brotliDecompressSync(input),
  ...(zstd ? { ZSTD: (input: Uint8Array) => zstd(input) } : {}),
};

/**
 * Streams a Parquet file's rows (as objects; row numbers 1-based) row group by row group, through
 * positioned reads of byte ranges: memory holds one row group's column chunks at most, or only the pages of
 * a `sliceRows` slice when the writer stored an offset index. A missing or corrupt footer, a file without a
 * content column, or undecodable data throw ImportFatalError (after the rows before it were yielded).
 */
export async function* readParquet(filePath: string, options: ReadParquetOptions = {}): AsyncGenerator<RowChunk> {
  const skipThrough = options.skipThrough ?? 0;
  const sliceRows = options.sliceRows ?? 5000;
  const handle = await fs.open(filePath, "r");
  try {
    const { size } = await handle.stat();
    const file = fileAsyncBuffer(handle, size);
    let metadata: FileMetaData;
    try {
      metadata = await parquetMetadataAsync(file);
    } catch (e) {
      throw new ImportFatalError(`unreadable Parquet footer: ${(e as Error).message}`);
    }
    const columns = parquetSchema(metadata).children.map((c) => c.element.name);
    if (!columns.some((c) => c === "content" || c === "text" || c === "code")) {
      throw new ImportFatalError(`Parquet file has no "content", "text" or "code" column (columns: ${columns.join(", ")})`);
    }

    let groupStart = 0;
    for (const [groupIndex, group] of metadata.row_groups.entries()) {
      const groupRows = Number(group.num_rows);
      const groupEnd = groupStart + groupRows;
      if (groupEnd <= skipThrough) {
        groupStart = groupEnd;
        yield { rows: [], lastLine: groupEnd, bytesRead: byteEndOf(group) };
        continue;
      }
      // hyparquet reads the whole chunk of a column without an offset index for every slice: slice only
      // when the columns that lack one are small enough to re-read.
      const indexed = group.columns.map((c) => c.offset_index_offset !== undefined && !!c.offset_index_length);
      const canSlice =
        indexed.some(Boolean) && group.columns.every((c, i) => indexed[i] || Number(c.meta_data?.total_compressed_size ?? 0) <= SMALL_CHUNK_BYTES);
      const step = canSlice ? sliceRows : groupRows;
      for (let from = Math.max(groupStart, skipThrough); from < groupEnd; from += step) {
        const to = Math.min(groupEnd, from + step);
        let records: Record<string, unknown>[];
        try {
          records = await parquetReadObjects({ file, metadata, rowStart: from, rowEnd: to, useOffsetIndex: canSlice, compressors });
        } catch (e) {
          throw new ImportFatalError(
            `cannot decode Parquet row group ${groupIndex + 1} (rows ${from + 1}–${to}): ${(e as Error).message}; the ${from} rows before it were imported`,
          );
        }
        const rows: SourceRow[] = records.map((record, i) => ({ line: from + i + 1, record }));
        yield { rows, lastLine: to, bytesRead: byteEndOf(group) };
      }
      groupStart = groupEnd;
    }
  } finally {
    await handle.close();
  }
}

function byteEndOf(group: FileMetaData["row_groups"][number]): number {
  let end = 0;
  for (const c of group.columns) {
    const m = c.meta_data;
    if (!m) continue;
    end = Math.max(end, Number(m.dictionary_page_offset ?? m.data_page_offset) + Number(m.total_compressed_size));
  }
  return end;
}
