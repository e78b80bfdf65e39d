import { describe, expect, it } from "vitest";
import { createLineSplitter, type SplitLine } from "./split-lines";

function split(input: string | Buffer, options: { maxLineBytes?: number; skipThrough?: number; chunkSize?: number } = {}) {
  const bytes = typeof input === "string" ? Buffer.from(input) : input;
  const splitter = createLineSplitter({ maxLineBytes: options.maxLineBytes ?? 100, skipThrough: options.skipThrough });
  const out: SplitLine[] = [];
  const size = options.chunkSize ?? bytes.length;
  for (let i = 0; i < bytes.length; i += size) splitter.push(bytes.subarray(i, i + size), out);
  splitter.end(out);
  return { lines: out.map((l) => (l.tooLong ? { line: l.line, tooLong: true } : { line: l.line, text: l.bytes.toString() })), seen: splitter.linesSeen };
}

describe("createLineSplitter", () => {
  it("numbers physical lines, skips blank ones, keeps a last line without newline", () => {
    for (const chunkSize of [1, 2, 3, 7, 1000]) {
      expect(split('{"a":1}\n\n  \n{"b":2}\n{"c":3}', { chunkSize })).toEqual({
        lines: [
          { line: 1, text: '{"a":1}' },
          { line: 4, text: '{"b":2}' },
          { line: 5, text: '{"c":3}' },
        ],
        seen: 5,
      });
    }
  });

  it("strips CRLF and a UTF-8 BOM on line 1 only", () => {
    const input = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('{"a":1}\r\n{"b":"\r"}\r\n\r\n')]);
    for (const chunkSize of [1, 2, 5, 1000]) {
      expect(split(input, { chunkSize }).lines).toEqual([
        { line: 1, text: '{"a":1}' },
        { line: 2, text: '{"b":"\r"}' },
      ]);
    }
  });

  it("reports an over-long line once, without buffering it, and keeps the lines around it", () => {
    const long = "x".repeat(250);
    for (const chunkSize of [1, 16, 64, 10_000]) {
      expect(split(`ok1\n${long}\nok3\n${long}`, { maxLineBytes: 100, chunkSize }).lines).toEqual([
        { line: 1, text: "ok1" },
        { line: 2, tooLong: true },
        { line: 3, text: "ok3" },
        { line: 4, tooLong: true },
      ]);
    }
  });

  it("accepts a line of exactly the limit, with or without CR", () => {
    const exact = "y".repeat(100);
    expect(split(`${exact}\r\n${exact}\n${exact}y\n`, { maxLineBytes: 100, chunkSize: 7 }).lines).toEqual([
      { line: 1, text: exact },
      { line: 2, text: exact },
      { line: 3, tooLong: true },
    ]);
  });

  it("counts but does not emit the lines it skips when resuming", () => {
    expect(split("a\nb\n\nd\ne", { skipThrough: 3, chunkSize: 2 })).toEqual({ lines: [{ line: 4, text: "d" }, { line: 5, text: "e" }], seen: 5 });
  });

  it("does not copy chunk memory it was given for lines that span chunks", () => {
    const splitter = createLineSplitter({ maxLineBytes: 100 });
    const out: SplitLine[] = [];
    const chunk = Buffer.from("abc");
    splitter.push(chunk, out);
    chunk.fill(0x7a); // the caller reuses its buffer
    splitter.push(Buffer.from("def\n"), out);
    expect(out[0].bytes?.toString()).toBe("abcdef");
  });
});
