import { binomialCdf } from "../distributions/binomialCdf.js";
import type { Bounds, Sided } from "../intervals/types.js";
import { exceeds } from "../math/compareProbability.js";
import { firstTrue } from "../math/firstTrue.js";

/** Bounds on the stage cases outside the windows when they are estimated from the windows' own count. */
export interface OutsideVolumeBounds extends Bounds {
  /** Whole stage cases outside the windows: the least and most the windows' count allows. */
  readonly lower: number;
  /** The share of 1 − confidence spent on the volume (split between the tails when two-sided). */
  readonly risk: number;
}

/** The share of the risk spent on bounding an estimated outside volume. */
export const VOLUME_RISK_SHARE = 0.1;

/**
 * Bounds on the stage cases outside the windows when their number is estimated from the windows' own
 * count (the flagged cases per day, or the windows' flag rate, applied outside them).
 *
 * Model: each of the S stage cases of the span lies in the windows independently with probability r, the
 * windows' share of the volume (of the days, without case counts), so the F in the windows are
 * Binomial(S, r) and the outside count is S − F. Exact bounds on S (the largest S with P(Bin(S, r) ≤ F) > α_v,
 * the smallest with P(Bin(S, r) ≥ F) > α_v) give the outside volume's bounds at a risk α_v of
 * `VOLUME_RISK_SHARE` × (1 − confidence) (split between the tails when two-sided). When the windows' flagged
 * cases are a share of known case counts, the flagged cases among them are hypergeometric rather than
 * binomial given S, which is less variable, so the binomial bound is conservative there.
 *
 * @param windowStage - F, stage cases in the windows
 * @param windowShare - r in (0, 1): the windows' share of the volume
 * @param confidence - the statement's confidence
 * @param sided - `upper` or `two`
 */
export function outsideVolumeBounds(
  windowStage: number,
  windowShare: number,
  confidence: number,
  sided: Sided,
): OutsideVolumeBounds {
  const risk = VOLUME_RISK_SHARE * (1 - confidence);
  const tail = sided === "two" ? risk / 2 : risk;
  const F = windowStage;
  const r = windowShare;
  const guess = F / r;
  // Far enough above F/r that P(Bin(S, r) ≤ F) has fallen below any risk we use.
  const highest = Math.ceil((F + 40 * Math.sqrt(F + 1) + 200) / r);
  const upperTotal = firstTrue(F + 1, highest, (S) => !exceeds(binomialCdf(F, S, r), tail), guess) - 1;
  const lowerTotal =
    F === 0 ? 0 : firstTrue(F, highest, (S) => exceeds(1 - binomialCdf(F - 1, S, r), tail), guess);
  return { lower: Math.max(0, lowerTotal - F), upper: upperTotal - F, risk };
}
