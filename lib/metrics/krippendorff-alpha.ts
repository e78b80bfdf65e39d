export type AlphaLevel = "nominal" | "interval" | "ordinal";

/**
 * Krippendorff's alpha for any number of coders and missing values (Krippendorff 2011, "Computing
 * Krippendorff's Alpha-Reliability"): `units` holds, per item, the values its coders gave. Units with
 * fewer than two values are not pairable and drop out. Built on the coincidence matrix, so the cost is
 * per distinct value, not per pair of labels. null when nothing is pairable or only one value occurs
 * (no expected disagreement: alpha is undefined).
 */
export function krippendorffAlpha(units: number[][], level: AlphaLevel): number | null {
  const values = [...new Set(units.filter((u) => u.length >= 2).flat())].sort((x, y) => x - y);
  const v = values.length;
  if (v === 0) return null;
  const index = new Map(values.map((x, i) => [x, i]));
  // o[c][k]: coincidences of values c and k within units, each unit weighted 1 / (m_u − 1).
  const o = new Float64Array(v * v);
  const counts = new Float64Array(v);
  for (const unit of units) {
    const m = unit.length;
    if (m < 2) continue;
    counts.fill(0);
    for (const x of unit) counts[index.get(x)!]++;
    for (let c = 0; c < v; c++) {
      if (counts[c] === 0) continue;
      for (let k = 0; k < v; k++) {
        const pairs = counts[c] * (counts[k] - (c === k ? 1 : 0));
        if (pairs > 0) o[c * v + k] += pairs / (m - 1);
      }
    }
  }
  const nc = new Float64Array(v);
  for (let c = 0; c < v; c++) for (let k = 0; k < v; k++) nc[c] += o[c * v + k];
  const n = nc.reduce((s, x) => s + x, 0);
  const delta2 = (c: number, k: number): number => {
    if (level === "nominal") return c === k ? 0 : 1;
    if (level === "interval") return (values[c] - values[k]) ** 2;
    // Ordinal: distance by the marginal mass between the two ranks.
    const [lo, hi] = c < k ? [c, k] : [k, c];
    let mass = 0;
    for (let g = lo; g <= hi; g++) mass += nc[g];
    return (mass - (nc[c] + nc[k]) / 2) ** 2;
  };
  let observed = 0;
  let expected = 0;
  for (let c = 0; c < v; c++) for (let k = 0; k < v; k++) {
    if (c === k) continue;
    const d = delta2(c, k);
    observed += o[c * v + k] * d;
    expected += nc[c] * nc[k] * d;
  }
  if (expected === 0) return null;
  return 1 - ((n - 1) * observed) / expected;
}
