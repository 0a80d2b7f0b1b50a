import { latin1Text } from "./buffer-text";
/**
 * Idempotency keys for transaction lines and usage events: a 128-bit hash of the row's normalised
 * content plus the number of times that content occurred before in the same file ("<hash>#<n>").
 * Identical lines (the retail log has some) stay distinct rows, and importing the same file again
 * yields the same set of keys, so nothing is added.
 *
 * The content is serialised as bytes: each part's UTF-8 followed by 0xFE, a missing part as 0xFF
 * (neither byte occurs in UTF-8, so no two different rows serialise alike). The worker's fast path
 * writes that serialisation straight from the file's bytes (KeyContent); the string path
 * (`keyFor`) writes the same bytes from strings. The hash is MurmurHash3 x86_128 (non-cryptographic,
 * a fraction of SHA-1's cost over half a million lines; 128 bits are plenty against accidental
 * collisions, which would silently merge two different lines). Occurrences are counted in an
 * open-addressing table of typed arrays rather than a Map of half a million strings.
 */
const MISSING = 0xff;
const END = 0xfe;

/** The serialised content of one row's key, built part by part. */
export class KeyContent {
  bytes = Buffer.allocUnsafe(1024);
  length = 0;

  reset() {
    this.length = 0;
  }

  private ensure(n: number) {
    if (this.length + n <= this.bytes.length) return;
    const grown = Buffer.allocUnsafe(Math.max(this.bytes.length * 2, this.length + n));
    this.bytes.copy(grown, 0, 0, this.length);
    this.bytes = grown;
  }

  missing() {
    this.ensure(1);
    this.bytes[this.length++] = MISSING;
  }

  /** Bytes [start, end) of source; `replace` (a byte) becomes `by` (a decimal comma becomes a point). */
  range(source: Uint8Array, start: number, end: number, replace = -1, by = 0) {
    this.ensure(end - start + 1);
    const out = this.bytes;
    let o = this.length;
    if (replace < 0) for (let i = start; i < end; i++) out[o++] = source[i]!;
    else
      for (let i = start; i < end; i++) {
        const c = source[i]!;
        out[o++] = c === replace ? by : c;
      }
    out[o++] = END;
    this.length = o;
  }

  text(value: string | null | undefined) {
    if (value === null || value === undefined) return this.missing();
    this.ensure(value.length * 3 + 1);
    this.length += this.bytes.write(value, this.length, "utf8");
    this.bytes[this.length++] = END;
  }
}

const B64 = Buffer.from("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_", "latin1");
/** 22 base64url characters (128 bits), "#", up to 10 digits of occurrence. */
export const MAX_KEY_BYTES = 33;

export class LineKeyer {
  // Open addressing, one slot per distinct content: 96 bits of its hash and its occurrence count, in
  // one 16-byte stride (one cache line per look-up); a count of 0 marks a free slot. Two contents
  // sharing 96 bits would only share a counter: their keys still differ (the full 128-bit hash).
  private slots = new Uint32Array(4 << 16);
  private used = 0;
  private readonly hash = new Uint32Array(4);
  private readonly scratch = Buffer.allocUnsafe(MAX_KEY_BYTES);
  private readonly content = new KeyContent();

  /** The key of a row given as its parts (strings, null for a missing part). */
  keyFor(parts: readonly (string | null | undefined)[]): string {
    const c = this.content;
    c.reset();
    for (const p of parts) c.text(p);
    const n = this.write(c.bytes, c.length, this.scratch, 0);
    return latin1Text(this.scratch, 0, n);
  }

  /** Counts the content's occurrence and writes its key as ASCII at out[pos]; returns the key's length. */
  write(content: Uint8Array, length: number, out: Uint8Array, pos: number): number {
    murmur3x128(content, length, this.hash);
    const occurrence = this.count(this.hash[0]!, this.hash[1]!, this.hash[2]!);
    const h = this.hash;
    let o = pos;
    // 16 bytes → 22 base64url characters: five groups of 3 bytes, then the last byte.
    for (let i = 0; i < 15; i += 3) {
      const v = (byteOf(h, i) << 16) | (byteOf(h, i + 1) << 8) | byteOf(h, i + 2);
      out[o] = B64[v >>> 18]!;
      out[o + 1] = B64[(v >>> 12) & 63]!;
      out[o + 2] = B64[(v >>> 6) & 63]!;
      out[o + 3] = B64[v & 63]!;
      o += 4;
    }
    const last = byteOf(h, 15);
    out[o++] = B64[last >>> 2]!;
    out[o++] = B64[(last & 3) << 4]!;
    out[o++] = 35; // "#"
    if (occurrence < 10) out[o++] = 48 + occurrence;
    else {
      const digits = String(occurrence);
      for (let i = 0; i < digits.length; i++) out[o++] = digits.charCodeAt(i);
    }
    return o - pos;
  }

  private count(h0: number, h1: number, h2: number): number {
    // At most 70% full; growing 4× at a time keeps the re-insertions few (a file of 540k lines: two).
    if ((this.used + 1) * 10 > (this.slots.length >>> 2) * 7) this.grow();
    const slots = this.slots;
    const mask = (slots.length >>> 2) - 1;
    let at = (h0 & mask) << 2;
    for (;;) {
      const n = slots[at + 3]!;
      if (n === 0) {
        slots[at] = h0;
        slots[at + 1] = h1;
        slots[at + 2] = h2;
        slots[at + 3] = 1;
        this.used++;
        return 1;
      }
      if (slots[at] === h0 && slots[at + 1] === h1 && slots[at + 2] === h2) return (slots[at + 3] = n + 1);
      at = (at + 4) & (mask << 2 | 3);
    }
  }

  private grow() {
    const old = this.slots;
    const slots = (this.slots = new Uint32Array(old.length * 4));
    const mask = (slots.length >>> 2) - 1;
    for (let s = 0; s < old.length; s += 4) {
      if (old[s + 3] === 0) continue;
      let at = (old[s]! & mask) << 2;
      while (slots[at + 3] !== 0) at = (at + 4) & (mask << 2 | 3);
      slots[at] = old[s]!;
      slots[at + 1] = old[s + 1]!;
      slots[at + 2] = old[s + 2]!;
      slots[at + 3] = old[s + 3]!;
    }
  }
}
const byteOf = (h: Uint32Array, i: number) => (h[i >>> 2]! >>> ((i & 3) << 3)) & 0xff;

const rotl = (x: number, r: number) => (x << r) | (x >>> (32 - r));
const fmix = (h: number) => {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
};
const C1 = 0x239b961b;
const C2 = 0xab0e9789;
const C3 = 0x38b34ae5;
const C4 = 0xa1e38b93;
const le32 = (b: Uint8Array, i: number) => b[i]! | (b[i + 1]! << 8) | (b[i + 2]! << 16) | (b[i + 3]! << 24);

/** MurmurHash3 x86_128 (seed 0) of bytes[0, length) into out (4 words, h1..h4). */
export function murmur3x128(bytes: Uint8Array, length: number, out: Uint32Array) {
  let h1 = 0;
  let h2 = 0;
  let h3 = 0;
  let h4 = 0;
  const blocks = length & ~15;
  for (let i = 0; i < blocks; i += 16) {
    let k1 = le32(bytes, i);
    let k2 = le32(bytes, i + 4);
    let k3 = le32(bytes, i + 8);
    let k4 = le32(bytes, i + 12);
    k1 = Math.imul(rotl(Math.imul(k1, C1), 15), C2);
    h1 ^= k1;
    h1 = (Math.imul(rotl(h1, 19) + h2, 5) + 0x561ccd1b) | 0;
    k2 = Math.imul(rotl(Math.imul(k2, C2), 16), C3);
    h2 ^= k2;
    h2 = (Math.imul(rotl(h2, 17) + h3, 5) + 0x0bcaa747) | 0;
    k3 = Math.imul(rotl(Math.imul(k3, C3), 17), C4);
    h3 ^= k3;
    h3 = (Math.imul(rotl(h3, 15) + h4, 5) + 0x96cd1c35) | 0;
    k4 = Math.imul(rotl(Math.imul(k4, C4), 18), C1);
    h4 ^= k4;
    h4 = (Math.imul(rotl(h4, 13) + h1, 5) + 0x32ac3b17) | 0;
  }
  let k1 = 0;
  let k2 = 0;
  let k3 = 0;
  let k4 = 0;
  const t = blocks;
  switch (length & 15) {
    case 15: k4 ^= bytes[t + 14]! << 16; // falls through
    case 14: k4 ^= bytes[t + 13]! << 8; // falls through
    case 13: k4 ^= bytes[t + 12]!; k4 = Math.imul(rotl(Math.imul(k4, C4), 18), C1); h4 ^= k4; // falls through
    case 12: k3 ^= bytes[t + 11]! << 24; // falls through
    case 11: k3 ^= bytes[t + 10]! << 16; // falls through
    case 10: k3 ^= bytes[t + 9]! << 8; // falls through
    case 9: k3 ^= bytes[t + 8]!; k3 = Math.imul(rotl(Math.imul(k3, C3), 17), C4); h3 ^= k3; // falls through
    case 8: k2 ^= bytes[t + 7]! << 24; // falls through
    case 7: k2 ^= bytes[t + 6]! << 16; // falls through
    case 6: k2 ^= bytes[t + 5]! << 8; // falls through
    case 5: k2 ^= bytes[t + 4]!; k2 = Math.imul(rotl(Math.imul(k2, C2), 16), C3); h2 ^= k2; // falls through
    case 4: k1 ^= bytes[t + 3]! << 24; // falls through
    case 3: k1 ^= bytes[t + 2]! << 16; // falls through
    case 2: k1 ^= bytes[t + 1]! << 8; // falls through
    case 1: k1 ^= bytes[t]!; k1 = Math.imul(rotl(Math.imul(k1, C1), 15), C2); h1 ^= k1;
  }
  h1 ^= length;
  h2 ^= length;
  h3 ^= length;
  h4 ^= length;
  h1 = (h1 + h2 + h3 + h4) | 0;
  h2 = (h2 + h1) | 0;
  h3 = (h3 + h1) | 0;
  h4 = (h4 + h1) | 0;
  h1 = fmix(h1);
  h2 = fmix(h2);
  h3 = fmix(h3);
  h4 = fmix(h4);
  h1 = (h1 + h2 + h3 + h4) | 0;
  h2 = (h2 + h1) | 0;
  h3 = (h3 + h1) | 0;
  h4 = (h4 + h1) | 0;
  out[0] = h1;
  out[1] = h2;
  out[2] = h3;
  out[3] = h4;
}
