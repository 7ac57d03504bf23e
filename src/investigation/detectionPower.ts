import { at } from "../math/at.js";
import type { MethodId } from "../methods/methodRegistry.js";
import type { DayInterval } from "../scenario/calendar.js";
import type { StageModel } from "./stageModel.js";

export const PROFILES = ["uniform", "declining", "ended-before-window", "rising"] as const;
export type Profile = (typeof PROFILES)[number];

export const PROFILE_DESCRIPTIONS: Readonly<Record<Profile, string>> = {
  uniform: "the same rate throughout the exposure period",
  declining: "worst at the start, falling steadily to none by the first window",
  "ended-before-window": "a constant rate that stopped before the first window",
  rising: "rising steadily from none at the start to its highest at the end",
};

/** A sampling plan over the span: `sample` cases drawn at random from `stage` stage cases in `period`. */
export interface PlannedDraw {
  readonly period: DayInterval;
  readonly stage: number;
  readonly sample: number;
}

export interface PowerCurve {
  readonly profile: Profile;
  readonly description: string;
  /** Share of the affected cases that fall inside the reviewed windows under this profile. */
  readonly windowShare: number;
  /** P(the review as run finds at least one), for each total in `totals`. */
  readonly review: readonly number[];
  /** P(the adequate plan finds at least one), for each total. */
  readonly adequatePlan: readonly number[];
}

export interface DetectionPower {
  readonly method: MethodId;
  readonly totals: readonly number[];
  readonly curves: readonly PowerCurve[];
  /** The totals a table shows: those of `totals` nearest 1, 10, 100 and 1,000 (on a log scale). */
  readonly shown: readonly number[];
  /**
   * The figure a sentence cites: the total of `totals` nearest the one asked for, and the review's chance
   * of finding at least one if that many were affected, spread uniformly or ended before the first window;
   * null when none was asked for.
   */
  readonly cited: {
    readonly total: number;
    readonly uniform: number;
    readonly endedBeforeWindow: number;
  } | null;
}

/** Relative intensity of affected cases on day d (0-based) of the span under each profile. */
function intensity(profile: Profile, day: number, spanDays: number, firstWindow: number): number {
  switch (profile) {
    case "uniform":
      return 1;
    case "declining":
      return firstWindow > 0 ? Math.max(0, (firstWindow - day) / firstWindow) : 0;
    case "ended-before-window":
      return day < firstWindow ? 1 : 0;
    case "rising":
      return (day + 0.5) / spanDays;
  }
}

/**
 * The probability that a review finds at least one affected case when T cases are affected over the span,
 * distributed in time by a profile (in proportion to case volume × the profile's intensity).
 *
 * Method: each affected case falls in period j with probability m_j (its share of volume × intensity),
 * is flagged with probability s_f, drawn with probability n_j / W_j and recognised with probability s_r,
 * independently of the others, so P(detect) = 1 − (1 − q)^T with q = Σ_j m_j s_f s_r n_j / W_j. This
 * independent-case (binomial) form is slightly conservative against the exact hypergeometric draw.
 *
 * Reference: AICPA *Audit Sampling* (2017), ch. 3 (discovery sampling).
 */
export function detectionPower(
  model: StageModel,
  span: DayInterval,
  plan: readonly PlannedDraw[],
  totals: readonly number[],
  sensitivity: number,
  cite: number | null = null,
): DetectionPower {
  const spanDays = span.end - span.start + 1;
  const firstWindow =
    model.windows.length === 0
      ? spanDays
      : Math.min(...model.windows.map((w) => w.period.start)) - span.start;
  const review: PlannedDraw[] = model.windows.map((w) => ({
    period: w.period,
    stage: w.stage,
    sample: w.reviewed,
  }));
  const curves = PROFILES.map((profile) => {
    // weight[d]: the affected cases' relative weight on the span's first d days.
    const weight = new Float64Array(spanDays + 1);
    let total = 0;
    model.dailyVolume.forEach((volume, d) => {
      total += volume * intensity(profile, d, spanDays, firstWindow);
      weight[d + 1] = total;
    });
    const share = (p: DayInterval) =>
      total > 0 ? (at(weight, p.end - span.start + 1) - at(weight, p.start - span.start)) / total : 0;
    const perCase = (draws: readonly PlannedDraw[]) =>
      draws.reduce(
        (q, draw) => q + (draw.stage > 0 ? (share(draw.period) * sensitivity * draw.sample) / draw.stage : 0),
        0,
      );
    const detect = (q: number) => totals.map((t) => (q >= 1 ? 1 : -Math.expm1(t * Math.log1p(-q))));
    return {
      profile,
      description: PROFILE_DESCRIPTIONS[profile],
      windowShare: review.reduce((sum, draw) => sum + share(draw.period), 0),
      review: detect(perCase(review)),
      adequatePlan: detect(perCase(plan)),
    };
  });
  const citedTotal = cite === null ? undefined : nearestTotals(totals, [cite])[0];
  const index = citedTotal === undefined ? -1 : totals.indexOf(citedTotal);
  const reviewAt = (profile: Profile) => curves.find((c) => c.profile === profile)?.review[index];
  const uniform = reviewAt("uniform");
  const endedBeforeWindow = reviewAt("ended-before-window");
  return {
    method: "detection-power",
    totals,
    curves,
    shown: nearestTotals(totals, [1, 10, 100, 1000]),
    cited:
      citedTotal === undefined || uniform === undefined || endedBeforeWindow === undefined
        ? null
        : { total: citedTotal, uniform, endedBeforeWindow },
  };
}

/** 1, 2, 5, 10, 20, 50, … up to `max`, plus any extra totals, sorted and distinct. */
export function totalsGrid(max: number, extra: readonly number[]): number[] {
  const grid: number[] = [];
  for (let decade = 1; decade <= max; decade *= 10) {
    for (const step of [1, 2, 5]) if (decade * step <= max) grid.push(decade * step);
  }
  return [...new Set([...grid, ...extra.filter((t) => t >= 1 && t <= Math.max(max, 1))])].sort(
    (a, b) => a - b,
  );
}

/** For each target, the total in `totals` nearest to it on a log scale (for tables that show a few). */
export function nearestTotals(totals: readonly number[], targets: readonly number[]): number[] {
  const nearest = (target: number) =>
    totals.reduce(
      (best, t) => (Math.abs(Math.log(t / target)) < Math.abs(Math.log(best / target)) ? t : best),
      totals[0] ?? 1,
    );
  return [...new Set(targets.map(nearest))];
}
