import { crc32 } from "./crc32";
import type { Forest } from "./types";

/*
 * Artifact layout, little-endian:
 *   0  magic "SYRF"            4 bytes
 *   4  format version          u16 (1)
 *   6  feature index width     u16 (2: Int16 when nFeatures ≤ 32767, else 4: Int32)
 *   8  nFeatures               u32
 *  12  nTrees                  u32
 *  16  nNodes                  u32
 *  20  CRC-32 of the body      u32
 *  24  body: roots Int32[nTrees], left Int32[nNodes], value Float32[nNodes], feature Int16|Int32[nNodes]
 */
const MAGIC = [0x53, 0x59, 0x52, 0x46];
const VERSION = 1;
const HEADER = 24;

export function serializeForest(forest: Forest): Uint8Array {
  const { nFeatures, roots, feature, value, left } = forest;
  const nNodes = feature.length;
  const width = nFeatures <= 0x7fff ? 2 : 4;
  const bytes = new Uint8Array(HEADER + 4 * roots.length + 8 * nNodes + width * nNodes);
  const view = new DataView(bytes.buffer);
  bytes.set(MAGIC, 0);
  view.setUint16(4, VERSION, true);
  view.setUint16(6, width, true);
  view.setUint32(8, nFeatures, true);
  view.setUint32(12, roots.length, true);
  view.setUint32(16, nNodes, true);
  let at = HEADER;
  for (const r of roots) at = put(view, at, r, "i32");
  for (const l of left) at = put(view, at, l, "i32");
  for (const v of value) at = put(view, at, v, "f32");
  for (const f of feature) at = put(view, at, f, width === 2 ? "i16" : "i32");
  view.setUint32(20, crc32(bytes.subarray(HEADER)), true);
  return bytes;
}

function put(view: DataView, at: number, v: number, type: "i16" | "i32" | "f32"): number {
  if (type === "i16") view.setInt16(at, v, true);
  else if (type === "i32") view.setInt32(at, v, true);
  else view.setFloat32(at, v, true);
  return at + (type === "i16" ? 2 : 4);
}

/** Reads an artifact written by serializeForest; throws a message saying what is wrong with a bad one. */
export function deserializeForest(bytes: Uint8Array): Forest {
  const bad = (why: string) => new Error(`not a valid forest artifact: ${why}`);
  if (bytes.length < HEADER) throw bad(`${bytes.length} bytes, shorter than the ${HEADER}-byte header`);
  if (MAGIC.some((b, i) => bytes[i] !== b)) throw bad("wrong magic bytes (expected \"SYRF\"; is this a forest file?)");
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const version = view.getUint16(4, true);
  if (version !== VERSION) throw bad(`format version ${version}; this build reads version ${VERSION}`);
  const width = view.getUint16(6, true);
  if (width !== 2 && width !== 4) throw bad(`feature index width ${width} (expected 2 or 4)`);
  const nFeatures = view.getUint32(8, true);
  const nTrees = view.getUint32(12, true);
  const nNodes = view.getUint32(16, true);
  const expected = HEADER + 4 * nTrees + 8 * nNodes + width * nNodes;
  if (bytes.length !== expected) throw bad(`${bytes.length} bytes but the header describes ${expected} (${nTrees} trees, ${nNodes} nodes): truncated or corrupted`);
  if (crc32(bytes.subarray(HEADER)) !== view.getUint32(20, true)) throw bad("checksum mismatch: the file is corrupted");
  if (nTrees === 0) throw bad("it holds no trees");

  const roots = new Int32Array(nTrees);
  const left = new Int32Array(nNodes);
  const value = new Float32Array(nNodes);
  const feature = new Int32Array(nNodes);
  let at = HEADER;
  for (let i = 0; i < nTrees; i++, at += 4) roots[i] = view.getInt32(at, true);
  for (let i = 0; i < nNodes; i++, at += 4) left[i] = view.getInt32(at, true);
  for (let i = 0; i < nNodes; i++, at += 4) value[i] = view.getFloat32(at, true);
  for (let i = 0; i < nNodes; i++, at += width) feature[i] = width === 2 ? view.getInt16(at, true) : view.getInt32(at, true);

  // Structure checks make prediction safe: every walk moves forward and ends on a leaf inside its tree.
  for (let t = 0; t < nTrees; t++) {
    const end = t + 1 < nTrees ? roots[t + 1] : nNodes;
    if ((t === 0 ? roots[t] !== 0 : roots[t] <= roots[t - 1]) || roots[t] >= end || end > nNodes) throw bad(`tree ${t} has an invalid root ${roots[t]}`);
    for (let i = roots[t]; i < end; i++) {
      const f = feature[i];
      if (f === -1) {
        if (!(value[i] >= 0 && value[i] <= 1)) throw bad(`leaf ${i} has probability ${value[i]}`);
      } else if (f < 0 || f >= nFeatures) throw bad(`node ${i} splits on feature ${f} of ${nFeatures}`);
      else if (left[i] <= i || left[i] + 1 >= end) throw bad(`node ${i} has children ${left[i]}, ${left[i] + 1} outside its tree`);
      else if (Number.isNaN(value[i])) throw bad(`node ${i} has a NaN threshold`);
    }
  }
  return { nFeatures, roots, feature, value, left };
}
