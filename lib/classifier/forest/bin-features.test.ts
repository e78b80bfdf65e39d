import { describe, expect, it } from "vitest";
import { binFeatures, createBinnedMatrix } from "./bin-features";

function bin(columns: number[][], maxBins = 255) {
  const nRows = columns[0].length;
  const nFeatures = columns.length;
  const X = new Float32Array(nRows * nFeatures);
  columns.forEach((col, f) => col.forEach((v, r) => (X[r * nFeatures + f] = v)));
  const binned = createBinnedMatrix({ nRows, nFeatures, maxBins, shared: false });
  binFeatures(X, binned);
  const codes = (f: number) => Array.from(binned.codes.subarray(f * nRows, (f + 1) * nRows));
  const edges = (f: number) => Array.from(binned.edges.subarray(f * binned.edgeStride, f * binned.edgeStride + binned.nBins[f] - 1));
  return { codes, edges, binned };
}

describe("binFeatures", () => {
  it("gives each distinct value its own bin, edges at midpoints, column-major codes", () => {
    const { codes, edges } = bin([
      [2, 0, 1, 2, 0],
      [5, 5, 5, 5, 5],
    ]);
    expect(edges(0)).toEqual([0.5, 1.5]);
    expect(codes(0)).toEqual([2, 0, 1, 2, 0]);
    expect(edges(1)).toEqual([]);
    expect(codes(1)).toEqual([0, 0, 0, 0, 0]);
  });

  it("puts NaN in the last bin (with the largest values) and keeps every split rule 'x ≤ edge' equal to 'code ≤ bin'", () => {
    const values = [0.3, Number.NaN, -1, 7, 0.3];
    const { codes, edges } = bin([values]);
    expect(codes(0)).toEqual([1, 2, 0, 2, 1]);
    const e = edges(0);
    values.forEach((v, r) => e.forEach((edge, b) => expect(v <= edge).toBe(codes(0)[r] <= b)));
  });

  it("uses quantile bins when there are more distinct values than bins, one heavy value keeping its own", () => {
    const values = Array.from({ length: 1000 }, (_, i) => (i < 400 ? 0 : i / 1000));
    const { codes, edges } = bin([values], 16);
    const e = edges(0);
    expect(e.length).toBe(15);
    expect(e[0]).toBeCloseTo(0.2, 6);
    const perBin = new Map<number, number>();
    for (const c of codes(0)) perBin.set(c, (perBin.get(c) ?? 0) + 1);
    expect(perBin.get(0)).toBe(400);
    // The other 600 rows share the 15 remaining bins evenly.
    for (let b = 1; b < 16; b++) expect(perBin.get(b)).toBe(40);
    values.forEach((v, r) => e.forEach((edge, b) => expect(v <= edge).toBe(codes(0)[r] <= b)));
  });

  it("keeps neighbouring float32 values apart", () => {
    const a = Math.fround(1.0000001);
    const b = Math.fround(1.0000002);
    const { codes, edges } = bin([[a, b, a]]);
    expect(codes(0)).toEqual([0, 1, 0]);
    expect(edges(0)[0]).toBeGreaterThanOrEqual(a);
    expect(edges(0)[0]).toBeLessThan(b);
  });

  it("rejects maxBins outside 2…256", () => {
    expect(() => createBinnedMatrix({ nRows: 1, nFeatures: 1, maxBins: 300, shared: false })).toThrow(/2…256/);
  });
});
