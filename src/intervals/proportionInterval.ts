import { requireConfidence, requireCount, requireOneOf, requirePositive } from "../validation/checks.js";
import { messages } from "../validation/messages.js";
import type { Warning } from "../validation/warnings.js";
import { agrestiCoull } from "./agrestiCoull.js";
import { type BetaPrior, bayesBeta, bayesMedian } from "./bayesBeta.js";
import { clopperPearson } from "./clopperPearson.js";
import { jeffreys } from "./jeffreys.js";
import { PROPORTION_METHODS, type ProportionMethod } from "./methods.js";
import { poissonExact } from "./poissonExact.js";
import type { Bounds, Interval, Sided } from "./types.js";
import { SIDED, tailProbability } from "./types.js";
import { wald } from "./wald.js";
import { wilson } from "./wilson.js";

export { PROPORTION_METHODS, type ProportionMethod };

export interface ProportionIntervalOptions {
  /** Affected cases found in the sample (0 ≤ found ≤ sample). */
  readonly found: number;
  /** Cases examined (≥ 1). */
  readonly sample: number;
  /** Default 0.95. */
  readonly confidence?: number;
  /** Default `clopper-pearson`. */
  readonly method?: ProportionMethod;
  /** Default `two`. */
  readonly sided?: Sided;
  /** Beta prior for `bayes`; default Beta(1, 1). */
  readonly prior?: BetaPrior;
}

export interface ProportionInterval extends Interval {
  readonly method: ProportionMethod;
  readonly confidence: number;
  readonly sided: Sided;
  readonly found: number;
  readonly sample: number;
  /** found/sample; for `bayes`, the posterior median. */
  readonly estimate: number;
  /** 0 when `sided` is `upper`. */
  readonly lower: number;
  readonly prior?: BetaPrior;
  readonly warnings: readonly Warning[];
}

/**
 * A confidence (or, for `bayes`, credible) interval on the rate of affected cases from `found` of
 * `sample`, by a named method. Two-sided puts (1 − confidence)/2 in each tail; `upper` puts all of
 * 1 − confidence in the upper tail and reports the lower bound as 0.
 *
 * Methods: Clopper–Pearson (1934), Wilson (1927), Jeffreys and Agresti–Coull (Brown, Cai & DasGupta 2001),
 * Wald (for comparison), exact Poisson (Garwood 1936), Bayes with a Beta prior. See docs/methods.md.
 *
 * @throws {InputError} when a count or probability is outside its range, or the method is unknown
 * @example
 * proportionInterval({ found: 1, sample: 109, sided: "upper" }).upper; // 0.04278… (Clopper–Pearson, 95%)
 */
export function proportionInterval(options: ProportionIntervalOptions): ProportionInterval {
  const sample = requireCount("sample", options.sample, 1);
  const found = requireCount("found", options.found, 0, sample, `sample (${sample})`);
  const confidence = requireConfidence("confidence", options.confidence ?? 0.95);
  const method = requireOneOf("method", options.method ?? "clopper-pearson", PROPORTION_METHODS);
  const sided = requireOneOf("sided", options.sided ?? "two", SIDED);
  const alpha = tailProbability(confidence, sided);
  const warnings: Warning[] = [];
  let prior: BetaPrior | undefined;
  let bounds: Bounds;
  let estimate = found / sample;
  switch (method) {
    case "clopper-pearson":
      bounds = clopperPearson(found, sample, alpha);
      break;
    case "wilson":
      bounds = wilson(found, sample, alpha);
      break;
    case "jeffreys":
      bounds = jeffreys(found, sample, alpha);
      break;
    case "agresti-coull":
      bounds = agrestiCoull(found, sample, alpha);
      warnings.push({
        id: "rate-bound-approximate",
        text: messages.rateBoundFromApproximation("Agresti–Coull"),
      });
      break;
    case "wald":
      bounds = wald(found, sample, alpha);
      if (found === 0 || found === sample) {
        warnings.push({ id: "wald-degenerate", text: messages.waldDegenerate(found, sample) });
      } else {
        warnings.push({ id: "rate-bound-approximate", text: messages.rateBoundFromApproximation("Wald") });
      }
      break;
    case "poisson": {
      const raw = poissonExact(found, sample, alpha);
      if (raw.upper > 1 || raw.lower > 1)
        warnings.push({ id: "poisson-clipped", text: messages.poissonClipped() });
      bounds = { lower: Math.min(1, raw.lower), upper: Math.min(1, raw.upper) };
      break;
    }
    case "bayes": {
      const given = options.prior ?? { alpha: 1, beta: 1 };
      prior = {
        alpha: requirePositive("prior.alpha", given.alpha),
        beta: requirePositive("prior.beta", given.beta),
      };
      bounds = bayesBeta(found, sample, alpha, prior);
      estimate = bayesMedian(found, sample, prior);
      break;
    }
  }
  return {
    method,
    confidence,
    sided,
    found,
    sample,
    estimate,
    lower: sided === "upper" ? 0 : bounds.lower,
    upper: bounds.upper,
    ...(prior ? { prior } : {}),
    warnings,
  };
}
