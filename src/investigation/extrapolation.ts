import { thinnedHypergeometricTail } from "../distributions/thinnedHypergeometricTail.js";
import { countInterval } from "../intervals/countInterval.js";
import { thinnedHypergeometricCount } from "../intervals/thinnedHypergeometricCount.js";
import type { Bounds, Interval } from "../intervals/types.js";
import { type Sided, tailProbability } from "../intervals/types.js";
import { firstTrue } from "../math/firstTrue.js";
import { ceilOf, ceilTimes, ratio } from "../math/wholeCount.js";
import type { OutsideVolumeBounds } from "./outsideVolume.js";
import type { StageWindow } from "./stageModel.js";
import { type Sensitivity, scaleCount } from "./windowInference.js";

export interface DriftRow {
  /** Rate outside the windows relative to the rate inside (θ). */
  readonly drift: number;
  /** θ × the pooled window rate: the outside rate this row assumes. */
  readonly outsideRate: number;
  /** θ × the upper bound on the window rate exceeds 1: the row describes an impossible rate. */
  readonly implausible: boolean;
  /** The bound reached the assumption-free maximum and was held there. */
  readonly saturated: boolean;
  /** Undetected affected cases, everywhere not reviewed, in and out of the windows. */
  readonly undetected: Interval;
}

/** Inputs shared by the constant-rate and drift figures. */
export interface ExtrapolationBasis {
  readonly windows: readonly StageWindow[];
  /** Stage cases outside the windows (estimated; not necessarily whole). */
  readonly outsideStage: number;
  /** ⌈outsideStage⌉, decided exactly: the whole outside cases bounded over when the volume is known. */
  readonly outsideStageWhole: number;
  /**
   * The assumption-free ranges: no model-based figure may claim more than they allow (every outside case,
   * plus what the window's own sampling bound allows) or less than the window alone shows.
   */
  readonly limits: { readonly total: Bounds; readonly outside: Bounds };
  /**
   * Whole bounds on the outside stage cases when they are estimated from the windows' own count, with the
   * risk spent on them; absent when the outside volume is given.
   */
  readonly outsideStageBounds?: OutsideVolumeBounds;
  readonly confidence: number;
  readonly sided: Sided;
  readonly sensitivity: Sensitivity;
}

/**
 * Undetected affected cases if the rate outside the windows is θ times the rate inside, everywhere not
 * reviewed (unreviewed window cases and all outside cases).
 *
 * Method: the binomial prediction limit (Thatcher 1964): under a constant rate, the k found among n
 * reviewed and the affected among the M unreviewed are exchangeable, so conditional on their total k is
 * hypergeometric and the exact count bound over n + M cases bounds the unreviewed count with coverage at
 * least the confidence for every rate. Drift θ treats the O outside cases at rate θp as θ·O cases at rate
 * p (exact in the Poisson limit, approximate when θp is large), so θ = 1 is the constant-rate figure.
 * A reviewer who recognises an affected case with probability s_r thins the hypergeometric count found
 * (inverted exactly); a screen that flags one with probability s_f scales the result by 1/s_f. Each figure is then held inside the
 * assumption-free range (`limits`), which it can only leave for drifts beyond plausibility.
 *
 * Reference: A. R. Thatcher (1964), "Relationships between Bayesian and confidence limits for
 * predictions", JRSS B 26(2), 176–210.
 */
export function undetectedUnderDrift(basis: ExtrapolationBasis, drift: number): DriftRow {
  const volume = outsideStageRange(basis);
  // θ × the whole outside cases, θ taken as the decimal it prints as, rounded up exactly.
  return atEffectiveVolume(basis, drift, ceilTimes(volume.upper, drift), ceilTimes(volume.lower, drift));
}

/** The drift row with the outside volume θ·O already made whole (upper, and lower for a lower bound). */
function atEffectiveVolume(
  basis: ExtrapolationBasis,
  drift: number,
  effectiveUpper: number,
  effectiveLower: number,
): DriftRow {
  const { found, reviewed, unreviewedInside } = pooled(basis.windows);
  const unreviewed = unreviewedInside + effectiveUpper;
  const { lower: floor, upper: cap } = basis.limits.total;
  const ci = predictionBounds(
    basis,
    found,
    reviewed,
    reviewed + unreviewed,
    reviewed + unreviewedInside + effectiveLower,
  );
  const rate = found / reviewed;
  const estimate =
    scaleCount(found + rate * (unreviewedInside + drift * basis.outsideStage), basis.sensitivity, "none") -
    found;
  const rawUpper = scaleCount(ci.upper, screenOnly(basis), "up") - found;
  const upper = clamp(rawUpper, floor, cap);
  const lower =
    basis.sided === "upper"
      ? floor
      : clamp(scaleCount(ci.lower, screenOnly(basis), "down") - found, floor, upper);
  return {
    drift,
    outsideRate: drift * rate,
    implausible: (drift * ci.upper) / (reviewed + unreviewed) > 1,
    saturated: rawUpper > cap,
    undetected: { estimate: clamp(estimate, floor, cap), lower, upper },
  };
}

/** Affected cases outside the windows alone under a constant rate (all undetected: none was reviewed). */
export function outsideUnderConstantRate(basis: ExtrapolationBasis): Interval {
  const { found, reviewed } = pooled(basis.windows);
  const volume = outsideStageRange(basis);
  const ci = predictionBounds(basis, found, reviewed, reviewed + volume.upper, reviewed + volume.lower);
  const { lower: floor, upper: cap } = basis.limits.outside;
  return {
    estimate: clamp(
      scaleCount((found / reviewed) * basis.outsideStage, basis.sensitivity, "none"),
      floor,
      cap,
    ),
    lower:
      basis.sided === "upper"
        ? floor
        : clamp(scaleCount(ci.lower - found, screenOnly(basis), "down"), floor, cap),
    upper: clamp(scaleCount(ci.upper - found, screenOnly(basis), "up"), floor, cap),
  };
}

/**
 * The most outside cases, θ·O made whole, that a drift row can bound over: the cases reviewed, those not
 * reviewed in the windows and θ·O together stay within 2^53 − 1, the largest count computed exactly.
 */
export function largestEffectiveVolume(basis: ExtrapolationBasis): number {
  const { reviewed, unreviewedInside } = pooled(basis.windows);
  return Math.max(0, Number.MAX_SAFE_INTEGER - reviewed - unreviewedInside);
}

/**
 * Whether the drift row at θ can be computed exactly: ⌈θ·O⌉ (O the outside volume bounded over) is at most
 * {@link largestEffectiveVolume}. Beyond it the hypergeometric bound would run over more than 2^53 − 1 cases.
 */
export function driftComputable(basis: ExtrapolationBasis, drift: number): boolean {
  // ceilTimes is exact in BigInts; its value, rounded to a double, is compared exactly with a bound below 2^53.
  return ceilTimes(outsideStageRange(basis).upper, drift) <= largestEffectiveVolume(basis);
}

/** A tipping point, and how far the search for it could go. */
export interface TippingPoint {
  /**
   * The smallest θ at which the upper bound reaches the materiality; null when no θ searched does (the
   * outside rate would have to exceed 100%, or there is no unexamined period).
   */
  readonly drift: number | null;
  /**
   * The largest θ searched when the search stopped short of the plausible range because the counts beyond
   * it exceed 2^53 − 1 (see {@link largestEffectiveVolume}); null when every plausible θ was searched.
   */
  readonly searchedTo: number | null;
}

/**
 * The smallest drift θ at which the upper bound on undetected cases reaches `materiality`, or null when
 * no plausible θ does (the outside rate would have to exceed 100%) or there is no unexamined period.
 * The bound steps with ⌈θ·O⌉ (O the outside volume bounded over: its upper bound when it is estimated),
 * so the search runs over that whole number and reports θ = ⌈θ·O⌉/O. The search stops where the counts
 * would exceed 2^53 − 1, and says so (`searchedTo`), rather than claim that no plausible θ reaches it.
 */
export function tippingPoint(basis: ExtrapolationBasis, materiality: number): TippingPoint {
  const point = (drift: number | null, searchedTo: number | null = null) => ({ drift, searchedTo });
  if (basis.outsideStage <= 0) return point(null);
  // The bound is taken over the most outside cases allowed when the volume is estimated.
  const { lower: least, upper: volume } = outsideStageRange(basis);
  if (volume <= 0) return point(null);
  // The whole effective volume is searched directly, so θ·O is never re-derived from a rounded θ.
  const reaches = (effective: number) =>
    atEffectiveVolume(
      basis,
      effective / volume,
      effective,
      ceilOf(ratio(BigInt(effective) * BigInt(least), volume)),
    ).undetected.upper >= materiality;
  if (reaches(0)) return point(0);
  const { found, reviewed } = pooled(basis.windows);
  const atOne = countInterval({
    found,
    sample: reviewed,
    population: reviewed + volume,
    confidence: basis.confidence,
    sided: "upper",
  });
  const maxDrift = 1 / Math.max(atOne.rate.upper, 1e-12);
  const plausible = Math.ceil(maxDrift * volume);
  const computable = largestEffectiveVolume(basis);
  const limit = Math.min(plausible, computable);
  const effective = firstTrue(1, limit, reaches, volume);
  if (effective <= limit) return point(effective / volume);
  return point(null, plausible > computable ? limit / volume : null);
}

/**
 * The prediction bounds on the affected among `population` stage cases (reviewed and not), k found among
 * n reviewed: the exact count bound over n + M (Thatcher 1964), inverting the thinned hypergeometric when
 * a reviewer recognises an affected case only with probability s_r (conditionally on the total affected,
 * the affected among the reviewed are hypergeometric and each is recognised independently). A count found
 * beyond what s_r makes plausible puts the lower bound at every case.
 */
function predictionBounds(
  basis: ExtrapolationBasis,
  found: number,
  reviewed: number,
  population: number,
  lowerPopulation = population,
) {
  // When the outside volume is estimated, part of the risk went to bounding it: the prediction limit
  // takes the rest, over the most (for the upper bound) or the fewest (lower) outside cases allowed.
  const confidence = basis.confidence + (basis.outsideStageBounds?.risk ?? 0);
  const bound = (over: number) => {
    const review = basis.sensitivity.review;
    if (review === 1) {
      const ci = countInterval({ found, sample: reviewed, population: over, confidence, sided: basis.sided });
      return { lower: ci.lower, upper: ci.upper };
    }
    const b = thinnedHypergeometricCount(
      { found, sample: reviewed, population: over, scope: over, screening: 1, review },
      tailProbability(confidence, basis.sided),
    );
    return { lower: basis.sided === "upper" ? found : (b.lower ?? over), upper: b.upper };
  };
  const atMost = bound(population);
  if (basis.sided === "upper" || lowerPopulation === population) return atMost;
  return { lower: Math.min(atMost.upper, bound(lowerPopulation).lower), upper: atMost.upper };
}

/** The outside stage cases to bound over: the estimate rounded up, or its bounds when it is estimated. */
function outsideStageRange(basis: ExtrapolationBasis): Bounds {
  if (basis.outsideStageBounds) return basis.outsideStageBounds;
  return { lower: basis.outsideStageWhole, upper: basis.outsideStageWhole };
}

/** The screen's share still to scale by: the reviewer's is inside the thinned bound. */
function screenOnly(basis: ExtrapolationBasis): Sensitivity {
  return { screening: basis.sensitivity.screening, review: 1 };
}

function pooled(windows: readonly StageWindow[]) {
  return {
    found: windows.reduce((sum, w) => sum + w.found, 0),
    reviewed: windows.reduce((sum, w) => sum + w.reviewed, 0),
    unreviewedInside: windows.reduce((sum, w) => sum + w.stage - w.reviewed, 0),
  };
}

function clamp(value: number, lower: number, upper: number): number {
  return Math.min(upper, Math.max(lower, value));
}

/**
 * The confidence distribution of the undetected count under a constant rate: for each count y, the
 * confidence with which the Thatcher prediction limit says at most y went undetected,
 * 1 − P(X ≤ k | n + M, k + y′ + 1, n), y′ the recognisable count behind y; two-sided, the confidence of the
 * two-sided range whose upper end is y, 1 − 2·P(X ≤ k | n + M, k + y′ + 1, n). Less the risk spent on an
 * estimated outside volume. At y = every case not cleared (k + y′ + 1 beyond what the cases allow) it is 1:
 * no more can have gone undetected. Reading it at the stated confidence gives
 * `extrapolated.undetected.upper` for either sidedness: the curve first reaches the confidence at that
 * count, which is always one of its points (as is the count before it, and its last count).
 */
export function confidenceCurve(
  basis: ExtrapolationBasis,
  points = 60,
): { undetected: number; confidence: number }[] {
  const { found, reviewed, unreviewedInside } = pooled(basis.windows);
  const unreviewed = unreviewedInside + outsideStageRange(basis).upper;
  const population = reviewed + unreviewed;
  const { outsideStageBounds, ...known } = basis;
  const volumeRisk = outsideStageBounds?.risk ?? 0;
  const tails = basis.sided === "two" ? 2 : 1;
  // The most affected cases there can be: every case but those the review cleared.
  const most = basis.sensitivity.review === 1 ? population - reviewed + found : population;
  const top =
    predictionBounds({ ...known, confidence: 0.999, sided: "upper" }, found, reviewed, population).upper -
    found;
  // The stated bound and the count before it, so that the curve crosses the confidence where it is stated.
  const stated = predictionBounds(basis, found, reviewed, population).upper - found;
  const step = Math.max(1, Math.ceil(top / points));
  const ys = new Set<number>();
  for (let y = 0; y <= top; y += step) ys.add(y);
  for (const y of [top, stated - 1, stated]) if (y >= 0 && y <= most - found) ys.add(y);
  return [...ys]
    .sort((a, b) => a - b)
    .map((y) => {
      const affected = found + y + 1;
      const confidence =
        affected > most
          ? 1
          : Math.max(
              0,
              1 -
                tails *
                  thinnedHypergeometricTail(
                    found,
                    population,
                    affected,
                    reviewed,
                    basis.sensitivity.review,
                    "lower",
                  ) -
                volumeRisk,
            );
      return {
        undetected: Math.min(
          basis.limits.total.upper,
          scaleCount(found + y, screenOnly(basis), "up") - found,
        ),
        confidence,
      };
    });
}
