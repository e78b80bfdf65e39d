/**
 * A line splitter over Buffer chunks with a hard limit on line size.
 *
 * Why our own and not node:readline: readline buffers a line of any length as a string (a 2 GB file with
 * no newline needs 2 GB+ of RAM), cannot tell us the physical line number of a bad line after it decoded
 * it, and decodes UTF-8 leniently (invalid bytes silently become U+FFFD). Here an over-long line is never
 * buffered: once it passes the limit its bytes are dropped until the next newline, and a single
 * `{ line, tooLong: true }` is emitted for it.
 *
 * Lines are 1-based physical line numbers (every "\n" ends one). A trailing "\r" (CRLF files) and a UTF-8
 * BOM at the start of line 1 are removed. Blank and whitespace-only lines are counted but not emitted.
 * Lines at or before `skipThrough` (resuming an import) are counted but neither buffered nor emitted.
 */
export type SplitLine = { line: number; bytes: Buffer; tooLong?: undefined } | { line: number; bytes?: undefined; tooLong: true };

export type LineSplitter = {
  /** Splits `chunk`, appending the lines it completes to `out`. */
  push(chunk: Buffer, out: SplitLine[]): void;
  /** End of input: emits the last line if it had no trailing newline. */
  end(out: SplitLine[]): void;
  /** Number of physical lines completed so far (the last one's number). */
  readonly linesSeen: number;
};

const NEWLINE = 0x0a;
const CR = 0x0d;

export function createLineSplitter(options: { maxLineBytes: number; skipThrough?: number }): LineSplitter {
  const { maxLineBytes } = options;
  const skipThrough = options.skipThrough ?? 0;
  let completed = 0;
  let partial: Buffer[] = [];
  let partialLength = 0;
  // Bytes seen since the last newline, including discarded ones: decides whether EOF ends a line.
  let pendingBytes = 0;
  let overflow = false;

  function finishLine(tail: Buffer | undefined, out: SplitLine[]) {
    const line = ++completed;
    if (line <= skipThrough) return;
    if (overflow) {
      out.push({ line, tooLong: true });
      return;
    }
    let bytes: Buffer;
    if (partialLength === 0) bytes = tail ?? Buffer.alloc(0);
    else bytes = Buffer.concat(tail ? [...partial, tail] : partial, partialLength + (tail?.length ?? 0));
    let start = 0;
    let end = bytes.length;
    if (line === 1 && end >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) start = 3;
    if (end > start && bytes[end - 1] === CR) end--;
    if (end - start > maxLineBytes) {
      out.push({ line, tooLong: true });
      return;
    }
    if (isBlank(bytes, start, end)) return;
    out.push({ line, bytes: start === 0 && end === bytes.length ? bytes : bytes.subarray(start, end) });
  }

  function resetLine() {
    partial = [];
    partialLength = 0;
    pendingBytes = 0;
    overflow = false;
  }

  return {
    get linesSeen() {
      return completed;
    },
    push(chunk, out) {
      let pos = 0;
      const length = chunk.length;
      while (pos < length) {
        const nl = chunk.indexOf(NEWLINE, pos);
        const segmentEnd = nl === -1 ? length : nl;
        const segmentLength = segmentEnd - pos;
        const skipping = completed + 1 <= skipThrough;
        pendingBytes += segmentLength;
        // A "\r" before "\n" (and a BOM on line 1) do not count against the limit, so allow for them here.
        const accumulateLimit = maxLineBytes + (completed === 0 ? 4 : 1);
        if (!skipping && !overflow && partialLength + segmentLength > accumulateLimit) {
          // Over the limit: drop what we hold and ignore the rest of this line.
          overflow = true;
          partial = [];
          partialLength = 0;
        }
        if (nl === -1) {
          if (!skipping && !overflow && segmentLength > 0) {
            // Copy: the caller may reuse its chunk buffer, and we keep only this line's bytes alive.
            partial.push(Buffer.from(chunk.subarray(pos, segmentEnd)));
            partialLength += segmentLength;
          }
          return;
        }
        finishLine(skipping || overflow ? undefined : chunk.subarray(pos, segmentEnd), out);
        resetLine();
        pos = nl + 1;
      }
    },
    end(out) {
      if (pendingBytes > 0) finishLine(undefined, out);
      resetLine();
    },
  };
}

function isBlank(bytes: Buffer, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const b = bytes[i];
    // space, \t, \n, \v, \f, \r
    if (b !== 0x20 && (b < 0x09 || b > 0x0d)) return false;
  }
  return true;
}
