import os from "node:os";

const LITTLE_ENDIAN = os.endianness() === "LE";

/**
 * Embeddings are stored as Float32 little-endian bytes (`snippet_embedding.vector`), the layout the
 * OpenAI API sends with `encoding_format: "base64"`, so a reply is stored without decoding it.
 */
export function decodeVector(bytes: Uint8Array): Float32Array {
  const out = new Float32Array(bytes.byteLength >>> 2);
  if (LITTLE_ENDIAN) {
    // Copied: the source may sit at an offset that is not a multiple of 4 inside a larger buffer.
    new Uint8Array(out.buffer).set(bytes.subarray(0, out.length * 4));
  } else {
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    for (let k = 0; k < out.length; k++) out[k] = view.getFloat32(k * 4, true);
  }
  return out;
}

export function encodeVector(vector: Float32Array): Buffer {
  if (LITTLE_ENDIAN) return Buffer.from(vector.buffer.slice(vector.byteOffset, vector.byteOffset + vector.byteLength));
  const out = Buffer.alloc(vector.length * 4);
  for (let k = 0; k < vector.length; k++) out.writeFloatLE(vector[k], k * 4);
  return out;
}
