/**
 * Features quantized once per training: each feature's values get at most maxBins bins with edges at
 * quantiles (every distinct value its own bin when there are few), stored as Uint8 codes column by
 * column so a histogram pass over one feature reads one contiguous column. Edges are real values
 * (midpoints between neighbouring values), so a split "code ≤ b" is the rule "x ≤ edges[b]" on raw floats.
 */
export type BinnedMatrix = {
  nRows: number;
  nFeatures: number;
  /** codes[f · nRows + row]: bin of X[row, f]; NaN falls in the last bin (NaN ≤ edge is false). */
  codes: Uint8Array;
  /** edges[f · edgeStride + b]: upper edge of bin b of feature f, for b < nBins[f] − 1. */
  edges: Float32Array;
  edgeStride: number;
  nBins: Uint16Array;
};

/** Past this many rows, edges come from an evenly spaced sample of each column (exact below). */
const QUANTILE_SAMPLE = 200_000;

/**
 * An empty matrix for binFeatures to fill. `shared`: backed by SharedArrayBuffers, so worker threads
 * started before the binning see the codes without a copy.
 */
export function createBinnedMatrix(opts: { nRows: number; nFeatures: number; maxBins: number; shared: boolean }): BinnedMatrix {
  const { nRows, nFeatures, maxBins, shared } = opts;
  if (!Number.isInteger(maxBins) || maxBins < 2 || maxBins > 256) throw new Error(`maxBins must be an integer in 2…256 (got ${maxBins})`);
  const buffer = (bytes: number) => (shared ? new SharedArrayBuffer(bytes) : new ArrayBuffer(bytes));
  const edgeStride = maxBins - 1;
  return {
    nRows,
    nFeatures,
    codes: new Uint8Array(buffer(nRows * nFeatures)),
    edges: new Float32Array(buffer(4 * nFeatures * edgeStride)),
    edgeStride,
    nBins: new Uint16Array(buffer(2 * nFeatures)),
  };
}

/** Bins X (row-major, nRows × nFeatures) into `into`. */
export function binFeatures(X: Float32Array, into: BinnedMatrix): void {
  const { nRows, nFeatures, codes, edges, edgeStride, nBins } = into;
  const maxBins = edgeStride + 1;
  if (X.length !== nRows * nFeatures) throw new Error(`X has ${X.length} values, expected nRows × nFeatures = ${nRows * nFeatures}`);
  const step = nRows > QUANTILE_SAMPLE ? nRows / QUANTILE_SAMPLE : 1;
  const sampleSize = Math.min(nRows, QUANTILE_SAMPLE);
  const column = new Float32Array(nRows);
  const sample = new Float32Array(sampleSize);
  const values: number[] = [];
  const counts: number[] = [];
  for (let f = 0; f < nFeatures; f++) {
    // One strided pass over X per feature; everything after reads the contiguous copy.
    for (let r = 0; r < nRows; r++) column[r] = X[r * nFeatures + f];
    let m = 0;
    for (let k = 0; k < sampleSize; k++) {
      const v = column[Math.floor(k * step)];
      if (!Number.isNaN(v)) sample[m++] = v;
    }
    const sorted = sample.subarray(0, m).sort();
    values.length = 0;
    counts.length = 0;
    for (let i = 0; i < m; i++) {
      if (i > 0 && sorted[i] === sorted[i - 1]) counts[counts.length - 1]++;
      else {
        values.push(sorted[i]);
        counts.push(1);
      }
    }
    const base = f * edgeStride;
    let nEdges = 0;
    if (values.length <= maxBins) {
      for (let j = 0; j + 1 < values.length; j++) edges[base + nEdges++] = midpoint(values[j], values[j + 1]);
    } else {
      // Each remaining bin takes an equal share of the remaining rows, so one heavy value (say 0) gets
      // its own bin without starving the bins after it.
      let seen = 0;
      let target = m / maxBins;
      for (let j = 0; j + 1 < values.length && nEdges < maxBins - 1; j++) {
        seen += counts[j];
        if (seen >= target) {
          edges[base + nEdges++] = midpoint(values[j], values[j + 1]);
          target = seen + (m - seen) / (maxBins - nEdges);
        }
      }
    }
    nBins[f] = nEdges + 1;
    const out = f * nRows;
    for (let r = 0; r < nRows; r++) {
      const v = column[r];
      // First edge ≥ v; a value above every edge (or NaN) lands in the last bin.
      let lo = 0;
      let hi = nEdges;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (v <= edges[base + mid]) hi = mid;
        else lo = mid + 1;
      }
      codes[out + r] = lo;
    }
  }
}

/** Midpoint of two neighbouring float32 values, as a float32 that still separates them (a ≤ m < b). */
function midpoint(a: number, b: number): number {
  const m = Math.fround((a + b) / 2);
  return m >= b ? a : m;
}
