import { normalQuantile } from "../distributions/normalQuantile.js";
import type { Bounds, Sided } from "../intervals/types.js";
import { SIDED, tailProbability } from "../intervals/types.js";
import type { MethodId } from "../methods/methodRegistry.js";
import { requireConfidence, requireCount, requireOneOf } from "../validation/checks.js";
import { InputError } from "../validation/InputError.js";
import { messages } from "../validation/messages.js";

/** One sampled primary unit (a court, a cluster): its cases, how many were examined, how many affected. */
export interface ClusterInput {
  readonly label?: string;
  /** Cases in the unit (M_i). */
  readonly universe: number;
  /** Cases examined in it, at random (m_i). */
  readonly sample: number;
  /** Affected among them (a_i). */
  readonly found: number;
}

export interface ClusterAppraisal {
  readonly label: string;
  readonly universe: number;
  readonly sample: number;
  readonly found: number;
  /** a_i / m_i. */
  readonly rate: number;
  /** M_i a_i / m_i: the unit's projected affected cases. */
  readonly projected: number;
}

/** The two-stage estimators RAT-STATS uses: the ratio estimator when M is unknown, the unbiased one when known. */
export type TwoStageMethod = Extract<MethodId, "two-stage-ratio" | "two-stage-unbiased">;

export interface TwoStageAppraisal extends Bounds {
  readonly method: TwoStageMethod;
  readonly confidence: number;
  readonly sided: Sided;
  /** N: primary units in the universe. */
  readonly primaryUnits: number;
  /** M: cases in the universe, when known (it selects the unbiased estimator and gives a total). */
  readonly universe: number | undefined;
  /** M̄: cases per primary unit, M/N when M is known, else the sampled units' mean. */
  readonly meanUniverse: number;
  readonly clusters: readonly ClusterAppraisal[];
  /** n: primary units sampled (the clusters given). */
  readonly sampledUnits: number;
  readonly sample: number;
  readonly found: number;
  /** The estimated rate of affected cases, p̂_r or p̂_u. */
  readonly rate: number;
  readonly standardError: number;
  /** rate ∓ z·SE, held inside [0, 1] (and inside the possible range when M is known). */
  readonly lower: number;
  readonly upper: number;
  /** M × rate and its limits, when M is known. */
  readonly total:
    | (Bounds & {
        readonly projected: number;
        readonly standardError: number;
      })
    | undefined;
  /** rate ∓ z·SE left the possible range; the limit shows the range's end instead. */
  readonly outsidePossible: boolean;
  /** Zero width: every unit found the same rate and no within-unit variance, a certainty the sample lacks. */
  readonly degenerate: boolean;
}

/**
 * Two-stage (cluster) attribute appraisal, as RAT-STATS' "Two-Stage Unrestricted Attribute Appraisal":
 * n primary units (courts) drawn at random from N, then m_i of the M_i cases of each drawn unit at random.
 *
 * - M unknown: the ratio estimator p̂_r = Σ M_i p̂_i / Σ M_i, with M̄ the sampled units' mean size;
 * - M known: the unbiased estimator p̂_u = N Σ M_i p̂_i / (n M), M̄ = M/N, and the total M p̂_u;
 * - v(p̂) = (N − n)/N · 1/(n M̄²) · Σ (M_i p̂_i − M̄ p̂)² or Σ M_i² (p̂_i − p̂_r)², over n − 1
 *   + 1/(n N M̄²) · Σ M_i² (M_i − m_i)/M_i · p̂_i (1 − p̂_i)/(m_i − 1);
 * - limits p̂ ∓ z·SE (a normal approximation: no coverage is guaranteed, and it misleads with few units
 *   or rates near 0 or 1; with no affected case anywhere its width is zero).
 *
 * Reference: OIG RAT-STATS Companion Manual (Rev. 5/2010), pp. 2-11 to 2-17; W. G. Cochran (1977),
 * *Sampling Techniques*, 3rd ed., §§ 11.2–11.8.
 *
 * @throws {InputError} naming the field: fewer than two units, a unit examined once (its variance divides
 *   by m_i − 1) unless wholly examined, counts out of order
 * @example
 * appraiseTwoStage({ primaryUnits: 90, universe: 4500, clusters: [
 *   { universe: 50, sample: 10, found: 4 }, { universe: 45, sample: 9, found: 2 },
 * ] }).method; // "two-stage-unbiased"
 */
export function appraiseTwoStage(options: {
  readonly primaryUnits: number;
  readonly clusters: readonly ClusterInput[];
  readonly universe?: number;
  readonly confidence?: number;
  readonly sided?: Sided;
}): TwoStageAppraisal {
  const confidence = requireConfidence("confidence", options.confidence ?? 0.95);
  const sided = requireOneOf("sided", options.sided ?? "two", SIDED);
  if (!Array.isArray(options.clusters))
    throw new InputError("clusters", messages.wrongType("a list of units", options.clusters));
  const n = options.clusters.length;
  if (n < 2) throw new InputError("clusters", messages.twoStageTooFewUnits(n));
  const N = requireCount("primaryUnits", options.primaryUnits, n, undefined);
  const clusters = options.clusters.map((c, i) => {
    const at = `clusters[${i}]`;
    const universe = requireCount(`${at}.universe`, c.universe, 1);
    const sample = requireCount(`${at}.sample`, c.sample, 1, universe, `${at}.universe (${universe})`);
    const found = requireCount(`${at}.found`, c.found, 0, sample, `${at}.sample (${sample})`);
    if (sample === 1 && universe > 1) throw new InputError(`${at}.sample`, messages.twoStageSampleOfOne());
    return {
      label: c.label ?? `unit ${i + 1}`,
      universe,
      sample,
      found,
      rate: found / sample,
      projected: (universe * found) / sample,
    };
  });
  const sum = (f: (c: ClusterAppraisal) => number) => clusters.reduce((t, c) => t + f(c), 0);
  const sampledUniverse = sum((c) => c.universe);
  const M =
    options.universe === undefined
      ? undefined
      : requireCount(
          "universe",
          options.universe,
          sampledUniverse,
          undefined,
          `the sampled units' ${sampledUniverse} cases`,
        );
  const meanUniverse = M === undefined ? sampledUniverse / n : M / N;
  const rate =
    M === undefined ? sum((c) => c.projected) / sampledUniverse : (N * sum((c) => c.projected)) / (n * M);
  const between =
    M === undefined
      ? sum((c) => c.universe ** 2 * (c.rate - rate) ** 2)
      : sum((c) => (c.projected - meanUniverse * rate) ** 2);
  // A unit examined in full has no within-unit error (its factor M_i − m_i is 0), whatever m_i.
  const within = sum((c) =>
    c.sample === c.universe
      ? 0
      : (c.universe ** 2 * ((c.universe - c.sample) / c.universe) * c.rate * (1 - c.rate)) / (c.sample - 1),
  );
  const variance =
    (((N - n) / N) * (between / (n - 1))) / (n * meanUniverse ** 2) + within / (n * N * meanUniverse ** 2);
  const standardError = Math.sqrt(variance);
  const z = normalQuantile(1 - tailProbability(confidence, sided));
  const sample = sum((c) => c.sample);
  const found = sum((c) => c.found);
  // The possible range of the rate: [0, 1], or, with M known, from the cases found to all but those
  // examined and not affected.
  const least = M === undefined ? 0 : found / M;
  const most = M === undefined ? 1 : (M - (sample - found)) / M;
  const rawLower = sided === "upper" ? least : rate - z * standardError;
  const rawUpper = rate + z * standardError;
  const lower = Math.min(Math.max(rawLower, least), most);
  const upper = Math.min(Math.max(rawUpper, least), most);
  return {
    method: M === undefined ? "two-stage-ratio" : "two-stage-unbiased",
    confidence,
    sided,
    primaryUnits: N,
    universe: M,
    meanUniverse,
    clusters,
    sampledUnits: n,
    sample,
    found,
    rate,
    standardError,
    lower,
    upper,
    total:
      M === undefined
        ? undefined
        : { projected: M * rate, standardError: M * standardError, lower: M * lower, upper: M * upper },
    outsidePossible: rawLower < least || rawUpper > most,
    degenerate: standardError === 0,
  };
}
