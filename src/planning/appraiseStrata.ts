import { normalQuantile } from "../distributions/normalQuantile.js";
import { countInterval } from "../intervals/countInterval.js";
import { stratifiedCount } from "../intervals/stratifiedCount.js";
import type { Bounds, Sided } from "../intervals/types.js";
import { exactTailProbability, SIDED, tailProbability } from "../intervals/types.js";
import type { MethodId } from "../methods/methodRegistry.js";
import { requireConfidence, requireCount, requireOneOf } from "../validation/checks.js";
import { InputError } from "../validation/InputError.js";
import { messages } from "../validation/messages.js";

export interface StratumInput {
  readonly label?: string;
  /** Cases in the stratum (N_h). */
  readonly population: number;
  /** Cases examined at random (n_h). */
  readonly sample: number;
  /** Affected among them (k_h). */
  readonly found: number;
}

export interface StratumAppraisal extends Bounds {
  readonly label: string;
  readonly population: number;
  readonly sample: number;
  readonly found: number;
  /** N_h k_h / n_h. */
  readonly projected: number;
  /** Exact hypergeometric bounds at the stated confidence, for this stratum alone. */
  readonly lower: number;
  readonly upper: number;
}

export interface StratifiedAppraisal {
  readonly confidence: number;
  readonly sided: Sided;
  readonly strata: readonly StratumAppraisal[];
  readonly combined: {
    readonly population: number;
    readonly sample: number;
    readonly found: number;
    /** Σ N_h k_h / n_h. */
    readonly projected: number;
    /** What the samples make certain: at least the found, at most N − (n − found). */
    readonly possible: Bounds;
    /**
     * The normal approximation RAT-STATS prints: projected ± z·SE, held inside the possible range
     * [found, N − (n − found)] (never a negative count).
     */
    readonly normal: Bounds & {
      readonly method: MethodId;
      readonly standardError: number;
      /** projected ± z·SE left the possible range, and `lower` or `upper` shows the range's end instead. */
      readonly outsidePossible: boolean;
      /** Zero width: every stratum found none (or all), so the approximation claims a certainty it lacks. */
      readonly degenerate: boolean;
    };
    /**
     * Guaranteed coverage: Wendell & Schmee's exact joint limits (`stratified-joint`), or, where they would
     * exceed their work limit, the sum of each stratum's exact bound at confidence 1 − α/H
     * (`stratified-exact`, Bonferroni).
     */
    readonly exact: Bounds & {
      readonly method: MethodId;
      /** Bonferroni only: the confidence of each stratum's bound, 1 − α/H; null for the joint limits. */
      readonly stratumConfidence: number | null;
      /** H, the strata. */
      readonly strata: number;
      /**
       * Joint limits only: false when the search could not decide some total within its work limit and kept
       * it (still guaranteed, possibly a few cases wider).
       */
      readonly decided: boolean;
      /** Joint limits only: the projection's weights N_h/n_h were rounded to order the outcomes. */
      readonly weightsRounded: boolean;
    };
  };
}

/**
 * Stratified attribute appraisal: per stratum, exact hypergeometric bounds; combined, the projected
 * total Σ N_h k_h/n_h with two sets of limits:
 * - normal approximation (RAT-STATS): projected ± z·SE, SE² = Σ N_h² (1 − n_h/N_h) p_h(1 − p_h)/(n_h − 1),
 *   which can fall below the cases found or above every unexamined case (it is then held at the range's
 *   end and flagged `outsidePossible`), and undercovers for small counts;
 * - exact with guaranteed coverage: Wendell & Schmee's joint limits ({@link stratifiedCount}), ordered by
 *   the projected total, which cover the total with probability at least the confidence for every
 *   allocation and always lie in [found, N − (n − found)]; where they would exceed their work limit, the
 *   sum of the strata's exact bounds, each at confidence 1 − α/H (Bonferroni; method `stratified-exact`).
 *
 * Reference: OIG RAT-STATS attribute appraisal (stratified); W. G. Cochran (1977), *Sampling Techniques*,
 * 3rd ed., §5.4; Wendell & Schmee (1996); Buonaccorsi (1987).
 *
 * @throws {InputError} naming the stratum and field for counts out of order
 * @example
 * appraiseStrata({ strata: [{ population: 1000, sample: 100, found: 2 }, { population: 1500, sample: 100, found: 6 }], confidence: 0.9 }).combined.projected; // 110
 */
export function appraiseStrata(options: {
  readonly strata: readonly StratumInput[];
  readonly confidence?: number;
  readonly sided?: Sided;
}): StratifiedAppraisal {
  const confidence = requireConfidence("confidence", options.confidence ?? 0.95);
  const sided = requireOneOf("sided", options.sided ?? "two", SIDED);
  if (!Array.isArray(options.strata))
    throw new InputError("strata", messages.wrongType("a list of strata", options.strata));
  if (options.strata.length === 0) throw new InputError("strata", messages.needsStratum());
  const H = options.strata.length;
  const strata = options.strata.map((s, i) => {
    const at = `strata[${i}]`;
    const population = requireCount(`${at}.population`, s.population, 1);
    const sample = requireCount(`${at}.sample`, s.sample, 1, population, `${at}.population (${population})`);
    const found = requireCount(`${at}.found`, s.found, 0, sample, `${at}.sample (${sample})`);
    const alone = countInterval({ found, sample, population, confidence, sided });
    const adjusted = countInterval({
      found,
      sample,
      population,
      confidence: 1 - (1 - confidence) / H,
      sided,
    });
    return {
      appraisal: {
        label: s.label ?? `stratum ${i + 1}`,
        population,
        sample,
        found,
        projected: (population * found) / sample,
        lower: alone.lower,
        upper: alone.upper,
      },
      adjusted,
    };
  });
  // The combined population must itself be a count computed exactly: summed in BigInts, so that three strata
  // of 2^53 − 1 are refused rather than printed as a rounded double.
  const combined = strata.reduce((t, s) => t + BigInt(s.appraisal.population), 0n);
  if (combined > BigInt(Number.MAX_SAFE_INTEGER)) {
    throw new InputError("strata", messages.combinedBeyondCount(combined));
  }
  const total = (f: (s: (typeof strata)[number]) => number) => strata.reduce((t, s) => t + f(s), 0);
  const population = total((s) => s.appraisal.population);
  const sample = total((s) => s.appraisal.sample);
  const found = total((s) => s.appraisal.found);
  const projected = total((s) => s.appraisal.projected);
  const variance = total(({ appraisal: { population: N, sample: n, found: k } }) => {
    if (n < 2) return 0;
    const p = k / n;
    return (N * N * (1 - n / N) * p * (1 - p)) / (n - 1);
  });
  const standardError = Math.sqrt(variance);
  const z = normalQuantile(1 - tailProbability(confidence, sided));
  const least = found;
  const most = population - (sample - found);
  const normalLower = sided === "upper" ? found : projected - z * standardError;
  const normalUpper = projected + z * standardError;
  const jointOrBonferroni = (): StratifiedAppraisal["combined"]["exact"] => {
    const counts = strata.map(({ appraisal: a }) => ({
      population: a.population,
      sample: a.sample,
      found: a.found,
    }));
    const alpha = tailProbability(confidence, sided);
    const exactAlpha = exactTailProbability(confidence, sided);
    const upper = stratifiedCount(counts, alpha, "upper", exactAlpha);
    const lower = sided === "upper" ? null : stratifiedCount(counts, alpha, "lower", exactAlpha);
    if (upper.method === "joint" && (lower === null || lower.method === "joint")) {
      return {
        method: "stratified-joint",
        stratumConfidence: null,
        strata: H,
        lower: lower === null ? found : lower.bound,
        upper: upper.bound,
        decided: upper.exact && (lower === null || lower.exact),
        weightsRounded: upper.weightsRounded,
      };
    }
    return {
      method: "stratified-exact",
      stratumConfidence: 1 - (1 - confidence) / H,
      strata: H,
      lower: sided === "upper" ? found : total((s) => s.adjusted.lower),
      upper: total((s) => s.adjusted.upper),
      decided: true,
      weightsRounded: false,
    };
  };
  return {
    confidence,
    sided,
    strata: strata.map((s) => s.appraisal),
    combined: {
      population,
      sample,
      found,
      projected,
      possible: { lower: least, upper: most },
      normal: {
        method: "stratified-normal",
        standardError,
        lower: Math.min(Math.max(normalLower, least), most),
        upper: Math.min(Math.max(normalUpper, least), most),
        outsidePossible: normalLower < least || normalUpper > most,
        degenerate: standardError === 0,
      },
      exact: jointOrBonferroni(),
    },
  };
}
