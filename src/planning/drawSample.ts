import { at } from "../math/at.js";
import { requireCount, requireOneOf } from "../validation/checks.js";
import { InputError } from "../validation/InputError.js";
import { messages } from "../validation/messages.js";
import { DEFAULT_GENERATOR, GENERATORS, type GeneratorId } from "./random/generatorIds.js";
import {
  expectedDraws,
  GENERATOR_DESCRIPTIONS,
  MAX_DRAWS,
  MAX_EXPECTED_DRAWS,
  normalizeSeed,
  positionStream,
  type Seed,
} from "./random/generators.js";

export const ALLOCATIONS = ["proportional", "equal"] as const;
export type Allocation = (typeof ALLOCATIONS)[number];

/** The largest frame the rat-stats generator takes. */
export const RAT_STATS_MAX_FRAME = 1_000_000_000;

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
  /** Default `sha256`; see {@link GENERATORS}. */
  readonly generator?: GeneratorId;
  /** The seed, as the generator takes it (see `normalizeSeed`): text for sha256, a number otherwise. */
  readonly seed: Seed;
}

/** What a selection draws, before drawing: everything its header records. */
export interface SelectionPlan {
  readonly seed: Seed;
  readonly generator: GeneratorId;
  /** The generator in words, as printed in a selection's header. */
  readonly description: string;
  readonly algorithm: string;
  readonly allocation: Allocation | "given";
  readonly strata: readonly {
    readonly label: string;
    readonly population: number;
    readonly size: number;
    readonly spares: number;
  }[];
  /** Samples and spares over all strata. */
  readonly drawCount: number;
}

/** One drawn case: global order (from 1), stratum index, position within the stratum (0-based), role. */
export interface DrawnCase {
  readonly order: number;
  readonly stratum: number;
  readonly position: number;
  readonly role: "sample" | "spare";
}

export interface Draw extends SelectionPlan {
  readonly draws: readonly DrawnCase[];
}

/**
 * Checks a selection and allocates its sizes, without drawing: simple (one stratum) or stratified, with
 * proportional (largest remainder) or equal allocation, or sizes given per stratum, and spares.
 *
 * Reference: W. G. Cochran (1977), *Sampling Techniques*, §5.5 (proportional allocation).
 *
 * @throws {InputError} for sizes beyond the strata, a seed the generator does not take, or a selection
 * beyond the limits (MAX_DRAWS cases; MAX_EXPECTED_DRAWS draws for the generators that skip repeats)
 * @example
 * ```ts
 * planSelection({ strata: [{ label: "all", population: 1000 }], size: 10, spares: 4, seed: "1" }).drawCount; // 14
 * ```
 */
export function planSelection(options: DrawOptions): SelectionPlan {
  const generator = requireOneOf("generator", options.generator ?? DEFAULT_GENERATOR, GENERATORS);
  const seed = normalizeSeed(generator, options.seed);
  const allocation = requireOneOf("allocation", options.allocation ?? "proportional", ALLOCATIONS);
  const strata = options.strata.map((s, i) => ({
    label: s.label,
    population: requireCount(`strata[${i}].population`, s.population, 0),
  }));
  if (strata.length === 0) throw new InputError("strata", messages.needsStratum());
  const frame = strata.reduce((t, s) => t + s.population, 0);
  if (generator === "rat-stats") {
    const largest = Math.max(...strata.map((s) => s.population));
    if (largest > RAT_STATS_MAX_FRAME)
      throw new InputError("frame", messages.ratStatsFrame(largest, RAT_STATS_MAX_FRAME));
  }
  let sizes: number[];
  if (options.sizes !== undefined) {
    if (options.size !== undefined) throw new InputError("size", messages.exclusive("sizes"), ["sizes"]);
    if (options.sizes.length !== strata.length) {
      throw new InputError("sizes", messages.sizesPerStratum(options.sizes.length, strata.length));
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
    const populations = strata.map((s) => s.population);
    sizes = allocation === "equal" ? equal(size, populations) : proportional(size, populations);
  }
  const spares = requireCount("spares", options.spares ?? 0, 0);
  const summary = strata.map((s, h) => {
    const size = at(sizes, h);
    return { label: s.label, population: s.population, size, spares: Math.min(spares, s.population - size) };
  });
  const drawCount = summary.reduce((t, s) => t + s.size + s.spares, 0);
  if (drawCount > MAX_DRAWS) throw new InputError("size", messages.tooManyDraws(drawCount, MAX_DRAWS));
  if (generator === "sha256" || generator === "rat-stats") {
    const expected = summary.reduce((t, s) => t + expectedDraws(s.population, s.size + s.spares), 0);
    if (expected > MAX_EXPECTED_DRAWS[generator])
      throw new InputError(
        "size",
        messages.tooManyRepeats(generator, expected, MAX_EXPECTED_DRAWS[generator]),
      );
  }
  return {
    seed,
    generator,
    description: GENERATOR_DESCRIPTIONS[generator].generator,
    algorithm: GENERATOR_DESCRIPTIONS[generator].algorithm,
    allocation: options.sizes !== undefined ? "given" : allocation,
    strata: summary,
    drawCount,
  };
}

/**
 * Draws a planned selection, calling `visit` for each case in draw order: stratum by stratum, the sample
 * then the spares. Memory stays within about 32 bytes a draw whatever the frame, and nothing is kept, so
 * that a caller can write each case as it comes.
 *
 * Reference: R. L. Rivest (2011), *sampler.py* (sha256); HHS-OIG, RAT-STATS 2010 User Guide, pp. 2-4 to
 * 2-13 (rat-stats); D. E. Knuth (1997), *The Art of Computer Programming* 2, §3.4.2, Algorithm P, with
 * S. Vigna's xoroshiro128+ (xoroshiro).
 *
 * @example
 * ```ts
 * const plan = planSelection({ strata: [{ label: "all", population: 1000 }], size: 3, seed: "1" });
 * const numbers: number[] = [];
 * forEachDraw(plan, (d) => numbers.push(d.position + 1)); // [97, 89, 163], as Rivest's sampler gives
 * ```
 */
export function forEachDraw(plan: SelectionPlan, visit: (drawn: DrawnCase) => void): void {
  let order = 0;
  forEachPosition(plan, (stratum, position, sample) => {
    visit({ order: ++order, stratum, position, role: sample ? "sample" : "spare" });
  });
}

/**
 * {@link forEachDraw} without a record per draw: the stratum's index, the position and whether it is in
 * the sample (not a spare), for callers that turn ten million draws into rows.
 */
export function forEachPosition(
  plan: SelectionPlan,
  visit: (stratum: number, position: number, sample: boolean) => void,
): void {
  const stream = positionStream(plan.generator, plan.seed);
  plan.strata.forEach((s, stratum) => {
    let index = 0;
    stream.draw(s.population, s.size + s.spares, (position) => {
      visit(stratum, position, index++ < s.size);
    });
  });
}

/**
 * A reproducible random selection without replacement, every draw kept: {@link planSelection} then
 * {@link forEachDraw}. The same generator, seed, strata and sizes give the same selection on any machine.
 * Generators: `sha256` (default; Rivest's sampler, re-derivable from the seed in any language),
 * `rat-stats` (RAT-STATS 2010's numbers), `xoroshiro` (xoroshiro128+ seeded by splitmix64) and
 * `xoroshiro-unmixed` (the generator of versions up to 0.1.0, for their selections).
 *
 * Reference: as {@link forEachDraw}; W. G. Cochran (1977), §5.5 (proportional allocation).
 *
 * @throws {InputError} as {@link planSelection}
 * @example
 * ```ts
 * drawSample({ strata: [{ label: "all", population: 1000 }], size: 10, spares: 4, generator: "rat-stats", seed: 48863.78 })
 *   .draws.map((d) => d.position + 1); // [718, 643, 247, 236, 821, 650, 257, 141, 301, 22, 980, 507, 440, 557]
 * ```
 */
export function drawSample(options: DrawOptions): Draw {
  const plan = planSelection(options);
  const draws: DrawnCase[] = [];
  forEachDraw(plan, (d) => draws.push(d));
  return { ...plan, draws };
}

/** Largest-remainder (Hamilton) proportional allocation, capped at each stratum's size. */
function proportional(size: number, populations: readonly number[]): number[] {
  const total = populations.reduce((t, p) => t + p, 0);
  const exact = populations.map((p) => (size * p) / total);
  const sizes = exact.map((x, i) => Math.min(at(populations, i), Math.floor(x)));
  let left = size - sizes.reduce((t, s) => t + s, 0);
  const order = exact.map((x, i) => ({ i, r: x - Math.floor(x) })).sort((a, b) => b.r - a.r || a.i - b.i);
  while (left > 0) {
    let placed = false;
    for (const { i } of order) {
      if (left === 0) break;
      if (at(sizes, i) < at(populations, i)) {
        sizes[i] = at(sizes, i) + 1;
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
    const open = populations.map((_, i) => i).filter((i) => at(sizes, i) < at(populations, i));
    if (open.length === 0) break;
    const each = Math.max(1, Math.floor(left / open.length));
    for (const i of open) {
      if (left === 0) break;
      const add = Math.min(each, at(populations, i) - at(sizes, i), left);
      sizes[i] = at(sizes, i) + add;
      left -= add;
    }
  }
  return sizes;
}
