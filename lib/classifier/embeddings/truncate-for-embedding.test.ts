import { describe, expect, it } from "vitest";
import { countTokens } from "@/lib/llm/count-tokens";
import { truncateForEmbedding } from "./truncate-for-embedding";
import { decodeVector, encodeVector } from "./vector-bytes";

describe("truncateForEmbedding", () => {
  it("keeps short texts without tokenizing, and never sends an empty input", () => {
    expect(truncateForEmbedding("def f():\n    return 1\n", 100)).toEqual({ text: "def f():\n    return 1\n", tokens: 22, truncated: false });
    expect(truncateForEmbedding("", 100)).toMatchObject({ text: " ", truncated: false });
  });

  it("cuts long texts to the token limit, keeping their beginning", () => {
    const long = Array.from({ length: 3000 }, (_, k) => `value_${k} = compute(${k}) # step ${k}`).join("\n");
    const r = truncateForEmbedding(long, 500);
    expect(r.truncated).toBe(true);
    expect(countTokens(r.text)).toBe(r.tokens);
    expect(r.tokens).toBeLessThanOrEqual(500);
    expect(r.tokens).toBeGreaterThan(400);
    expect(long.startsWith(r.text)).toBe(true);
  });

  it("does not split a surrogate pair", () => {
    const r = truncateForEmbedding("😀".repeat(2000), 300);
    expect(r.tokens).toBeLessThanOrEqual(300);
    expect(r.text.length % 2).toBe(0);
  });
});

describe("vector bytes", () => {
  it("round-trips Float32 vectors as little-endian bytes, from any offset", () => {
    const v = Float32Array.from([0.5, -1.25, 3e-8, 1e30]);
    const bytes = encodeVector(v);
    expect(bytes.byteLength).toBe(16);
    expect(bytes.readFloatLE(4)).toBe(-1.25);
    const shifted = new Uint8Array(17);
    shifted.set(bytes, 1);
    expect(Array.from(decodeVector(shifted.subarray(1)))).toEqual(Array.from(v));
  });
});
