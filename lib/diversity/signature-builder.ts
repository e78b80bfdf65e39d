import type { SignatureSet } from "./find-near-duplicates";
import type { SignedBatch } from "./sign-batch";

/** Appends signed batches into one SignatureSet, growing its typed arrays by half again when full (no per-document objects). */
export class SignatureBuilder {
  private n = 0;
  private cap = 0;
  private bandKeys = new Int32Array(0);
  private low16 = new Uint16Array(0);
  private empty = new Uint8Array(0);

  /** `expected`: documents to reserve room for (the scope's count), so a full pass never copies the arrays. */
  constructor(
    private readonly bands: number,
    private readonly permutations: number,
    expected = 0,
  ) {
    if (expected > 0) this.grow(expected);
  }

  get size(): number {
    return this.n;
  }

  add(batch: SignedBatch): void {
    const m = batch.empty.length;
    if (this.n + m > this.cap) this.grow(Math.max(this.n + m, Math.ceil(this.cap * 1.5), 1024));
    this.bandKeys.set(batch.bandKeys, this.n * this.bands);
    this.low16.set(batch.low16, this.n * this.permutations);
    this.empty.set(batch.empty, this.n);
    this.n += m;
  }

  build(): SignatureSet {
    return {
      n: this.n,
      bands: this.bands,
      permutations: this.permutations,
      bandKeys: this.bandKeys.subarray(0, this.n * this.bands),
      low16: this.low16.subarray(0, this.n * this.permutations),
      empty: this.empty.subarray(0, this.n),
    };
  }

  private grow(cap: number) {
    const bandKeys = new Int32Array(cap * this.bands);
    bandKeys.set(this.bandKeys.subarray(0, this.n * this.bands));
    const low16 = new Uint16Array(cap * this.permutations);
    low16.set(this.low16.subarray(0, this.n * this.permutations));
    const empty = new Uint8Array(cap);
    empty.set(this.empty.subarray(0, this.n));
    Object.assign(this, { bandKeys, low16, empty, cap });
  }
}
