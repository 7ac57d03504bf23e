import { uniformInt } from "pure-rand/distribution/uniformInt";
import { xoroshiro128plus, xoroshiro128plusFromState } from "pure-rand/generator/xoroshiro128plus";
import { InputError } from "../../validation/InputError.js";
import { messages } from "../../validation/messages.js";
import type { GeneratorId } from "./generatorIds.js";
import { PositionSet, SwapMap } from "./positionSets.js";
import { ratStatsSeeds, WichmannHill } from "./ratStats.js";
import { CounterHash, digestModulo } from "./sha256.js";

const SKIP_REPEATS =
  "draws with replacement, a repeat of a case already drawn in its stratum skipped; strata in the order given, one stream across them; the first distinct draws are the sample, the next the spares";
const FISHER_YATES =
  "partial Fisher–Yates shuffle per stratum, strata in the order given; the first draws are the sample, the next the spares";

/** What each generator is and how it selects, as printed in a selection's header. */
export const GENERATOR_DESCRIPTIONS: Readonly<
  Record<GeneratorId, { readonly generator: string; readonly algorithm: string }>
> = {
  sha256: {
    generator:
      'SHA-256 counter mode (Rivest 2011): draw i is the SHA-256 of the UTF-8 text seed + "," + i, read as a big-endian integer, modulo the stratum\'s size; i counts from 1 across all strata',
    algorithm: SKIP_REPEATS,
  },
  "rat-stats": {
    generator:
      "Wichmann–Hill seeded as RAT-STATS 2010 seeds it (VB6 Rnd and Randomize of the seed); draw = floor(u × stratum size)",
    algorithm: SKIP_REPEATS,
  },
  xoroshiro: {
    generator:
      "xoroshiro128+ (pure-rand), its state the first two splitmix64 outputs of the seed; integers by pure-rand's uniformInt (unbiased rejection)",
    algorithm: FISHER_YATES,
  },
  // The text of versions up to 0.1.0, unchanged, so that a header from then names this generator.
  "xoroshiro-unmixed": {
    generator:
      "xoroshiro128+ (pure-rand), seeded with the 32-bit seed; integers by pure-rand's uniformInt (unbiased rejection)",
    algorithm: FISHER_YATES,
  },
};

/** The most cases (samples and spares over all strata) one selection draws. */
export const MAX_DRAWS = 25_000_000;
/**
 * The most draws the generators that skip repeats may expect to make, repeats included: a few seconds of
 * SHA-256 or Wichmann–Hill on a current machine. Drawing k of N takes about N·(H_N − H_{N−k}) draws, so a
 * near-census of a large frame is refused; the Fisher–Yates generators draw each case once.
 */
export const MAX_EXPECTED_DRAWS: Readonly<Record<"sha256" | "rat-stats", number>> = {
  sha256: 12_000_000,
  "rat-stats": 30_000_000,
};

/** The seed as the generator reads it: text for sha256, a number for the others. */
export type Seed = string | number;

/**
 * Checks a seed for a generator: sha256 takes any text without control characters or surrounding
 * blanks (a number is read as its decimal text); rat-stats a finite number, as RAT-STATS reads its seed;
 * xoroshiro a whole number from 0 to 2^53 − 1; xoroshiro-unmixed a whole number from 0 to 2^32 − 1.
 */
export function normalizeSeed(generator: GeneratorId, seed: unknown): Seed {
  if (generator === "sha256") {
    const text = typeof seed === "number" && Number.isFinite(seed) ? String(seed) : seed;
    if (typeof text !== "string") throw new InputError("seed", messages.wrongType("text", seed));
    // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it rejects
    if (text === "" || text.trim() !== text || /[\u0000-\u001f\u007f]/.test(text))
      throw new InputError("seed", messages.seedText(text));
    return text;
  }
  const value = typeof seed === "string" && seed.trim() !== "" ? Number(seed) : seed;
  if (generator === "rat-stats") {
    if (typeof value !== "number" || !Number.isFinite(value))
      throw new InputError("seed", messages.seedNumber(String(seed)));
    return value;
  }
  const max = generator === "xoroshiro" ? Number.MAX_SAFE_INTEGER : 2 ** 32 - 1;
  if (typeof value !== "number" || !Number.isInteger(value) || value < 0 || value > max)
    throw new InputError(
      "seed",
      messages.wholeInRange(0, max, typeof value === "number" ? value : Number.NaN),
    );
  return value;
}

/** Expected draws, repeats included, to get k distinct of n by drawing with replacement: n·(H_n − H_{n−k}). */
export function expectedDraws(n: number, k: number): number {
  const harmonic = (m: number) =>
    m === 0
      ? 0
      : m < 20
        ? exactHarmonic(m)
        : Math.log(m) + 0.5772156649015329 + 1 / (2 * m) - 1 / (12 * m * m);
  return n * (harmonic(n) - harmonic(n - k));
}

function exactHarmonic(m: number): number {
  let h = 0;
  for (let i = 1; i <= m; i++) h += 1 / i;
  return h;
}

/** Draws positions for the strata in turn, from one stream per selection. */
export interface PositionStream {
  /** Emits `count` distinct positions of 0..n−1, in draw order. */
  draw(n: number, count: number, emit: (position: number) => void): void;
}

/** The stream of positions a generator gives for a seed (already checked by {@link normalizeSeed}). */
export function positionStream(generator: GeneratorId, seed: Seed): PositionStream {
  switch (generator) {
    case "sha256": {
      const hash = new CounterHash(new TextEncoder().encode(`${seed},`));
      let counter = 0;
      return skipRepeats((n) => digestModulo(hash.digest(++counter), n));
    }
    case "rat-stats": {
      // The numeric generators' seeds are numbers (normalizeSeed reads a numeral as one, as here).
      const wh = new WichmannHill(ratStatsSeeds(Number(seed)));
      return skipRepeats((n) => wh.below(n));
    }
    case "xoroshiro":
      return fisherYates(xoroshiro128plusFromState(splitmixState(Number(seed))));
    case "xoroshiro-unmixed":
      return fisherYates(xoroshiro128plus(Number(seed) | 0));
  }
}

/**
 * Draws are made in batches of this many, and looked up apart from their making, so that the cache
 * misses of the lookups (one or more per draw in a table of a hundred megabytes) overlap instead of
 * following each other; at ten million draws that halves the time. The draws are the same.
 */
const BATCH = 4096;

function skipRepeats(below: (n: number) => number): PositionStream {
  return {
    draw(n, count, emit) {
      const seen = new PositionSet(n, count);
      const batch = new Float64Array(Math.min(count, BATCH));
      for (let drawn = 0; drawn < count; ) {
        // No more draws than cases still wanted: each draw adds at most one, so none is made past the last.
        const size = Math.min(count - drawn, BATCH);
        for (let i = 0; i < size; i++) batch[i] = below(n);
        // The batch reads below are in range by the loop bounds (i < size ≤ batch.length) and cast, not
        // checked with math/at.ts: they run once per draw, up to ten million draws a selection.
        let kept = 0;
        for (let i = 0; i < size; i++) {
          const position = batch[i] as number;
          if (seen.add(position)) batch[kept++] = position;
        }
        for (let i = 0; i < kept; i++) emit(batch[i] as number);
        drawn += kept;
      }
    },
  };
}

function fisherYates(rng: ReturnType<typeof xoroshiro128plus>): PositionStream {
  return {
    draw(n, count, emit) {
      const swaps = new SwapMap(n, count);
      const batch = new Float64Array(Math.min(count, BATCH));
      for (let start = 0; start < count; start += BATCH) {
        const size = Math.min(count - start, BATCH);
        for (let b = 0; b < size; b++) batch[b] = uniformInt(rng, start + b, n - 1);
        // In range by the loop bounds (b < size ≤ batch.length); cast as in skipRepeats, once per draw.
        for (let b = 0; b < size; b++) {
          const i = start + b;
          const j = batch[b] as number;
          // Position i is never read again: what stands there goes to j, unless j is i itself.
          const atI = swaps.take(i);
          batch[b] = j === i ? atI : swaps.exchange(j, atI);
        }
        for (let b = 0; b < size; b++) emit(batch[b] as number);
      }
    },
  };
}

/**
 * xoroshiro128+'s state from the seed by splitmix64, as Vigna recommends: without it, pure-rand's
 * `xoroshiro128plus(seed)` puts the seed in the state as it is, so that the first draw is
 * (2^31 − 1 − seed) mod N and nearby seeds give related selections. State words are pure-rand's order:
 * high and low 32 bits of s0, then of s1.
 *
 * Reference: S. Vigna (2016), "An experimental exploration of Marsaglia's xorshift generators,
 * scrambled", *ACM TOMS* 42(4) (splitmix64 for seeding).
 */
export function splitmixState(seed: number): number[] {
  const mask = (1n << 64n) - 1n;
  let x = BigInt(seed);
  const next = () => {
    x = (x + 0x9e3779b97f4a7c15n) & mask;
    let z = x;
    z = ((z ^ (z >> 30n)) * 0xbf58476d1ce4e5b9n) & mask;
    z = ((z ^ (z >> 27n)) * 0x94d049bb133111ebn) & mask;
    return z ^ (z >> 31n);
  };
  const s0 = next();
  const s1 = next();
  return [s0 >> 32n, s0 & 0xffffffffn, s1 >> 32n, s1 & 0xffffffffn].map((w) => Number(BigInt.asIntN(32, w)));
}
