import { at } from "../math/at.js";
import { largestRemainder, roundOf } from "../math/wholeCount.js";
import type { MethodId } from "../methods/methodRegistry.js";
import { detectionPlan } from "../planning/detectionSampleSize.js";
import { sampleSizePlan } from "../planning/sampleSize.js";
import { calendarPeriods, type DayInterval, formatInterval, type Stratum } from "../scenario/calendar.js";
import { formatPercent } from "../text/format.js";
import { messages } from "../validation/messages.js";
import type { DetectionTargetSource } from "./assumptions.js";
import type { StageModel } from "./stageModel.js";

/** The plan's target when neither a tolerable rate nor a materiality is given: an assumption, stated. */
export const DEFAULT_TOLERABLE = 0.05;

export interface PlanStratum {
  readonly label: string;
  readonly period: string;
  /** Stage cases in the stratum (estimated outside the windows), rounded. */
  readonly population: number;
  readonly sampleSize: number;
  /** True when only reviewing every case meets the plan. */
  readonly census: boolean;
}

export interface AdequatePlan {
  readonly method: MethodId;
  readonly stratify: Stratum;
  readonly confidence: number;
  /** The target: each stratum's rate is to be bounded below it. */
  readonly tolerable: number;
  /** How the target was set: given as a rate, from the materiality count, or the documented default. */
  readonly target: "tolerable" | "materiality" | "default";
  /**
   * With target `materiality`: the materiality and the stage cases over the whole span (rounded, at least
   * 1) of which the tolerable rate is its share; else null.
   */
  readonly materialityShare: { readonly materiality: number; readonly stageCases: number } | null;
  /** The rate the plan assumes each stratum has (the rate observed in the windows; 0 with none). */
  readonly expectedRate: number;
  /**
   * False when no sample keeps the bound below the tolerable rate, because the rate observed (scaled by the
   * sensitivities) is not below it; every stratum is then a census and `unreachableReason` says why.
   */
  readonly reachable: boolean;
  readonly unreachableReason: string | null;
  readonly strata: readonly PlanStratum[];
  readonly total: number;
  /** The detection-based alternative: find at least one if at least `affected` were affected anywhere. */
  readonly detection: {
    readonly method: MethodId;
    /** D: affected cases among the span's `population` that the plan must detect. */
    readonly affected: number;
    /** Where D came from (it always counts the span's stage cases, the plan's population). */
    readonly affectedSource: DetectionTargetSource;
    readonly population: number;
    /**
     * False when no random sample, not even every case, finds one with probability `confidence` (a review
     * sensitivity below 1 can cap it); `sampleSize` is then every case and `probability` what that gives.
     */
    readonly reachable: boolean;
    /** Why no plan meets the target, when `reachable` is false; else null. */
    readonly unreachableReason: string | null;
    readonly sampleSize: number;
    readonly probability: number;
  };
}

/**
 * What review would have sufficed across the whole span, for a stated target: a tolerable rate, or a
 * materiality count over the whole span (the rate materiality ÷ stage cases), or the documented default
 * of 5% ({@link DEFAULT_TOLERABLE}). The target never depends on the confidence, so a higher confidence
 * never needs a smaller sample.
 *
 * Per stratum (month, quarter or year): the smallest random sample whose exact one-sided upper bound
 * stays below the tolerable rate if the stratum's rate is the one observed (hypergeometric sample size,
 * AICPA 2017 convention for the expected rate), or a census where no sample can. Alternatively,
 * detection: the smallest random sample over the whole span that finds at least one affected case with
 * probability `confidence` if at least D were affected anywhere.
 */
export function adequatePlan(
  model: StageModel,
  span: DayInterval,
  options: {
    readonly stratify: Stratum;
    readonly confidence: number;
    readonly tolerable: number;
    readonly target: AdequatePlan["target"];
    readonly materialityShare: AdequatePlan["materialityShare"];
    readonly expectedRate: number;
    readonly detectAffected: number;
    readonly detectAffectedSource: DetectionTargetSource;
    readonly sensitivity: number;
  },
): AdequatePlan {
  // No sample keeps a bound below the target when the rate observed already reaches it: every stratum is
  // then shown as a census, and the plan says why no plan meets the target rather than aborting.
  const reachable = options.expectedRate < options.tolerable || options.tolerable >= 1;
  // Whole strata that add up to the span's stage cases, rounded exactly (largest remainders): rounded one
  // by one they could add up to more cases than there are (2,443 + 2,449 + … = 12,623 of 12,622).
  const periods = calendarPeriods(span, options.stratify);
  const spanStage = roundOf(model.stageInExact(span));
  const populations = largestRemainder(
    periods.map(({ interval }) => model.stageInExact(interval)),
    spanStage,
  );
  const strata = periods.map(({ label, interval }, i) => {
    const population = at(populations, i);
    // A period with no cases needs no review.
    if (population === 0)
      return { label, period: formatInterval(interval), population, sampleSize: 0, census: false };
    // A target of every case needs no review at all.
    if (options.tolerable >= 1)
      return { label, period: formatInterval(interval), population, sampleSize: 0, census: false };
    let size = population;
    let census = true;
    // A tolerable rate of 100% (the windows rule out no rate below it) leaves every stratum a census.
    if (reachable && options.tolerable < 1) {
      const plan = sampleSizePlan({
        model: "hypergeometric",
        population,
        tolerable: options.tolerable,
        confidence: options.confidence,
        ...(options.expectedRate > 0 ? { expectedRate: options.expectedRate } : {}),
      });
      if (plan.reachable) {
        size = plan.sampleSize;
        census = size >= population;
      }
    }
    return { label, period: formatInterval(interval), population, sampleSize: size, census };
  });
  const population = Math.max(1, spanStage);
  const affected = Math.min(population, Math.max(1, options.detectAffected));
  const detection = detectionPlan({
    population,
    affected,
    confidence: options.confidence,
    sensitivity: options.sensitivity,
  });
  return {
    method: "stratified-sample-size",
    stratify: options.stratify,
    confidence: options.confidence,
    tolerable: options.tolerable,
    target: options.target,
    materialityShare: options.materialityShare,
    expectedRate: options.expectedRate,
    reachable,
    unreachableReason: reachable
      ? null
      : messages.ratePlanUnreachable(formatPercent(options.expectedRate), formatPercent(options.tolerable)),
    strata,
    total: strata.reduce((sum, s) => sum + s.sampleSize, 0),
    detection: {
      method: "discovery-sample-size",
      affected,
      affectedSource: options.detectAffectedSource,
      population,
      ...(detection.reachable
        ? {
            reachable: true,
            unreachableReason: null,
            sampleSize: detection.sampleSize,
            probability: detection.probability,
          }
        : {
            reachable: false,
            unreachableReason: detection.reason,
            sampleSize: detection.limit,
            probability: detection.best,
          }),
    },
  };
}
