import { hypergeometricExpectation } from "../distributions/hypergeometricExpectation.js";
import { hypergeometricLogPmf } from "../distributions/hypergeometricLogPmf.js";
import { ceilTimes } from "../math/wholeCount.js";
import { requireCount, requireHalfOpenUnit } from "../validation/checks.js";
import { InputError } from "../validation/InputError.js";
import { messages } from "../validation/messages.js";

export interface DetectionOptions {
  /** Cases the review samples from; omit for the binomial (infinite-population) model. */
  readonly population?: number;
  /** Affected cases among them (with `population`); not with `prevalence`. */
  readonly affected?: number;
  /** Rate of affected cases (binomial model, or with `population`: affected = ⌈prevalence × N⌉). */
  readonly prevalence?: number;
  /** Cases reviewed, drawn at random without replacement. */
  readonly sample: number;
  /** Probability that a reviewer recognises an affected case it examines; default 1. */
  readonly sensitivity?: number;
}

export interface Detection {
  readonly model: "hypergeometric" | "binomial";
  readonly method: "hypergeometric-detection" | "binomial-detection";
  readonly population?: number;
  readonly affected?: number;
  readonly prevalence?: number;
  readonly sample: number;
  readonly sensitivity: number;
  /** P(the review recognises at least one affected case). */
  readonly probability: number;
  /** 1 − probability: the chance the review finds nothing although cases are affected. */
  readonly missProbability: number;
}

/**
 * The validated form of {@link DetectionOptions} without the sample: the binomial model with its
 * prevalence, or the hypergeometric with its population and affected count (and the prevalence they came
 * from, when given as one).
 */
export type DetectionTarget =
  | {
      readonly model: "binomial";
      readonly method: "binomial-detection";
      readonly prevalence: number;
      readonly sensitivity: number;
    }
  | {
      readonly model: "hypergeometric";
      readonly method: "hypergeometric-detection";
      readonly population: number;
      readonly affected: number;
      readonly prevalence?: number;
      readonly sensitivity: number;
    };

/** Validates the population/affected/prevalence/sensitivity part of the options. */
export function detectionTarget(options: Omit<DetectionOptions, "sample">): DetectionTarget {
  const sensitivity = requireHalfOpenUnit("sensitivity", options.sensitivity ?? 1);
  if (options.affected !== undefined && options.prevalence !== undefined) {
    throw new InputError("affected", messages.exclusive("prevalence"), ["prevalence"]);
  }
  if (options.population === undefined) {
    if (options.prevalence === undefined) {
      throw new InputError(
        options.affected === undefined ? "prevalence" : "population",
        options.affected === undefined
          ? messages.needsOneOf(["population with affected", "prevalence"])
          : messages.required(),
        ["population", "affected", "prevalence"],
      );
    }
    return {
      model: "binomial",
      method: "binomial-detection",
      prevalence: requireHalfOpenUnit("prevalence", options.prevalence),
      sensitivity,
    };
  }
  const population = requireCount("population", options.population, 1);
  if (options.affected === undefined && options.prevalence === undefined) {
    throw new InputError("affected", messages.needsOneOf(["affected", "prevalence"]), [
      "affected",
      "prevalence",
    ]);
  }
  const affected =
    options.affected !== undefined
      ? requireCount("affected", options.affected, 0, population, `population (${population})`)
      : ceilTimes(population, requireHalfOpenUnit("prevalence", options.prevalence));
  return {
    model: "hypergeometric",
    method: "hypergeometric-detection",
    population,
    affected,
    ...(options.prevalence === undefined ? {} : { prevalence: options.prevalence }),
    sensitivity,
  };
}

/**
 * ln P(X = 0) = Σ_{j<m} ln(1 − r/(N − j)) with (m, r) = (D, n) or (n, D), whichever loop is shorter: exact
 * to a few ULPs of each term, so 1 − P(X = 0) keeps its relative precision when it is tiny (one affected
 * case in 10^9). Above 10^4 terms the log-space pmf is used; P(X = 0) is then far from 1 unless N is
 * beyond 10^12.
 */
function logNoneSampled(N: number, D: number, n: number): number {
  const [terms, drawn] = D <= n ? [D, n] : [n, D];
  if (terms > 10_000) return hypergeometricLogPmf(0, N, D, n);
  let sum = 0;
  for (let j = 0; j < terms; j++) sum += Math.log1p(-drawn / (N - j));
  return sum;
}

/** The miss probability for a validated target and sample (no validation). */
export function missProbability(target: DetectionTarget, sample: number): number {
  const s = target.sensitivity;
  if (target.model === "binomial") {
    // (1 − p·s)^n, through log1p for small p·s.
    return Math.exp(sample * Math.log1p(-target.prevalence * s));
  }
  const { population: N, affected: D } = target;
  if (D === 0) return 1;
  if (s === 1) return Math.exp(logNoneSampled(N, D, sample));
  const logMiss = Math.log1p(-s);
  return hypergeometricExpectation(N, D, sample, (x) => Math.exp(x * logMiss));
}

/** The detection probability, computed without cancellation when it is small. */
export function detectProbability(target: DetectionTarget, sample: number): number {
  const s = target.sensitivity;
  if (target.model === "binomial") {
    return -Math.expm1(sample * Math.log1p(-target.prevalence * s));
  }
  const { population: N, affected: D } = target;
  if (D === 0) return 0;
  if (s === 1) return -Math.expm1(logNoneSampled(N, D, sample));
  const logMiss = Math.log1p(-s);
  return hypergeometricExpectation(N, D, sample, (x) => -Math.expm1(x * logMiss));
}

/**
 * The probability that a review of `sample` cases drawn at random recognises at least one affected case.
 * Exact hypergeometric with `population` and `affected`: 1 − E[(1 − s)^X], X ~ Hypergeometric(N, D, n),
 * which is 1 − P(X = 0) when the reviewer's sensitivity s is 1. Without `population`, the binomial model
 * 1 − (1 − p·s)^n.
 *
 * Reference: AICPA *Audit Sampling* (2017), ch. 3 (discovery sampling); Johnson, Kemp & Kotz (2005), §6.2.
 *
 * @throws {InputError} for counts or rates out of range, or both `affected` and `prevalence`
 * @example
 * detectionProbability({ population: 609, affected: 5, sample: 109 }).probability; // 0.628…
 */
export function detectionProbability(options: DetectionOptions): Detection {
  const target = detectionTarget(options);
  const sample =
    target.model === "binomial"
      ? requireCount("sample", options.sample, 0)
      : requireCount("sample", options.sample, 0, target.population, `population (${target.population})`);
  return {
    ...target,
    sample,
    probability: detectProbability(target, sample),
    missProbability: missProbability(target, sample),
  };
}
