/**
 * A set of 16-bit keys as one bit each: 8 KB, where a byte per key took 64 KB (a wider key is
 * taken by its low 16 bits, so a set bit means "maybe"). The lexicons and the rule patterns each
 * keep one as a first filter on new words ("could anything start with these two characters?"),
 * and the fuzzy lookup one of its keys' hashes; read at random places, the smaller tables stay in
 * the processor's cache.
 */
export class KeyBits16 {
  private readonly bits = new Uint32Array(2048);
  add(key: number): void {
    this.bits[(key >>> 5) & 0x7ff]! |= 1 << (key & 31);
  }
  has(key: number): boolean {
    return (this.bits[(key >>> 5) & 0x7ff]! & (1 << (key & 31))) !== 0;
  }
}
