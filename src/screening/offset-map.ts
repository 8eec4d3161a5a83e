/** Growable Int32 map from output index to source index: how the normaliser's steps keep offsets into the original. */
export class MapBuilder {
  a: Int32Array;
  n = 0;
  constructor(capacity: number) { this.a = new Int32Array(Math.max(16, capacity)); }
  private grow(extra: number): void {
    if (this.n + extra <= this.a.length) return;
    const b = new Int32Array(Math.max(this.a.length * 2, this.n + extra));
    b.set(this.a.subarray(0, this.n));
    this.a = b;
  }
  push(src: number): void { this.grow(1); this.a[this.n++] = src; }
  /** Identity run: output chars map to source offsets from..to-1. */
  run(from: number, to: number): void {
    this.grow(to - from);
    for (let i = from; i < to; i++) this.a[this.n++] = i;
  }
}
