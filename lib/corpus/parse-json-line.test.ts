import { describe, expect, it } from "vitest";
import { parseJsonLine } from "./parse-json-line";

describe("parseJsonLine", () => {
  it("parses an object", () => {
    expect(parseJsonLine(Buffer.from('{"content":"é"}'))).toEqual({ record: { content: "é" } });
  });
  it("rejects invalid UTF-8 instead of replacing it", () => {
    expect(parseJsonLine(Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0x22, 0x7d]))).toEqual({ error: "invalid UTF-8" });
  });
  it("reports the parser's message, truncated", () => {
    const r = parseJsonLine(Buffer.from(`{"content": ${"x".repeat(500)}`));
    expect(r.error).toMatch(/^invalid JSON: /);
    expect(r.error!.length).toBeLessThanOrEqual(14 + 160);
  });
  it("requires an object", () => {
    expect(parseJsonLine(Buffer.from("[1]")).error).toBe("not a JSON object (got array)");
    expect(parseJsonLine(Buffer.from('"s"')).error).toBe("not a JSON object (got string)");
    expect(parseJsonLine(Buffer.from("null")).error).toBe("not a JSON object (got null)");
  });
});
