// RAT-STATS' single-stage random numbers (HHS-OIG, RAT-STATS 2010 and later), written from HHS-OIG's
// technical specification "TechDetails - SimpleRandomSample_02js" and checked against the RAT-STATS 2010
// User Guide, pp. 2-6 to 2-12 (seed 48863.78: 718, 643, 247, …; sum 6,520). RAT-STATS seeds three
// Wichmann–Hill generators from Visual Basic 6's own generator (Rnd and Randomize), emulated here
// bit for bit; there is no package for either.

const TWO_24 = 2 ** 24;
// VB6's Rnd is x → (1140671485·x + 12820163) mod 2^24. Only the multiplier mod 2^24 matters, and with it
// every product stays below 2^48, exact in double precision.
const VB_MULTIPLIER = 1140671485 % TWO_24;
const VB_INCREMENT = 12820163;

function vbRnd(state: number): number {
  return (state * VB_MULTIPLIER + VB_INCREMENT) % TWO_24;
}

/** VB6's `Rnd(x)` for a negative x: the float32 bits of x, low 24 bits plus the top byte. */
function vbRndNegative(x: number): number {
  const bits = new DataView(new ArrayBuffer(4));
  bits.setFloat32(0, x);
  const word = bits.getUint32(0);
  return (word & 0xffffff) + (word >>> 24);
}

/** VB6's `Randomize seed`: the two halves of the double's high word XORed, shifted into bits 8–23. */
function vbRandomize(state: number, seed: number): number {
  const bits = new DataView(new ArrayBuffer(8));
  bits.setFloat64(0, seed);
  const high = bits.getUint32(0);
  return (((high & 0xffff) ^ (high >>> 16)) << 8) | (state & 0xff);
}

/**
 * RAT-STATS' draw of a Wichmann–Hill seed: VB6 Rnd steps until `floor(modulus·state/2^24) + 1` falls below
 * the modulus (specification, steps 7–15).
 */
function wichmannHillSeed(state: number, modulus: number): { state: number; seed: number } {
  let next = state;
  let value: number;
  do {
    next = vbRnd(next);
    value = (modulus * next) / TWO_24 + 1;
  } while (value >= modulus);
  return { state: next, seed: Math.floor(value) };
}

/** The VB6 generator's state after `Rnd(-1)` then `Rnd()`: the specification's starting value 3758214. */
export const RAT_STATS_START = wichmannHillSeed(vbRndNegative(-1), 30269).state;

/** The three Wichmann–Hill seeds RAT-STATS derives from a user's seed (a double, e.g. 48863.78). */
export function ratStatsSeeds(seed: number): readonly [number, number, number] {
  const a = wichmannHillSeed(vbRandomize(RAT_STATS_START, seed), 30269);
  const b = wichmannHillSeed(a.state, 30307);
  const c = wichmannHillSeed(b.state, 30323);
  return [a.seed, b.seed, c.seed];
}

/**
 * Wichmann–Hill (1982) as RAT-STATS runs it: three small multiplicative generators (Schrage's
 * decomposition, so no product overflows), their sum of fractions taken mod 1.
 *
 * Reference: B. A. Wichmann & I. D. Hill (1982), Algorithm AS 183, *Applied Statistics* 31(2), 188–190;
 * HHS-OIG, RAT-STATS technical specification, "Detailed Specification: Wichmann Hill Algorithm".
 */
export class WichmannHill {
  private a: number;
  private b: number;
  private c: number;

  constructor(seeds: readonly [number, number, number]) {
    [this.a, this.b, this.c] = seeds;
  }

  /** The next uniform number in [0, 1). */
  next(): number {
    let t = Math.floor(this.a / 177);
    this.a = 171 * (this.a - 177 * t) - 2 * t;
    if (this.a <= 0) this.a += 30269;
    t = Math.floor(this.b / 176);
    this.b = 172 * (this.b - 176 * t) - 35 * t;
    if (this.b <= 0) this.b += 30307;
    t = Math.floor(this.c / 178);
    this.c = 170 * (this.c - 178 * t) - 63 * t;
    if (this.c <= 0) this.c += 30323;
    const sum = this.a / 30269 + this.b / 30307 + this.c / 30323;
    return sum - Math.floor(sum);
  }

  /** RAT-STATS' number in 0..n−1: `floor(u·n)`, to which RAT-STATS adds its low number. */
  below(n: number): number {
    return Math.floor(this.next() * n);
  }
}
