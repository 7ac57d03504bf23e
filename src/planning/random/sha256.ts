// SHA-256 (FIPS 180-4), written out here rather than taken from node:crypto or an npm package: Rivest's
// sampler hashes one short message per draw ("seed,1", "seed,2", …), and at ten million draws the
// per-call cost of node:crypto (an object and a buffer per hash) is two to three times this whole
// compression; the library also has to run where node:crypto does not. The tests check it against
// node:crypto on random messages and counters.

const K = new Int32Array([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98,
  0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786,
  0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8,
  0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13,
  0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819,
  0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a,
  0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7,
  0xc67178f2,
]);
const IV = [0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19];
const W = new Int32Array(64);

/**
 * One SHA-256 compression of the 64-byte block at `offset` into the state `h` (eight 32-bit words). The
 * rounds are written out eight at a time, the eight working variables renamed instead of shifted: about
 * a third faster in V8 than one round per iteration, at ten million digests a selection.
 *
 * Every read here is in range by construction: `h` and the state hold 8 words, `K` and `W` 64, and the
 * callers pass an `offset` with 64 bytes after it. The reads are cast rather than checked with
 * math/at.ts: this function is too large for V8 to inline a helper into, and a call per read made the
 * sampler three times slower.
 */
function compress(h: Int32Array, block: Uint8Array, offset: number): void {
  for (let i = 0; i < 16; i++) {
    const j = offset + i * 4;
    W[i] =
      ((block[j] as number) << 24) |
      ((block[j + 1] as number) << 16) |
      ((block[j + 2] as number) << 8) |
      (block[j + 3] as number);
  }
  for (let i = 16; i < 64; i++) {
    const x = W[i - 15] as number;
    const y = W[i - 2] as number;
    const s0 = ((x >>> 7) | (x << 25)) ^ ((x >>> 18) | (x << 14)) ^ (x >>> 3);
    const s1 = ((y >>> 17) | (y << 15)) ^ ((y >>> 19) | (y << 13)) ^ (y >>> 10);
    W[i] = ((W[i - 16] as number) + s0 + (W[i - 7] as number) + s1) | 0;
  }
  let a = h[0] as number;
  let b = h[1] as number;
  let c = h[2] as number;
  let d = h[3] as number;
  let e = h[4] as number;
  let f = h[5] as number;
  let g = h[6] as number;
  let k = h[7] as number;
  let t1: number;
  let t2: number;
  for (let i = 0; i < 64; i += 8) {
    t1 =
      (k +
        (((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7))) +
        ((e & f) ^ (~e & g)) +
        (K[i] as number) +
        (W[i] as number)) |
      0;
    t2 =
      ((((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10))) +
        ((a & b) ^ (a & c) ^ (b & c))) |
      0;
    d = (d + t1) | 0;
    k = (t1 + t2) | 0;
    t1 =
      (g +
        (((d >>> 6) | (d << 26)) ^ ((d >>> 11) | (d << 21)) ^ ((d >>> 25) | (d << 7))) +
        ((d & e) ^ (~d & f)) +
        (K[i + 1] as number) +
        (W[i + 1] as number)) |
      0;
    t2 =
      ((((k >>> 2) | (k << 30)) ^ ((k >>> 13) | (k << 19)) ^ ((k >>> 22) | (k << 10))) +
        ((k & a) ^ (k & b) ^ (a & b))) |
      0;
    c = (c + t1) | 0;
    g = (t1 + t2) | 0;
    t1 =
      (f +
        (((c >>> 6) | (c << 26)) ^ ((c >>> 11) | (c << 21)) ^ ((c >>> 25) | (c << 7))) +
        ((c & d) ^ (~c & e)) +
        (K[i + 2] as number) +
        (W[i + 2] as number)) |
      0;
    t2 =
      ((((g >>> 2) | (g << 30)) ^ ((g >>> 13) | (g << 19)) ^ ((g >>> 22) | (g << 10))) +
        ((g & k) ^ (g & a) ^ (k & a))) |
      0;
    b = (b + t1) | 0;
    f = (t1 + t2) | 0;
    t1 =
      (e +
        (((b >>> 6) | (b << 26)) ^ ((b >>> 11) | (b << 21)) ^ ((b >>> 25) | (b << 7))) +
        ((b & c) ^ (~b & d)) +
        (K[i + 3] as number) +
        (W[i + 3] as number)) |
      0;
    t2 =
      ((((f >>> 2) | (f << 30)) ^ ((f >>> 13) | (f << 19)) ^ ((f >>> 22) | (f << 10))) +
        ((f & g) ^ (f & k) ^ (g & k))) |
      0;
    a = (a + t1) | 0;
    e = (t1 + t2) | 0;
    t1 =
      (d +
        (((a >>> 6) | (a << 26)) ^ ((a >>> 11) | (a << 21)) ^ ((a >>> 25) | (a << 7))) +
        ((a & b) ^ (~a & c)) +
        (K[i + 4] as number) +
        (W[i + 4] as number)) |
      0;
    t2 =
      ((((e >>> 2) | (e << 30)) ^ ((e >>> 13) | (e << 19)) ^ ((e >>> 22) | (e << 10))) +
        ((e & f) ^ (e & g) ^ (f & g))) |
      0;
    k = (k + t1) | 0;
    d = (t1 + t2) | 0;
    t1 =
      (c +
        (((k >>> 6) | (k << 26)) ^ ((k >>> 11) | (k << 21)) ^ ((k >>> 25) | (k << 7))) +
        ((k & a) ^ (~k & b)) +
        (K[i + 5] as number) +
        (W[i + 5] as number)) |
      0;
    t2 =
      ((((d >>> 2) | (d << 30)) ^ ((d >>> 13) | (d << 19)) ^ ((d >>> 22) | (d << 10))) +
        ((d & e) ^ (d & f) ^ (e & f))) |
      0;
    g = (g + t1) | 0;
    c = (t1 + t2) | 0;
    t1 =
      (b +
        (((g >>> 6) | (g << 26)) ^ ((g >>> 11) | (g << 21)) ^ ((g >>> 25) | (g << 7))) +
        ((g & k) ^ (~g & a)) +
        (K[i + 6] as number) +
        (W[i + 6] as number)) |
      0;
    t2 =
      ((((c >>> 2) | (c << 30)) ^ ((c >>> 13) | (c << 19)) ^ ((c >>> 22) | (c << 10))) +
        ((c & d) ^ (c & e) ^ (d & e))) |
      0;
    f = (f + t1) | 0;
    b = (t1 + t2) | 0;
    t1 =
      (a +
        (((f >>> 6) | (f << 26)) ^ ((f >>> 11) | (f << 21)) ^ ((f >>> 25) | (f << 7))) +
        ((f & g) ^ (~f & k)) +
        (K[i + 7] as number) +
        (W[i + 7] as number)) |
      0;
    t2 =
      ((((b >>> 2) | (b << 30)) ^ ((b >>> 13) | (b << 19)) ^ ((b >>> 22) | (b << 10))) +
        ((b & c) ^ (b & d) ^ (c & d))) |
      0;
    e = (e + t1) | 0;
    a = (t1 + t2) | 0;
  }
  h[0] = ((h[0] as number) + a) | 0;
  h[1] = ((h[1] as number) + b) | 0;
  h[2] = ((h[2] as number) + c) | 0;
  h[3] = ((h[3] as number) + d) | 0;
  h[4] = ((h[4] as number) + e) | 0;
  h[5] = ((h[5] as number) + f) | 0;
  h[6] = ((h[6] as number) + g) | 0;
  h[7] = ((h[7] as number) + k) | 0;
}

/**
 * SHA-256 of `prefix` followed by the decimal digits of a counter, for many counters: the whole 64-byte
 * blocks of the prefix are compressed once, and each call compresses only the last one or two blocks.
 * This is the message of Rivest's sampler, `seed + "," + i`, with `prefix` the UTF-8 bytes of `seed,`.
 *
 * Reference: NIST (2015), FIPS 180-4, *Secure Hash Standard*, §6.2.
 */
export class CounterHash {
  private readonly midstate = new Int32Array(IV);
  private readonly tail: Uint8Array;
  private readonly prefixLength: number;
  private readonly block = new Uint8Array(192);
  private readonly state = new Int32Array(8);

  constructor(prefix: Uint8Array) {
    const whole = Math.floor(prefix.length / 64) * 64;
    for (let offset = 0; offset < whole; offset += 64) compress(this.midstate, prefix, offset);
    this.tail = prefix.slice(whole);
    this.prefixLength = prefix.length;
  }

  /** The counter the block holds, its digits' count and the block's length; -1 before the first call. */
  private counter = -1;
  private digits = 0;
  private end = 64;

  /**
   * The digest of prefix + decimal(counter) as eight big-endian 32-bit words (signed); reused between
   * calls. Counted up by one, as a sampler does, the block's digits are incremented in place.
   */
  digest(counter: number): Int32Array {
    const block = this.block;
    if (counter === this.counter + 1 && this.counter >= 0 && this.increment()) this.counter = counter;
    else this.layOut(counter);
    this.state.set(this.midstate);
    for (let offset = 0; offset < this.end; offset += 64) compress(this.state, block, offset);
    return this.state;
  }

  /** Adds one to the decimal digits in the block; false, changing nothing, when that needs one more digit (99 → 100). */
  private increment(): boolean {
    const block = this.block;
    const start = this.tail.length;
    let at = start + this.digits - 1;
    while (at >= start && block[at] === 57) at--;
    if (at < start) return false;
    // In range: start ≤ at < start + digits, inside the block; cast, as in compress, once per draw.
    block[at] = (block[at] as number) + 1;
    block.fill(48, at + 1, start + this.digits);
    return true;
  }

  /** Writes prefix + decimal(counter) and SHA-256's padding into the block. */
  private layOut(counter: number): void {
    const block = this.block;
    block.set(this.tail);
    let n = this.tail.length;
    const digits = String(counter);
    for (let i = 0; i < digits.length; i++) block[n++] = digits.charCodeAt(i);
    const length = this.prefixLength + digits.length;
    block[n++] = 0x80;
    const end = n + 8 <= 64 ? 64 : n + 8 <= 128 ? 128 : 192;
    block.fill(0, n, end);
    // The message length in bits, big-endian, in the last eight bytes (the high word stays 0 below 2^29 bytes).
    const bits = length * 8;
    block[end - 5] = Math.floor(bits / 2 ** 32) & 0xff;
    block[end - 4] = bits >>> 24;
    block[end - 3] = (bits >>> 16) & 0xff;
    block[end - 2] = (bits >>> 8) & 0xff;
    block[end - 1] = bits & 0xff;
    this.counter = counter;
    this.digits = digits.length;
    this.end = end;
  }
}

/** a mod m for whole numbers with a < 2^53 and m·(a/m + 1) < 2^53, by division: V8 computes % on doubles with a call to fmod, several times slower. */
function remainder(a: number, m: number): number {
  const r = a - Math.floor(a / m) * m;
  // a/m is correctly rounded, so the quotient is off by at most one either way.
  return r < 0 ? r + m : r >= m ? r - m : r;
}

/** For the last modulus asked: 2^(16·(15 − j)) mod m for the digest's sixteen 16-bit pieces j. */
let powersFor = 0;
const POWERS = new Float64Array(16);

/**
 * The digest's 256-bit big-endian integer modulo `m` (a whole number from 1 to 2^53 − 1), exactly. Up to
 * m = 2^36 it is the sum of its sixteen 16-bit pieces times 2^(16·(15 − j)) mod m: each product is below
 * 2^52, so exact in double precision, and the sixteen remainders do not wait on each other as Horner's
 * rule would (a third of the cost of a draw at ten million draws). The reads of `words` (8) and `POWERS`
 * (16) are in range by the loop bounds and cast, as in `compress`: this runs once per draw.
 */
export function digestModulo(words: Int32Array, m: number): number {
  if (m <= 2 ** 36) {
    if (powersFor !== m) {
      for (let j = 0; j < 16; j++) POWERS[j] = Number((1n << BigInt(16 * (15 - j))) % BigInt(m));
      powersFor = m;
    }
    let sum = 0;
    for (let i = 0; i < 8; i++) {
      const w = (words[i] as number) >>> 0;
      sum +=
        remainder((w >>> 16) * (POWERS[2 * i] as number), m) +
        remainder((w & 0xffff) * (POWERS[2 * i + 1] as number), m);
    }
    // At most 16·(m − 1) < 2^40.
    return remainder(sum, m);
  }
  let x = 0n;
  for (let i = 0; i < 8; i++) x = (x << 32n) | BigInt((words[i] as number) >>> 0);
  return Number(x % BigInt(m));
}

/**
 * SHA-256 of a stream of bytes, fed chunk by chunk: the digest of a case file as it is read, recorded in a
 * selection's provenance. The same interface as node:crypto's `createHash("sha256")` (`update`, then
 * `digest("hex")`), so that a caller with node:crypto can pass that instead: it is native and several
 * times faster on large files; this one runs wherever the library does.
 *
 * Reference: NIST (2015), FIPS 180-4, *Secure Hash Standard*, §5.1.1 (padding), §6.2.
 *
 * @example
 * ```ts
 * new Sha256().update(new TextEncoder().encode("abc")).digest("hex");
 * // "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
 * ```
 */
export class Sha256 {
  private readonly state = new Int32Array(IV);
  private readonly pending = new Uint8Array(64);
  private pendingLength = 0;
  private length = 0;
  private finished = false;

  /** Adds bytes to the message; returns this, as node:crypto's Hash does. */
  update(bytes: Uint8Array): this {
    if (this.finished) throw new Error("Sha256: update after digest");
    this.length += bytes.length;
    let offset = 0;
    if (this.pendingLength > 0) {
      const take = Math.min(64 - this.pendingLength, bytes.length);
      this.pending.set(bytes.subarray(0, take), this.pendingLength);
      this.pendingLength += take;
      offset = take;
      if (this.pendingLength < 64) return this;
      compress(this.state, this.pending, 0);
      this.pendingLength = 0;
    }
    for (; offset + 64 <= bytes.length; offset += 64) compress(this.state, bytes, offset);
    this.pending.set(bytes.subarray(offset), 0);
    this.pendingLength = bytes.length - offset;
    return this;
  }

  /** The digest as 64 lower-case hex digits; the hash takes no more bytes after it. */
  digest(_encoding: "hex"): string {
    this.finished = true;
    const block = new Uint8Array(128);
    block.set(this.pending.subarray(0, this.pendingLength));
    block[this.pendingLength] = 0x80;
    const end = this.pendingLength + 9 <= 64 ? 64 : 128;
    const bits = this.length * 8;
    const high = Math.floor(bits / 2 ** 32);
    block[end - 8] = (high >>> 24) & 0xff;
    block[end - 7] = (high >>> 16) & 0xff;
    block[end - 6] = (high >>> 8) & 0xff;
    block[end - 5] = high & 0xff;
    block[end - 4] = bits >>> 24;
    block[end - 3] = (bits >>> 16) & 0xff;
    block[end - 2] = (bits >>> 8) & 0xff;
    block[end - 1] = bits & 0xff;
    for (let offset = 0; offset < end; offset += 64) compress(this.state, block, offset);
    return Array.from(this.state, (word) => (word >>> 0).toString(16).padStart(8, "0")).join("");
  }
}
