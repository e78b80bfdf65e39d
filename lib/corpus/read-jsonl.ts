import fs from "node:fs";
import { pipeline } from "node:stream";
import zlib from "node:zlib";
import { ImportFatalError } from "./import-errors";
import { parseJsonLine } from "./parse-json-line";
import { createLineSplitter, type SplitLine } from "./split-lines";
import type { RowChunk, SourceRow } from "./types";

const BINARY_SNIFF_BYTES = 64 * 1024;

export type ReadJsonlOptions = {
  gzip: boolean;
  maxLineBytes: number;
  /** Lines 1..skipThrough were imported before (resume): count them, but do not decode them. */
  skipThrough?: number;
};

/**
 * Streams a JSONL or JSONL.gz file as parsed rows, one RowChunk per input chunk, with bounded memory: at
 * most one read chunk, one line (≤ maxLineBytes) and that chunk's rows are held at a time. A bad line
 * becomes a row with an `error`; whole-file problems (binary content, empty, corrupt or truncated gzip)
 * throw ImportFatalError after every complete line before them has been yielded.
 */
export async function* readJsonl(filePath: string, options: ReadJsonlOptions): AsyncGenerator<RowChunk> {
  const { maxLineBytes } = options;
  const file = fs.createReadStream(filePath, { highWaterMark: 256 * 1024 });
  let source: AsyncIterable<Buffer> = file;
  if (options.gzip) {
    const gunzip = zlib.createGunzip({ chunkSize: 128 * 1024 });
    // pipeline forwards a read error of the file to gunzip, and destroys both when we stop early.
    pipeline(file, gunzip, () => {});
    source = gunzip;
  }
  const splitter = createLineSplitter({ maxLineBytes, skipThrough: options.skipThrough });
  const tooLong = `line exceeds ${maxLineBytes} bytes`;

  const decode = (chunk: Buffer): RowChunk => {
    const lines: SplitLine[] = [];
    splitter.push(chunk, lines);
    return { rows: lines.map((l) => toRow(l, tooLong)), lastLine: splitter.linesSeen, bytesRead: file.bytesRead };
  };

  // The first 64 KiB are held back until we know the input is text.
  let head: Buffer[] | null = [];
  let headLength = 0;
  let total = 0;
  let streamError: unknown;
  try {
    for await (const chunk of source) {
      total += chunk.length;
      if (head) {
        head.push(chunk);
        headLength += chunk.length;
        if (headLength < BINARY_SNIFF_BYTES) continue;
        const held: Buffer[] = head;
        head = null;
        rejectBinary(held);
        for (const c of held) yield decode(c);
        continue;
      }
      yield decode(chunk);
    }
  } catch (e) {
    if (!options.gzip || !isZlibError(e)) throw e;
    streamError = e;
  }
  if (head) {
    rejectBinary(head);
    for (const c of head) yield decode(c);
  }
  if (streamError) {
    // The partial line cut by the error is dropped; every complete line before it has been yielded.
    const n = splitter.linesSeen;
    const what = (streamError as { code?: string }).code === "Z_BUF_ERROR" ? "ended early" : `is corrupt (${(streamError as Error).message})`;
    throw new ImportFatalError(`gzip stream ${what} after line ${n}; the ${n} lines before it were imported`);
  }
  if (total === 0) throw new ImportFatalError("file is empty");
  const last: SplitLine[] = [];
  splitter.end(last);
  yield { rows: last.map((l) => toRow(l, tooLong)), lastLine: splitter.linesSeen, bytesRead: file.bytesRead };
}

function toRow(l: SplitLine, tooLong: string): SourceRow {
  if (l.tooLong) return { line: l.line, error: tooLong };
  const parsed = parseJsonLine(l.bytes);
  return parsed.error === undefined ? { line: l.line, record: parsed.record } : { line: l.line, error: parsed.error };
}

function rejectBinary(chunks: Buffer[]) {
  let seen = 0;
  for (const c of chunks) {
    const limit = Math.min(c.length, BINARY_SNIFF_BYTES - seen);
    const nul = c.indexOf(0);
    if (nul !== -1 && nul < limit) throw new ImportFatalError("looks like a binary file, expected JSONL/JSONL.gz/Parquet");
    seen += limit;
    if (seen >= BINARY_SNIFF_BYTES) return;
  }
}

function isZlibError(e: unknown): boolean {
  const code = (e as { code?: unknown })?.code;
  return typeof code === "string" && code.startsWith("Z_");
}
