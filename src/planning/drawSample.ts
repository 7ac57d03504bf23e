import { uniformInt } from "pure-rand/distribution/uniformInt";
import { xoroshiro128plus } from "pure-rand/generator/xoroshiro128plus";
import { requireCount, requireOneOf } from "../validation/checks.js";
import { InputError } from "../validation/InputError.js";
import { messages } from "../validation/messages.js";

export const ALLOCATIONS = ["proportional", "equal"] as const;
export type Allocation = (typeof ALLOCATIONS)[number];

export const GENERATOR =
  "xoroshiro128+ (pure-rand), seeded with the 32-bit seed; integers by pure-rand's uniformInt (unbiased rejection)";
export const ALGORITHM =
  "partial Fisher–Yates shuffle per stratum, strata in the order given; the first draws are the sample, the next the spares";

export interface DrawOptions {
  /** Stratum labels and sizes, in the order they are drawn. One stratum for a simple random sample. */
  readonly strata: readonly { readonly label: string; readonly population: number }[];
  /** Total sample size, allocated by `allocation`; not with `sizes`. */
  readonly size?: number;
  /** Sample size per stratum, in the order of `strata`. */
  readonly sizes?: readonly number[];
  /** Default `proportional`. */
  readonly allocation?: Allocation;
  /** Extra draws per stratum, kept in draw order for replacements; default 0. */
  readonly spares?: number;
  /** A whole number from 0 to 2^32 − 1. */
  readonly seed: number;
}

export interface Draw {
  readonly seed: number;
  readonly generator: string;
  readonly algorithm: string;
  readonly allocation: Allocation | "given";
  readonly strata: readonly {
    readonly label: string;
    readonly population: number;
    readonly size: number;
    readonly spares: number;
  }[];
  /** Every draw: global order, stratum index, position within the stratum (0-based), sample or spare. */
  readonly draws: readonly {
    readonly order: number;
    readonly stratum: number;
    readonly position: number;
    readonly role: "sample" | "spare";
  }[];
}

/**
 * A reproducible random selection without replacement: simple (one stratum) or stratified, with
 * proportional (largest remainder) or equal allocation, or sizes given per stratum, and spares. The same
 * seed, strata and sizes give the same selection on any machine.
 *
 * Reference: D. E. Knuth (1997), *The Art of Computer Programming* 2, §3.4.2 (Algorithm P); S. Vigna
 * (2016), xoroshiro128+; W. G. Cochran (1977), §5.5 (proportional allocation).
 *
 * @throws {InputError} for sizes beyond the strata or a seed out of range
 */
export function drawSample(options: DrawOptions): Draw {
  const seed = requireCount("seed", options.seed, 0, 2 ** 32 - 1);
  const allocation = requireOneOf("allocation", options.allocation ?? "proportional", ALLOCATIONS);
  const strata = options.strata.map((s, i) => ({
    label: s.label,
    population: requireCount(`strata[${i}].population`, s.population, 0),
  }));
  if (strata.length === 0) throw new InputError("strata", "needs at least one stratum");
  const frame = strata.reduce((t, s) => t + s.population, 0);
  let sizes: number[];
  if (options.sizes !== undefined) {
    if (options.size !== undefined) throw new InputError("size", messages.exclusive("sizes"), ["sizes"]);
    if (options.sizes.length !== strata.length) {
      throw new InputError("sizes", `gives ${options.sizes.length} sizes for ${strata.length} strata`);
    }
    sizes = options.sizes.map((n, i) =>
      requireCount(
        `sizes[${i}]`,
        n,
        0,
        strata[i]?.population ?? 0,
        `the stratum's ${strata[i]?.population} cases`,
      ),
    );
  } else {
    const size = requireCount("size", options.size, 1, frame, `the frame's ${frame} cases`);
    sizes =
      allocation === "equal"
        ? equal(
            size,
            strata.map((s) => s.population),
          )
        : proportional(
            size,
            strata.map((s) => s.population),
          );
  }
  const spares = requireCount("spares", options.spares ?? 0, 0);
  const rng = xoroshiro128plus(seed | 0);
  const draws: Draw["draws"][number][] = [];
  const summary = strata.map((s, h) => {
    const size = sizes[h] as number;
    const extra = Math.min(spares, s.population - size);
    const positions = partialShuffle(s.population, size + extra, (from, to) => uniformInt(rng, from, to));
    positions.forEach((position, i) => {
      draws.push({ order: draws.length + 1, stratum: h, position, role: i < size ? "sample" : "spare" });
    });
    return { label: s.label, population: s.population, size, spares: extra };
  });
  return {
    seed,
    generator: GENERATOR,
    algorithm: ALGORITHM,
    allocation: options.sizes !== undefined ? "given" : allocation,
    strata: summary,
    draws,
  };
}

/** The first `count` elements of a uniformly shuffled 0..n−1, in draw order, using a sparse swap map. */
function partialShuffle(n: number, count: number, between: (from: number, to: number) => number): number[] {
  const swapped = new Map<number, number>();
  const out: number[] = [];
  for (let i = 0; i < count; i++) {
    const j = between(i, n - 1);
    const atJ = swapped.get(j) ?? j;
    swapped.set(j, swapped.get(i) ?? i);
    out.push(atJ);
  }
  return out;
}

/** Largest-remainder (Hamilton) proportional allocation, capped at each stratum's size. */
function proportional(size: number, populations: readonly number[]): number[] {
  const total = populations.reduce((t, p) => t + p, 0);
  const exact = populations.map((p) => (size * p) / total);
  const sizes = exact.map((x, i) => Math.min(populations[i] as number, Math.floor(x)));
  let left = size - sizes.reduce((t, s) => t + s, 0);
  const order = exact.map((x, i) => ({ i, r: x - Math.floor(x) })).sort((a, b) => b.r - a.r || a.i - b.i);
  while (left > 0) {
    let placed = false;
    for (const { i } of order) {
      if (left === 0) break;
      if ((sizes[i] as number) < (populations[i] as number)) {
        sizes[i] = (sizes[i] as number) + 1;
        left--;
        placed = true;
      }
    }
    if (!placed) break;
  }
  return sizes;
}

/** Equal allocation, the remainder to the earliest strata with room, capped at each stratum's size. */
function equal(size: number, populations: readonly number[]): number[] {
  const sizes = populations.map(() => 0);
  let left = size;
  while (left > 0) {
    const open = populations
      .map((_, i) => i)
      .filter((i) => (sizes[i] as number) < (populations[i] as number));
    if (open.length === 0) break;
    const each = Math.max(1, Math.floor(left / open.length));
    for (const i of open) {
      if (left === 0) break;
      const add = Math.min(each, (populations[i] as number) - (sizes[i] as number), left);
      sizes[i] = (sizes[i] as number) + add;
      left -= add;
    }
  }
  return sizes;
}
