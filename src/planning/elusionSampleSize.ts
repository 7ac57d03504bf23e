import { hypergeometricTail } from "../distributions/hypergeometricTail.js";
import { hypergeometricCount } from "../intervals/hypergeometricCount.js";
import { affectedBounds, type ScreenStratum } from "../intervals/recallInterval.js";
import { exceeds } from "../math/compareProbability.js";
import { firstTrue } from "../math/firstTrue.js";
import { decimalFraction, floorOf, multiply, ratio, wholeFraction } from "../math/wholeCount.js";
import type { MethodId } from "../methods/methodRegistry.js";
import { requireConfidence, requireCount, requireOpenUnit } from "../validation/checks.js";
import { InputError } from "../validation/InputError.js";
import { messages } from "../validation/messages.js";

export interface ElusionSampleSizeOptions {
  /** Cases the screen passed, from which the elusion sample is drawn at random. */
  readonly unflagged: number;
  /** Show that the elusion rate (affected unflagged ÷ unflagged) is at most this; not with `recall`. */
  readonly maxElusion?: number;
  /** Show that the screen's recall is at least this; needs `flagged`. */
  readonly recall?: number;
  /** The flagged cases and their review (a census, or a random sample), for a recall target. */
  readonly flagged?: ScreenStratum;
  /** Default 0.95; the plan is one-sided. */
  readonly confidence?: number;
  /** Affected cases the plan allows in the elusion sample (default 0). */
  readonly allowed?: number;
}

/** An elusion plan: for an elusion target ({@link ElusionRatePlan}) or a recall target ({@link RecallPlan}). */
export type ElusionSampleSize = ElusionRatePlan | RecallPlan;

/** An elusion plan for an elusion-rate target. */
export interface ElusionRatePlan extends ElusionPlanCommon {
  readonly target: "elusion";
  readonly maxElusion: number;
}

/** An elusion plan for a recall target, measured against the affected flagged cases. */
export interface RecallPlan extends ElusionPlanCommon {
  readonly target: "recall";
  readonly recall: number;
  /** The exact lower bound on the affected flagged cases the target is measured against. */
  readonly flaggedAffected: number;
}

/** What an elusion plan holds whatever its target. */
export interface ElusionPlanCommon {
  readonly method: MethodId;
  readonly confidence: number;
  readonly sided: "upper";
  readonly unflagged: number;
  /** The confidence of the unflagged side's bound: confidence, or its square root when the flagged side is itself sampled. */
  readonly sideConfidence: number;
  /** The most affected unflagged cases the target tolerates. */
  readonly tolerableAffected: number;
  /** The smallest elusion sample that shows the target if at most `allowed` are found in it. */
  readonly sampleSize: number;
  readonly allowed: number;
  /** The exact one-sided upper bound on the affected unflagged cases when `allowed` are found in `sampleSize`. */
  readonly achievedUpper: number;
  /** P(at most `allowed` found | one more affected unflagged case than tolerated): at most 1 − sideConfidence. */
  readonly risk: number;
}

/**
 * How many unflagged cases to review, at random, to show that a screen missed few affected cases:
 * either an elusion rate of at most e (at most ⌊e·Nu⌋ affected among the Nu unflagged), or a recall of at
 * least R, i.e. at most ⌊Kf·(1 − R)/R⌋ affected unflagged, where Kf is the exact lower bound on the affected
 * flagged cases (the flagged cases found when they were reviewed in full). The plan is the smallest n with
 * P(X ≤ k | Nu, K* + 1, n) ≤ α, K* the tolerated count and k the allowed finds — the criterion under which
 * the exact one-sided upper bound after finding k is at most K*. When the flagged side is itself a sample,
 * each side is bounded at confidence √c (Šidák), as in {@link recallInterval}, so that a plan met by the
 * review shows the target with the interval the tool then reports.
 *
 * This is the hypergeometric stopping rule of Callaghan & Müller-Hansen (2020) turned into a sample size:
 * with the flagged cases reviewed in full, recall ≥ R is shown when P(X ≤ k | Nu, ⌊Kf/R − Kf⌋ + 1, n) ≤ α.
 *
 * Reference: M. W. Callaghan & F. Müller-Hansen (2020), "Statistical stopping criteria for automated
 * screening in systematic reviews", Systematic Reviews 9, 273; J. P. Buonaccorsi (1987).
 *
 * @throws {InputError} naming the option, for values out of range, both or neither target, or a target
 *   that no elusion sample can show (it tolerates fewer affected cases than the plan allows)
 * @example
 * elusionSampleSize({ unflagged: 10_000, maxElusion: 0.01 }).sampleSize; // 291
 */
export function elusionSampleSize(options: ElusionSampleSizeOptions): ElusionSampleSize {
  const unflagged = requireCount("unflagged", options.unflagged, 1);
  const confidence = requireConfidence("confidence", options.confidence ?? 0.95);
  const allowed = requireCount("allowed", options.allowed ?? 0, 0, unflagged, `unflagged (${unflagged})`);
  if (options.maxElusion !== undefined && options.recall !== undefined) {
    throw new InputError("maxElusion", messages.exclusive("recall"), ["recall"]);
  }
  let goal:
    | Pick<ElusionRatePlan, "target" | "maxElusion">
    | Pick<RecallPlan, "target" | "recall" | "flaggedAffected">;
  let tolerableAffected: number;
  let sideConfidence = confidence;
  let targetField: string;
  if (options.maxElusion !== undefined) {
    const maxElusion = requireOpenUnit("maxElusion", options.maxElusion);
    goal = { target: "elusion", maxElusion };
    targetField = "maxElusion";
    tolerableAffected = floorOf(multiply(decimalFraction(maxElusion), wholeFraction(unflagged)));
  } else if (options.recall !== undefined) {
    const recall = requireOpenUnit("recall", options.recall);
    if (options.flagged === undefined) throw new InputError("flagged", messages.required(), ["recall"]);
    const population = requireCount("flagged.population", options.flagged.population, 1);
    const sample = requireCount(
      "flagged.sample",
      options.flagged.sample,
      0,
      population,
      `flagged.population (${population})`,
    );
    const found = requireCount(
      "flagged.found",
      options.flagged.found,
      0,
      sample,
      `flagged.sample (${sample})`,
    );
    const census = sample === population;
    sideConfidence = census ? confidence : Math.sqrt(confidence);
    const flaggedAffected = affectedBounds({ population, sample, found }, 1 - sideConfidence).lower;
    goal = { target: "recall", recall, flaggedAffected };
    targetField = "recall";
    // ⌊F(1 − r)/r⌋ with r the decimal it prints as: a recall of 0.8 over 40 found allows exactly 10 missed.
    const r = decimalFraction(recall);
    tolerableAffected = floorOf(ratio(BigInt(flaggedAffected) * (r.denominator - r.numerator), r.numerator));
  } else {
    throw new InputError("maxElusion", messages.needsOneOf(["maxElusion", "recall"]), [
      "maxElusion",
      "recall",
    ]);
  }
  if (tolerableAffected < allowed) {
    throw new InputError(
      targetField,
      messages.planUnreachable(unflagged, messages.elusionToleratesFewer(tolerableAffected, allowed)),
    );
  }
  const alpha = 1 - sideConfidence;
  const ruledOut = tolerableAffected + 1;
  let sampleSize = 0;
  let risk = 0;
  let achievedUpper = unflagged;
  // When even every unflagged case being affected meets the target, no review is needed (n = 0).
  if (ruledOut <= unflagged) {
    const riskAt = (n: number) => hypergeometricTail(allowed, unflagged, ruledOut, n, "lower");
    // Start near the binomial answer, n ≈ (k + 3)·Nu/K*; the search is exact wherever it starts.
    const guess = Math.ceil(((allowed + 3) * unflagged) / ruledOut);
    sampleSize = firstTrue(Math.max(1, allowed), unflagged, (n) => !exceeds(riskAt(n), alpha), guess);
    risk = riskAt(sampleSize);
    achievedUpper = hypergeometricCount(allowed, sampleSize, unflagged, alpha).upper;
  }
  const method = "elusion-sample-size";
  const outcome = { tolerableAffected, sampleSize, allowed, achievedUpper, risk };
  // Two literals, so that the type follows the target; the keys in the order the JSON output prints them.
  return goal.target === "elusion"
    ? {
        method,
        target: goal.target,
        confidence,
        sided: "upper",
        unflagged,
        maxElusion: goal.maxElusion,
        sideConfidence,
        ...outcome,
      }
    : {
        method,
        target: goal.target,
        confidence,
        sided: "upper",
        unflagged,
        recall: goal.recall,
        sideConfidence,
        flaggedAffected: goal.flaggedAffected,
        ...outcome,
      };
}
