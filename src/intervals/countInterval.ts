import { requireConfidence, requireCount, requireOneOf } from "../validation/checks.js";
import { hypergeometricCount } from "./hypergeometricCount.js";
import type { Sided } from "./types.js";
import { SIDED, tailProbability } from "./types.js";

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
}

export interface CountInterval {
  readonly method: "hypergeometric";
  readonly confidence: number;
  readonly sided: Sided;
  readonly found: number;
  readonly sample: number;
  readonly population: number;
  /** population × found / sample (not rounded). */
  readonly estimate: number;
  /** Integer; equals `found` when `sided` is `upper` (the cases found are certain). */
  readonly lower: number;
  /** Integer. */
  readonly upper: number;
  /** The same as rates of the population. */
  readonly rate: { readonly estimate: number; readonly lower: number; readonly upper: number };
}

/**
 * Exact bounds on how many of a finite population are affected, from `found` affected in a simple
 * random sample of `sample` drawn without replacement (hypergeometric; Buonaccorsi 1987, the RAT-STATS
 * convention). Two-sided puts (1 − confidence)/2 in each tail; `upper` puts all of it in the upper tail.
 *
 * @throws {InputError} when counts are out of order or a probability is outside (0, 1)
 * @example
 * countInterval({ found: 1, sample: 109, population: 609, sided: "upper" }).upper; // 24
 */
export function countInterval(options: CountIntervalOptions): CountInterval {
  const population = requireCount("population", options.population, 1);
  const sample = requireCount("sample", options.sample, 1, population, `population (${population})`);
  const found = requireCount("found", options.found, 0, sample, `sample (${sample})`);
  const confidence = requireConfidence("confidence", options.confidence ?? 0.95);
  const sided = requireOneOf("sided", options.sided ?? "two", SIDED);
  const bounds = hypergeometricCount(found, sample, population, tailProbability(confidence, sided));
  const lower = sided === "upper" ? found : bounds.lower;
  const estimate = (population * found) / sample;
  return {
    method: "hypergeometric",
    confidence,
    sided,
    found,
    sample,
    population,
    estimate,
    lower,
    upper: bounds.upper,
    rate: { estimate: found / sample, lower: lower / population, upper: bounds.upper / population },
  };
}
