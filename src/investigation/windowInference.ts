import { countInterval } from "../intervals/countInterval.js";
import type { BiasModel } from "../intervals/noncentralCount.js";
import { stratifiedCount } from "../intervals/stratifiedCount.js";
import { thinnedHypergeometricCount } from "../intervals/thinnedHypergeometricCount.js";
import type { Interval } from "../intervals/types.js";
import { exactTailProbability, type Sided, tailProbability } from "../intervals/types.js";
import { ceilOf, decimalFraction, divide, floorOf, multiply, wholeFraction } from "../math/wholeCount.js";
import type { MethodId } from "../methods/methodRegistry.js";
import type { StageWindow } from "./stageModel.js";

export interface WindowFinding {
  readonly label: string;
  readonly method: MethodId;
  readonly confidence: number;
  readonly sided: Sided;
  /** The population the review sampled (flagged cases, else cases). */
  readonly population: number;
  readonly reviewed: number;
  /** reviewed ÷ population. */
  readonly sampledFraction: number;
  readonly found: number;
  readonly selection: string;
  /** Affected cases in the window (flagged, plus unflagged when screening sensitivity < 1). */
  readonly affected: Interval;
  /** affected − found. */
  readonly undetected: Interval;
  /**
   * More cases were recognised than the stated sensitivities make plausible even if every case in scope
   * was affected (no count passes the lower test); the lower bound is then reported at that maximum.
   */
  readonly beyondSensitivity: boolean;
  /**
   * False when the joint limits over several windows kept a total their search could not decide within its
   * work limit: the limit still holds at the stated confidence, but may be a few cases wider than Wendell &
   * Schmee's exact one. True otherwise (one window, the Bonferroni sum, or every total decided).
   */
  readonly decided: boolean;
  /**
   * The most often, over repeated random samples, that `affected.upper` falls below the true count (and,
   * two-sided, that `affected.lower` exceeds it): α = 1 − c one-sided, (1 − c)/2 two-sided. It holds for
   * the total over several windows too: the joint limits test the total at α, and the Bonferroni sum of
   * bounds each at `windowTail` = α/m misses at most α in all.
   */
  readonly upperTail: number;
  /**
   * The tail probability each window's own bound was computed at: `upperTail` for one window, `upperTail`
   * ÷ m for the Bonferroni sum over m windows (`window-bonferroni`, `window-thinned-bonferroni`); null for
   * the joint limits (`window-joint`), which compute no bound window by window but test the total at
   * `upperTail`.
   */
  readonly windowTail: number | null;
}

/** Scale from cases a perfect screen and reviewer would show to all affected cases. */
export interface Sensitivity {
  readonly screening: number;
  readonly review: number;
}

/** Scales a count of affected cases the review could recognise to all affected cases (ceiling for bounds). */
export function scaleCount(count: number, sensitivity: Sensitivity, round: "up" | "down" | "none"): number {
  const factor = 1 / (sensitivity.screening * sensitivity.review);
  if (factor === 1) return count;
  if (round === "none") return count * factor;
  // A whole count over the sensitivities as the decimals they print as, rounded exactly: 7 ÷ 0.7 is 10.
  const exact = divide(
    wholeFraction(count),
    multiply(decimalFraction(sensitivity.screening), decimalFraction(sensitivity.review)),
  );
  return round === "up" ? ceilOf(exact) : floorOf(exact);
}

/** The joint limits over several windows, or null when they would exceed their work limit. */
function jointLimits(
  windows: readonly StageWindow[],
  confidence: number,
  sided: Sided,
): { lower: number | null; upper: number; decided: boolean } | null {
  const counts = windows.map((w) => ({ population: w.stage, sample: w.reviewed, found: w.found }));
  const alpha = tailProbability(confidence, sided);
  const exactAlpha = exactTailProbability(confidence, sided);
  const upper = stratifiedCount(counts, alpha, "upper", exactAlpha);
  const lower = sided === "upper" ? null : stratifiedCount(counts, alpha, "lower", exactAlpha);
  if (upper.method !== "joint" || (lower !== null && lower.method !== "joint")) return null;
  return { lower: lower?.bound ?? null, upper: upper.bound, decided: upper.exact && (lower?.exact ?? true) };
}

/** A selection bias ω against affected cases and the model of how cases were picked (ω = 1: random). */
export interface SelectionModel {
  readonly bias: number;
  readonly model: BiasModel;
}

/**
 * Exact inference for one window, or for several combined.
 *
 * One window: the exact hypergeometric interval (Buonaccorsi 1987) for the affected among the sampled
 * population. When the screen or the reviewer can miss an affected case (sensitivity < 1), each affected
 * case is flagged with probability s_f and recognised, if drawn, with probability s_r, independently; the
 * count recognised is then a thinned hypergeometric draw, and the interval inverts its tails exactly
 * ({@link thinnedHypergeometricCount}). Several windows: Wendell & Schmee's exact joint limits on the total
 * ({@link stratifiedCount}), which hold at the stated confidence however the affected cases are spread over
 * the windows; the sum of each window's bound at confidence 1 − α/m (Bonferroni) where they would exceed
 * their work limit, or with sensitivities below 1 (the joint limits assume every affected case drawn is
 * recognised).
 *
 * @param windows - the windows to combine
 * @param confidence - confidence level
 * @param sided - `upper` or `two`
 * @param sensitivity - screening and review sensitivities
 * @param selection - a selection bias to assume (default: random selection; with sensitivities of 1 only),
 *   see `countInterval`'s `bias`
 */
export function windowInference(
  windows: readonly StageWindow[],
  confidence: number,
  sided: Sided,
  sensitivity: Sensitivity,
  selection?: SelectionModel,
): WindowFinding {
  const m = windows.length;
  const sensitive = sensitivity.screening < 1 || sensitivity.review < 1;
  // Each window's bound at 1 − α/m (Bonferroni; α itself for one window), and the tail it leaves, which
  // the finding reports as the tail its bounds were computed at.
  const adjusted = 1 - (1 - confidence) / m;
  const eachTail = tailProbability(adjusted, sided);
  const each = windows.map((w) => {
    // At most every case in scope (all cases when the screen can miss, else the stage), less the cases
    // the review cleared — which are certain only when the reviewer cannot miss.
    const scope = sensitivity.screening < 1 ? Math.max(w.stage, w.wholeCases ?? w.stage) : w.stage;
    const cap = scope - (sensitivity.review === 1 ? w.reviewed - w.found : 0);
    if (!sensitive) {
      const ci = countInterval({
        found: w.found,
        sample: w.reviewed,
        population: w.stage,
        confidence: adjusted,
        sided,
        ...(selection === undefined ? {} : { bias: selection.bias, biasModel: selection.model }),
      });
      return { estimate: ci.estimate, lower: ci.lower, upper: ci.upper, beyond: false };
    }
    const bounds = thinnedHypergeometricCount(
      {
        found: w.found,
        sample: w.reviewed,
        population: w.stage,
        scope,
        screening: sensitivity.screening,
        review: sensitivity.review,
      },
      eachTail,
    );
    const beyond = sided === "two" && bounds.lower === null;
    return {
      estimate: Math.min(cap, scaleCount((w.stage * w.found) / w.reviewed, sensitivity, "none")),
      lower: sided === "upper" ? w.found : (bounds.lower ?? cap),
      upper: bounds.upper,
      beyond,
    };
  });
  const sum = (key: keyof Interval) => each.reduce((total, r) => total + r[key], 0);
  const found = windows.reduce((total, w) => total + w.found, 0);
  // Several windows without sensitivities: Wendell & Schmee's joint limits, unless they would exceed their
  // work limit (then the Bonferroni sum above, and the method says so).
  const joint =
    m > 1 && !sensitive && selection === undefined ? jointLimits(windows, confidence, sided) : null;
  const affected = {
    estimate: sum("estimate"),
    lower: sided === "upper" ? found : (joint?.lower ?? sum("lower")),
    upper: joint?.upper ?? sum("upper"),
  };
  const method: MethodId = sensitive
    ? m === 1
      ? "window-thinned"
      : "window-thinned-bonferroni"
    : m === 1
      ? "hypergeometric"
      : joint
        ? "window-joint"
        : "window-bonferroni";
  const first = windows[0] as StageWindow;
  const population = windows.reduce((total, w) => total + w.stage, 0);
  const reviewed = windows.reduce((total, w) => total + w.reviewed, 0);
  return {
    label: m === 1 ? first.label : "all windows",
    method,
    confidence,
    sided,
    population,
    reviewed,
    sampledFraction: reviewed / population,
    found,
    selection: [...new Set(windows.map((w) => w.selection))].join(", "),
    affected,
    undetected: {
      estimate: affected.estimate - found,
      lower: affected.lower - found,
      upper: affected.upper - found,
    },
    beyondSensitivity: each.some((r) => r.beyond),
    decided: joint?.decided ?? true,
    upperTail: tailProbability(confidence, sided),
    windowTail: joint ? null : eachTail,
  };
}
