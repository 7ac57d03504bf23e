import { binomialCdf } from "../distributions/binomialCdf.js";
import { gammaQuantile } from "../distributions/gammaQuantile.js";
import { hypergeometricTail } from "../distributions/hypergeometricTail.js";
import { poissonCdf } from "../distributions/poissonCdf.js";
import { clopperPearson } from "../intervals/clopperPearson.js";
import { hypergeometricCount } from "../intervals/hypergeometricCount.js";
import { exceeds, fallsBelow } from "../math/compareProbability.js";
import { firstTrue } from "../math/firstTrue.js";
import { ceilOf, ceilTimes, decimalFraction, floorOver } from "../math/wholeCount.js";
import type { MethodId } from "../methods/methodRegistry.js";
import { formatDecimal } from "../text/formatDecimal.js";
import {
  MAX_COUNT,
  requireClosedUnit,
  requireConfidence,
  requireCount,
  requireOneOf,
  requireOpenUnit,
} from "../validation/checks.js";
import { InputError } from "../validation/InputError.js";
import { messages } from "../validation/messages.js";

export const SAMPLE_SIZE_MODELS = ["binomial", "poisson", "hypergeometric"] as const;
export type SampleSizeModel = (typeof SAMPLE_SIZE_MODELS)[number];

export interface SampleSizeOptions {
  readonly model: SampleSizeModel;
  /** The rate the review must be able to rule out (0 < tolerable < 1). */
  readonly tolerable: number;
  /** Default 0.95; the plan's bound is one-sided (upper). */
  readonly confidence?: number;
  /** Affected cases the plan allows in the sample (default 0); not with `expectedRate`. */
  readonly allowed?: number;
  /** Expected rate of affected cases; the plan then allows ⌈n × expectedRate⌉ (n × expectedRate for poisson). */
  readonly expectedRate?: number;
  /** Required for `hypergeometric`: the number of cases the sample is drawn from. */
  readonly population?: number;
}

export interface SampleSize {
  readonly model: SampleSizeModel;
  readonly method: MethodId;
  readonly confidence: number;
  readonly sided: "upper";
  readonly tolerable: number;
  readonly expectedRate?: number;
  readonly population?: number;
  /**
   * Hypergeometric plans: the count of affected cases in the population the plan rules out, ⌈tolerable × N⌉;
   * the plan rules out that count and every larger one.
   */
  readonly ruledOut?: number;
  /** The smallest sample that meets the plan. */
  readonly sampleSize: number;
  /** Affected cases the plan allows in that sample (fractional only for poisson with expectedRate). */
  readonly allowed: number;
  /** The model's one-sided upper bound on the rate if exactly `allowed` are found in `sampleSize`. */
  readonly achievedUpper: number;
  /** P(at most `allowed` found | rate = tolerable): the risk of wrongly accepting, ≤ 1 − confidence. */
  readonly risk: number;
}

/**
 * The smallest sample size whose one-sided upper bound rules out the tolerable rate.
 * - `binomial`: smallest n with Clopper–Pearson upper(k, n) < tolerable, i.e. P(X ≤ k | n, tolerable) < α,
 *   k = allowed or ⌈n × expectedRate⌉ (reproduces AICPA *Audit Sampling* 2017, Tables ).
 * - `poisson`: smallest n with P(X ≤ k | mean n × tolerable) ≤ α, k = allowed or n × expectedRate
 *   without rounding (AICPA 2017, Table C-1).
 * - `hypergeometric`: K* = ⌈tolerable × N⌉, smallest n with P(X ≤ k | N, K*, n) ≤ α.
 *
 * @throws {InputError} for values out of range, or when no sample (up to N, or 2^53 − 1) meets the plan
 * @example
 * sampleSize({ model: "binomial", tolerable: 0.05 }).sampleSize; // 59
 */
export function sampleSize(options: SampleSizeOptions): SampleSize {
  const plan = sampleSizePlan(options);
  if (!plan.reachable) throw new InputError(plan.field, plan.reason);
  const { reachable: _, ...size } = plan;
  return size;
}

/** A sample-size plan that may not exist: the plan, or why no sample up to the limit meets it. */
export type SampleSizePlanOutcome =
  | ({ readonly reachable: true } & SampleSize)
  | {
      readonly reachable: false;
      /** The option to change: `tolerable`, or `expectedRate` when the search for it ran too long. */
      readonly field: "tolerable" | "expectedRate";
      readonly reason: string;
    };

/**
 * As {@link sampleSize}, but when no sample up to the population (or 2^53 − 1) meets the plan it returns
 * `reachable: false` with the reason instead of throwing, so that a caller can show a census and say why.
 * Bad input still throws.
 *
 * @throws {InputError} for values out of range
 * @example
 * sampleSizePlan({ model: "hypergeometric", population: 20, tolerable: 0.01 }).reachable; // true (a census of 20 settles it)
 */
export function sampleSizePlan(options: SampleSizeOptions): SampleSizePlanOutcome {
  const model = requireOneOf("model", options.model, SAMPLE_SIZE_MODELS);
  const tolerable = requireOpenUnit("tolerable", options.tolerable);
  const confidence = requireConfidence("confidence", options.confidence ?? 0.95);
  const alpha = 1 - confidence;
  if (options.allowed !== undefined && options.expectedRate !== undefined) {
    throw new InputError("allowed", messages.exclusive("expectedRate"), ["expectedRate"]);
  }
  let expectedRate: number | undefined;
  if (options.expectedRate !== undefined) {
    expectedRate = requireClosedUnit("expectedRate", options.expectedRate);
    if (expectedRate >= tolerable) {
      throw new InputError("expectedRate", messages.expectedNotBelowTolerable(expectedRate, tolerable));
    }
  }
  // The model with its population: required by the hypergeometric model, optional (a limit) otherwise.
  const design =
    model === "hypergeometric"
      ? { model, population: requireCount("population", options.population, 1) }
      : {
          model,
          population:
            options.population === undefined ? undefined : requireCount("population", options.population, 1),
        };
  const { population } = design;
  const limit = population ?? MAX_COUNT;
  const allowedFixed = options.allowed === undefined ? 0 : requireCount("allowed", options.allowed, 0);
  const allowedFor = (n: number): number =>
    expectedRate === undefined
      ? allowedFixed
      : model === "poisson"
        ? n * expectedRate
        : ceilTimes(n, expectedRate);

  let meets: (k: number, n: number) => boolean;
  let method: MethodId;
  let ruledOut: number | undefined;
  let bound: (k: number, n: number) => number;
  let risk: (k: number, n: number) => number;
  switch (design.model) {
    case "binomial":
      method = "binomial-sample-size";
      risk = (k, n) => binomialCdf(k, n, tolerable);
      meets = (k, n) => fallsBelow(risk(k, n), alpha);
      bound = (k, n) => clopperPearson(k, n, alpha).upper;
      break;
    case "poisson":
      method = "poisson-sample-size";
      risk = (k, n) => poissonCdf(k, n * tolerable);
      meets = (k, n) => !exceeds(risk(k, n), alpha);
      bound = (k, n) => gammaQuantile(confidence, k + 1) / n;
      break;
    case "hypergeometric": {
      const N = design.population;
      const marked = ceilTimes(N, tolerable);
      ruledOut = marked;
      method = "hypergeometric-sample-size";
      risk = (k, n) => hypergeometricTail(k, N, marked, n, "lower");
      meets = (k, n) => !exceeds(risk(k, n), alpha);
      bound = (k, n) => hypergeometricCount(k, n, N, alpha).upper / N;
      break;
    }
  }

  let n: number;
  if (expectedRate === undefined || model === "poisson") {
    n = smallestFixed(limit, (m) => meets(allowedFor(m), m), allowedFixed);
  } else {
    n = smallestStepped(limit, expectedRate, meets);
    if (n === TOO_LONG) {
      return {
        reachable: false,
        field: "expectedRate",
        reason: messages.planSearchTooLong(expectedRate, MAX_STEPS),
      };
    }
  }
  if (n > limit) {
    const reason =
      population === undefined
        ? "the tolerable rate is too small for any feasible sample"
        : `population ${formatDecimal(population)}; even a full census is not enough`;
    return { reachable: false, field: "tolerable", reason: messages.planUnreachable(limit, reason) };
  }
  const k = allowedFor(n);
  return {
    reachable: true,
    model,
    method,
    confidence,
    sided: "upper",
    tolerable,
    ...(expectedRate === undefined ? {} : { expectedRate }),
    ...(population === undefined ? {} : { population }),
    ...(ruledOut === undefined ? {} : { ruledOut }),
    sampleSize: n,
    allowed: k,
    achievedUpper: bound(k, n),
    risk: risk(k, n),
  };
}

/** Smallest n in [allowed + 1, limit] meeting a criterion monotone in n; limit + 1 if none. */
function smallestFixed(limit: number, meets: (n: number) => boolean, allowed: number): number {
  const lo = Math.max(1, Math.ceil(allowed) + 1);
  let hi = Math.min(limit, Math.max(lo, 64));
  while (!meets(hi) && hi < limit) hi = Math.min(limit, hi * 2);
  if (!meets(hi)) return limit + 1;
  return firstTrue(lo, hi, meets, hi);
}

/**
 * Smallest n meeting `meets(⌈n e⌉, n)`, with ⌈n e⌉ in exact decimal arithmetic. The allowed count steps
 * up with n, so the criterion is not monotone in n; but it is monotone in each argument (more cases
 * with the same k: tighter bound; more allowed with the same n: looser). Let n*(k) be the smallest n
 * meeting it with k allowed (non-decreasing in k). Every k below ⌈n*(a) e⌉ fails for n ≤ ⌊k/e⌋ < n*(a) ≤
 * n*(k), so the walk jumps from a to ⌈n*(a) e⌉ until it stops moving; then k = a allows every n in
 * [⌊(a − 1)/e⌋ + 1, ⌊a/e⌋] and the answer is the larger of that range's start and n*(a). When n*(a)
 * exceeds the limit, so does every later one: no plan. The jumps shrink as the walk nears the answer,
 * geometrically at the rate (1 − e/t)/2, so an expected rate very close to the tolerable one takes
 * many steps: beyond `MAX_STEPS` the search stops, returning `TOO_LONG`, rather than running on.
 */
function smallestStepped(limit: number, rate: number, meets: (k: number, n: number) => boolean): number {
  if (rate === 0) return smallestFixed(limit, (n) => meets(0, n), 0);
  let k = ceilTimes(1, rate);
  let guess = 1;
  for (let step = 0; step < MAX_STEPS; step++) {
    const smallest = firstTrue(Math.max(1, k), limit, (m) => meets(k, m), guess);
    if (smallest > limit) return limit + 1;
    const next = Math.max(ceilTimes(smallest, rate), stepsAhead(smallest - k, rate));
    if (next <= k) return Math.max(floorOver(k - 1, rate) + 1, smallest);
    k = next;
    guess = smallest;
  }
  return TOO_LONG;
}

/**
 * One more case allowed needs at least one more case drawn (X grows by at most 1 per draw, so
 * P(X ≤ k + 1 | n + 1) ≥ P(X ≤ k | n)): n*(k) ≥ n*(a) + k − a. With ⌊k/e⌋ ≤ k/e, every k with
 * k (1 − e) < (n*(a) − a) e therefore fails too; this is the smallest k that does not.
 */
function stepsAhead(lead: number, rate: number): number {
  if (rate >= 1) return 0;
  const e = decimalFraction(rate);
  return ceilOf({
    numerator: BigInt(lead) * e.numerator,
    denominator: e.denominator - e.numerator,
  });
}

/** What the stepped search returns when it gives up. */
const TOO_LONG = -1;

/** Steps of the stepped search before it gives up: a few seconds of work at most. */
const MAX_STEPS = 5_000;
