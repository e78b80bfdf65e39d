import type { FileHandle } from "node:fs/promises";
import type { AsyncBuffer } from "hyparquet";

/**
 * A hyparquet AsyncBuffer over an open file: each slice is one positioned read of just that byte range,
 * so reading a Parquet file never loads the whole file (hyparquet asks for the footer, then for the
 * column chunks of the row group being read).
 */
export function fileAsyncBuffer(handle: FileHandle, byteLength: number): AsyncBuffer {
  return {
    byteLength,
    async slice(start: number, end: number = byteLength): Promise<ArrayBuffer> {
      const from = Math.max(0, start);
      const to = Math.min(byteLength, end);
      const length = Math.max(0, to - from);
      const out = new Uint8Array(new ArrayBuffer(length));
      let offset = 0;
      while (offset < length) {
        const { bytesRead } = await handle.read(out, offset, length - offset, from + offset);
        if (bytesRead === 0) throw new Error(`unexpected end of file at byte ${from + offset} (file truncated while reading?)`);
        offset += bytesRead;
      }
      return out.buffer;
    },
  };
}
