import { requireBias, requireConfidence, requireCount, requireOneOf } from "../validation/checks.js";
import { InputError } from "../validation/InputError.js";
import { messages } from "../validation/messages.js";
import { hypergeometricCount } from "./hypergeometricCount.js";
import { BIAS_MODELS, type BiasModel, noncentralCount } from "./noncentralCount.js";
import type { Bounds, Interval, Sided } from "./types.js";
import { exactTailProbability, SIDED, tailProbability } from "./types.js";

/**
 * The most cases on the smaller side of the sample (found, or sample − found) for which exact count bounds
 * are computed. Each tail is summed term by term over about seven standard deviations of X, and the
 * standard deviation grows like the square root of that side; a near-tie at N near 2^53 is summed again at
 * 60 digits; at 10^9 a bound takes under two seconds.
 */
export const MAX_COUNT_SIDE = 1_000_000_000;

export interface CountIntervalOptions {
  /** Affected cases found in the sample. */
  readonly found: number;
  /** Cases examined, drawn at random without replacement. */
  readonly sample: number;
  /** Cases in the population the sample was drawn from. */
  readonly population: number;
  /** Default 0.95. */
  readonly confidence?: number;
  /** Default `two`. */
  readonly sided?: Sided;
  /**
   * Selection bias ω against affected cases: an affected case was 1/ω times as likely as an unaffected one
   * to be picked. Default 1 (a random sample); allowed 0.001 to 1000.
   */
  readonly bias?: number;
  /** How a biased selection picked: `wallenius` (one case after another; default) or `fisher` (each independently). */
  readonly biasModel?: BiasModel;
}

export interface CountInterval extends Interval {
  /** `hypergeometric` for a random sample (bias 1); else the noncentral model of the biased selection. */
  readonly method: "hypergeometric" | BiasModel;
  readonly confidence: number;
  readonly sided: Sided;
  /** The selection bias ω assumed (1: random selection). */
  readonly bias: number;
  /**
   * 1/ω: how many times as likely as an unaffected case an affected one was to be picked (1: random
   * selection; above 1 when ω < 1, the selection leaning towards affected cases).
   */
  readonly affectedPickOdds: number;
  readonly found: number;
  readonly sample: number;
  readonly population: number;
  /** sample ÷ population: the share of the population examined. */
  readonly sampledFraction: number;
  /** population × found / sample (not rounded). */
  readonly estimate: number;
  /** Integer; equals `found` when `sided` is `upper` (the cases found are certain). */
  readonly lower: number;
  /** Integer. */
  readonly upper: number;
  /** Affected cases not among those found: lower − found and upper − found. */
  readonly notFound: Bounds;
  /** The same as rates of the population. */
  readonly rate: Interval;
}

/**
 * Exact bounds on how many of a finite population are affected, from `found` affected in a simple
 * random sample of `sample` drawn without replacement (hypergeometric; Buonaccorsi 1987, the RAT-STATS
 * convention). Two-sided puts (1 − confidence)/2 in each tail; `upper` puts all of it in the upper tail.
 *
 * With `bias` ω ≠ 1 the sample is taken to have been picked with odds 1/ω for an affected case against an
 * unaffected one, and the bounds invert the exact tails of Wallenius' (default) or Fisher's noncentral
 * hypergeometric distribution instead ({@link noncentralCount}; Fog 2008). ω = 1 gives the hypergeometric
 * bounds exactly.
 *
 * @throws {InputError} when counts are out of order, a probability is outside (0, 1), or both found and
 *   sample − found exceed {@link MAX_COUNT_SIDE} (1,000,000,000)
 * @example
 * countInterval({ found: 1, sample: 109, population: 609, sided: "upper" }).upper; // 24
 * countInterval({ found: 1, sample: 109, population: 609, sided: "upper", bias: 2 }).upper; // 45
 * countInterval({ found: 1, sample: 109, population: 609, sided: "upper", bias: 2, biasModel: "fisher" }).upper; // 43
 */
export function countInterval(options: CountIntervalOptions): CountInterval {
  const population = requireCount("population", options.population, 1);
  const sample = requireCount("sample", options.sample, 1, population, `population (${population})`);
  const found = requireCount("found", options.found, 0, sample, `sample (${sample})`);
  const confidence = requireConfidence("confidence", options.confidence ?? 0.95);
  const sided = requireOneOf("sided", options.sided ?? "two", SIDED);
  const bias = requireBias("bias", options.bias ?? 1);
  const biasModel = requireOneOf("biasModel", options.biasModel ?? "wallenius", BIAS_MODELS);
  if (Math.min(found, sample - found) > MAX_COUNT_SIDE) {
    throw new InputError("found", messages.countTailsTooWide(MAX_COUNT_SIDE, found, sample));
  }
  const alpha = tailProbability(confidence, sided);
  const exactAlpha = exactTailProbability(confidence, sided);
  const bounds =
    bias === 1
      ? hypergeometricCount(found, sample, population, alpha, exactAlpha)
      : noncentralCount(
          found,
          sample,
          population,
          alpha,
          bias,
          biasModel,
          exactAlpha,
          sided === "upper" ? "upper" : "both",
        );
  const lower = sided === "upper" ? found : bounds.lower;
  const estimate = (population * found) / sample;
  return {
    method: bias === 1 ? "hypergeometric" : biasModel,
    confidence,
    sided,
    bias,
    affectedPickOdds: 1 / bias,
    found,
    sample,
    population,
    sampledFraction: sample / population,
    estimate,
    lower,
    upper: bounds.upper,
    notFound: { lower: lower - found, upper: bounds.upper - found },
    rate: { estimate: found / sample, lower: lower / population, upper: bounds.upper / population },
  };
}
