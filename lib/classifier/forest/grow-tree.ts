// Relative imports only: forest-worker.ts loads this in a worker thread through tsx, which resolves the
// "@/" alias from the tsconfig of the current directory, not of this repository.
import { seededRandom } from "../../metrics/seeded-random";
import type { BinnedMatrix } from "./bin-features";
import type { GrownTree } from "./types";

/** Everything a tree needs; the same object in the main thread and in every worker (arrays shared). */
export type TreeData = {
  binned: BinnedMatrix;
  y: Uint8Array;
  /** Weight of a class-0 row and of a class-1 row. */
  classWeights: [number, number];
  maxDepth: number | null;
  minSamplesLeaf: number;
  /** Features tried per split. */
  mtry: number;
  bootstrap: boolean;
  seed: number;
};

/**
 * Nodes at or below this many rows search splits by sorting their codes (insertion sort) instead of a
 * 255-bin histogram: most nodes of a fully grown tree are tiny, and clearing and scanning a histogram
 * would cost more than the rows themselves.
 */
const SMALL_NODE = 48;
const PURE = 1e-12;

/**
 * Grows tree `treeIndex` depth-first with histogram splits (weighted Gini). Deterministic in (data.seed,
 * treeIndex): the bootstrap sample and every feature subset come from that stream alone, so a tree is the
 * same whichever thread grows it.
 *
 * No histogram subtraction (deriving a child's histograms from its parent's and its sibling's): each node
 * draws its own mtry features, so a parent's histograms cover on average mtry²/nFeatures of a child's
 * (one of 16 with 256 features); only the node's own features are ever built, over its [min, max] codes.
 */
export function growTree(data: TreeData, treeIndex: number): GrownTree {
  const { binned, y, classWeights, minSamplesLeaf } = data;
  const { nRows, nFeatures, codes, edges, edgeStride } = binned;
  const maxDepth = data.maxDepth ?? Number.MAX_SAFE_INTEGER;
  const random = seededRandom(data.seed, treeIndex);

  const counts = new Int32Array(nRows);
  if (data.bootstrap) for (let i = 0; i < nRows; i++) counts[random.int(nRows)]++;
  else counts.fill(1);
  let nIn = 0;
  for (let i = 0; i < nRows; i++) if (counts[i] > 0) nIn++;
  // Row ids of the in-bag rows with their weights, kept aligned (partitioned together) so histogram
  // passes read weights sequentially; only the feature codes are gathered by row.
  const samples = new Int32Array(nIn);
  const weight = new Float64Array(nIn);
  const posWeight = new Float64Array(nIn);
  let rootW = 0;
  let rootP = 0;
  for (let i = 0, k = 0; i < nRows; i++) {
    if (counts[i] === 0) continue;
    samples[k] = i;
    weight[k] = counts[i] * classWeights[y[i]];
    if (y[i] === 1) posWeight[k] = weight[k];
    rootW += weight[k];
    rootP += posWeight[k];
    k++;
  }

  // A binary tree over nIn rows has at most 2·nIn − 1 nodes: allocate once, trim at the end.
  const capacity = Math.max(1, 2 * nIn - 1);
  const feature = new Int32Array(capacity);
  const value = new Float32Array(capacity);
  const left = new Int32Array(capacity);
  const splitBin = new Uint8Array(capacity);
  const importances = new Float64Array(nFeatures);
  let nNodes = 1;

  const stackSize = nIn + 2;
  const sStart = new Int32Array(stackSize);
  const sEnd = new Int32Array(stackSize);
  const sDepth = new Int32Array(stackSize);
  const sNode = new Int32Array(stackSize);
  const sW = new Float64Array(stackSize);
  const sP = new Float64Array(stackSize);
  sEnd[0] = nIn;
  sW[0] = rootW;
  sP[0] = rootP;
  let top = 1;

  const hCount = new Int32Array(256);
  const hW = new Float64Array(256);
  const hP = new Float64Array(256);
  const keys = new Int32Array(SMALL_NODE);
  const features = Int32Array.from({ length: nFeatures }, (_, i) => i);

  while (top > 0) {
    top--;
    const start = sStart[top];
    const end = sEnd[top];
    const depth = sDepth[top];
    const node = sNode[top];
    const wTot = sW[top];
    const pTot = sP[top];
    const n = end - start;
    const p = pTot / wTot;

    let bestProxy = -Infinity;
    let bestFeature = -1;
    let bestBin = 0;
    let bestCount = 0;
    let bestW = 0;
    let bestP = 0;
    const canSplit = n >= 2 && n >= 2 * minSamplesLeaf && depth < maxDepth && 2 * p * (1 - p) > PURE;
    if (canSplit) {
      let visited = 0;
      let drawn = 0;
      // Like sklearn, constant features don't count towards mtry; unlike it, keep drawing when the mtry
      // features found no admissible split (possible with minSamplesLeaf > 1).
      while (drawn < nFeatures && (visited < data.mtry || bestFeature < 0)) {
        const j = drawn + random.int(nFeatures - drawn);
        const f = features[j];
        features[j] = features[drawn];
        features[drawn] = f;
        drawn++;
        const off = f * nRows;
        if (n <= SMALL_NODE) {
          for (let k = 0; k < n; k++) {
            const key = (codes[off + samples[start + k]] << 8) | k;
            let i = k - 1;
            while (i >= 0 && keys[i] > key) {
              keys[i + 1] = keys[i];
              i--;
            }
            keys[i + 1] = key;
          }
          if (keys[0] >> 8 === keys[n - 1] >> 8) continue;
          visited++;
          let cL = 0;
          let wL = 0;
          let pL = 0;
          let prevCode = keys[0] >> 8;
          for (let k = 0; k < n; k++) {
            const code = keys[k] >> 8;
            if (code !== prevCode) {
              if (cL >= minSamplesLeaf && n - cL >= minSamplesLeaf) {
                const wR = wTot - wL;
                const pR = pTot - pL;
                const nL = wL - pL;
                const nR = wR - pR;
                const proxy = (nL * nL + pL * pL) / wL + (nR * nR + pR * pR) / wR;
                if (proxy > bestProxy) {
                  bestProxy = proxy;
                  bestFeature = f;
                  bestBin = (prevCode + code - 1) >> 1;
                  bestCount = cL;
                  bestW = wL;
                  bestP = pL;
                }
              }
              prevCode = code;
            }
            const at = start + (keys[k] & 255);
            cL++;
            wL += weight[at];
            pL += posWeight[at];
          }
        } else {
          let lo = 255;
          let hi = 0;
          for (let i = start; i < end; i++) {
            const b = codes[off + samples[i]];
            hCount[b]++;
            hW[b] += weight[i];
            hP[b] += posWeight[i];
            if (b < lo) lo = b;
            if (b > hi) hi = b;
          }
          if (lo !== hi) {
            visited++;
            let cL = hCount[lo];
            let wL = hW[lo];
            let pL = hP[lo];
            let prev = lo;
            for (let b = lo + 1; b <= hi; b++) {
              const c = hCount[b];
              if (c === 0) continue;
              if (n - cL < minSamplesLeaf) break;
              if (cL >= minSamplesLeaf) {
                const wR = wTot - wL;
                const pR = pTot - pL;
                const nL = wL - pL;
                const nR = wR - pR;
                const proxy = (nL * nL + pL * pL) / wL + (nR * nR + pR * pR) / wR;
                if (proxy > bestProxy) {
                  bestProxy = proxy;
                  bestFeature = f;
                  bestBin = (prev + b - 1) >> 1;
                  bestCount = cL;
                  bestW = wL;
                  bestP = pL;
                }
              }
              cL += c;
              wL += hW[b];
              pL += hP[b];
              prev = b;
            }
          }
          hCount.fill(0, lo, hi + 1);
          hW.fill(0, lo, hi + 1);
          hP.fill(0, lo, hi + 1);
        }
      }
    }

    if (bestFeature < 0) {
      feature[node] = -1;
      // pTot of a child is a difference of sums: keep rounding from leaving [0, 1].
      value[node] = Math.min(1, Math.max(0, p));
      left[node] = -1;
      continue;
    }

    const col = bestFeature * nRows;
    let i = start;
    let j = end - 1;
    while (i <= j) {
      if (codes[col + samples[i]] <= bestBin) i++;
      else {
        swap(samples, i, j);
        swap(weight, i, j);
        swap(posWeight, i, j);
        j--;
      }
    }
    if (i - start !== bestCount) throw new Error(`internal: split of node ${node} moved ${i - start} rows left, expected ${bestCount}`);
    const wR = wTot - bestW;
    const pR = pTot - bestP;
    const nodeProxy = ((wTot - pTot) * (wTot - pTot) + pTot * pTot) / wTot;
    importances[bestFeature] += bestProxy - nodeProxy;
    const child = nNodes;
    nNodes += 2;
    feature[node] = bestFeature;
    value[node] = edges[bestFeature * edgeStride + bestBin];
    left[node] = child;
    splitBin[node] = bestBin;

    sStart[top] = i;
    sEnd[top] = end;
    sDepth[top] = depth + 1;
    sNode[top] = child + 1;
    sW[top] = wR;
    sP[top] = pR;
    top++;
    sStart[top] = start;
    sEnd[top] = i;
    sDepth[top] = depth + 1;
    sNode[top] = child;
    sW[top] = bestW;
    sP[top] = bestP;
    top++;
  }

  let total = 0;
  for (let f = 0; f < nFeatures; f++) total += importances[f];
  if (total > 0) for (let f = 0; f < nFeatures; f++) importances[f] /= total;

  let oob: Float32Array | null = null;
  if (data.bootstrap) {
    oob = new Float32Array(nRows).fill(Number.NaN);
    for (let r = 0; r < nRows; r++) {
      if (counts[r] > 0) continue;
      let node = 0;
      while (feature[node] >= 0) node = codes[feature[node] * nRows + r] <= splitBin[node] ? left[node] : left[node] + 1;
      oob[r] = value[node];
    }
  }
  return { feature: feature.slice(0, nNodes), value: value.slice(0, nNodes), left: left.slice(0, nNodes), importances, oob };
}

function swap(a: Int32Array | Float64Array, i: number, j: number): void {
  const t = a[i];
  a[i] = a[j];
  a[j] = t;
}
