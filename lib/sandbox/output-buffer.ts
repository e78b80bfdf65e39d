/**
 * Collects a process's output up to a cap, keeping the head and the tail: a program that prints forever
 * costs bounded memory, and the end (where the traceback is) is never lost. Bytes are kept, not strings,
 * so a multi-byte character split across chunks decodes correctly.
 */
export class OutputBuffer {
  private head: Buffer[] = [];
  private headBytes = 0;
  private tail: Buffer[] = [];
  private tailBytes = 0;
  private total = 0;
  private readonly headCap: number;
  private readonly tailCap: number;

  constructor(maxBytes: number) {
    this.headCap = Math.floor(maxBytes / 2);
    this.tailCap = maxBytes - this.headCap;
  }

  push(chunk: Buffer): void {
    this.total += chunk.length;
    if (this.headBytes < this.headCap) {
      const take = Math.min(chunk.length, this.headCap - this.headBytes);
      this.head.push(chunk.subarray(0, take));
      this.headBytes += take;
      chunk = chunk.subarray(take);
      if (!chunk.length) return;
    }
    this.tail.push(chunk);
    this.tailBytes += chunk.length;
    while (this.tailBytes - this.tail[0].length >= this.tailCap) this.tailBytes -= this.tail.shift()!.length;
  }

  get bytes(): number {
    return this.total;
  }

  toString(): string {
    const head = Buffer.concat(this.head).toString("utf8");
    let tail = Buffer.concat(this.tail);
    const dropped = Math.max(0, this.total - this.headBytes - this.tailCap);
    if (dropped === 0) return head + tail.toString("utf8");
    tail = tail.subarray(tail.length - this.tailCap);
    // Start the tail on a character (and preferably a line) boundary.
    let text = tail.toString("utf8").replace(/^\uFFFD+/, "");
    const nl = text.indexOf("\n");
    if (nl !== -1 && nl < 200) text = text.slice(nl + 1);
    return `${head}\n… [${dropped.toLocaleString("en-US")} bytes of output not kept] …\n${text}`;
  }
}
