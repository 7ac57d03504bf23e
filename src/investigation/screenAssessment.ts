import { affectedBounds, type RecallInterval, type ScreenStratum } from "../intervals/recallInterval.js";
import type { Interval, Sided } from "../intervals/types.js";
import { tailProbability } from "../intervals/types.js";
import type { MethodId } from "../methods/methodRegistry.js";
import type { ElusionSample, Scenario, ScenarioWindow } from "../scenario/scenario.js";
import type { AssumptionId } from "./assumptions.js";
import type { AffectedPlacement, Elusion } from "./evaluateScreen.js";
import { evaluateScreen } from "./evaluateScreen.js";

/** The screen as an assessment sees it: elusion, recall and where the affected cases could be. */
export interface ScreenAssessment {
  /** `windows`: an elusion sample in each window that has one; `span`: one sample across the span. */
  readonly scope: "windows" | "span";
  readonly method: MethodId;
  /** What the bounds assume, by id (worded by report/). */
  readonly assumptions: readonly AssumptionId[];
  readonly confidence: number;
  readonly sided: Sided;
  readonly elusion: Elusion;
  readonly recall: Omit<RecallInterval, "method"> & { readonly method: MethodId };
  readonly placement: AffectedPlacement;
  /** Per window, when the samples were drawn per window. */
  readonly windows: readonly {
    readonly label: string;
    readonly elusion: Elusion;
    readonly recall: RecallInterval;
  }[];
}

const ASSUMPTIONS: readonly AssumptionId[] = ["unflagged-random-sample", "equal-recognition"];

/**
 * The screen's elusion and recall from a scenario's elusion samples, or null when it gives none.
 * - Per window: the windows with a sample are combined as in the window inference — each window's side
 *   bound at its tail ÷ the number of windows (Bonferroni), then the two sides together at c^(1/2) each
 *   (Šidák; the flagged and unflagged samples are independent). With one window this is
 *   {@link evaluateScreen} exactly.
 * - Across the span: the elusion sample covers every unflagged case of the span, but the flagged review
 *   covers only the windows. Their flagged affected cases are a lower bound on the span's, so the recall's
 *   lower bound needs no model of time; its upper end, and the flagged cases outside the windows, are not
 *   bounded by the data (the upper end is reported as 1).
 * Methods: docs/methods.md, "Screen recall and elusion".
 *
 * @example
 * assessScreen(normalizeScenario({ ...examples["hmcts-sscs"], unflagged: 20000, unflaggedReviewed: 400, unflaggedFound: 0 }))?.recall.lower;
 */
export function assessScreen(scenario: Scenario): ScreenAssessment | null {
  const { confidence, sided } = scenario;
  const sampled = scenario.windows.filter(isSampled);
  if (scenario.unflagged === undefined && sampled.length === 0) return null;
  const flaggedWindows = scenario.windows.filter(isScreened);
  const sides = (unflaggedWindows: readonly SampledWindow[]) => ({
    flagged: (scenario.unflagged === undefined ? unflaggedWindows : flaggedWindows).map(
      (w): ScreenStratum => ({ population: w.flagged, sample: w.reviewed, found: w.found }),
    ),
    unflagged:
      scenario.unflagged === undefined
        ? unflaggedWindows.map((w) => stratumOf(w.unflagged))
        : [stratumOf(scenario.unflagged)],
  });
  const { flagged, unflagged } = sides(sampled);
  const single = flagged.length === 1 && unflagged.length === 1;
  const perWindow = scenario.unflagged === undefined ? sampled : [];
  const windows = perWindow.map((w) => {
    const one = evaluateScreen({
      flagged: { population: w.flagged, sample: w.reviewed, found: w.found },
      unflagged: stratumOf(w.unflagged),
      confidence,
      sided,
    });
    return { label: w.label, elusion: one.elusion, recall: one.recall as RecallInterval };
  });
  const span = scenario.unflagged !== undefined;
  const method: MethodId = span
    ? "sidak-hypergeometric-span"
    : single
      ? "sidak-hypergeometric"
      : "sidak-hypergeometric-bonferroni";
  if (single) {
    const one = evaluateScreen({
      flagged: flagged[0] as ScreenStratum,
      unflagged: unflagged[0] as ScreenStratum,
      confidence,
      sided,
    });
    const recall = one.recall as RecallInterval;
    return {
      scope: span ? "span" : "windows",
      method,
      assumptions: ASSUMPTIONS,
      confidence,
      sided,
      elusion: one.elusion,
      recall: span ? { ...recall, method, upper: 1 } : { ...recall, method },
      placement: one.placement as AffectedPlacement,
      windows,
    };
  }
  return combined(flagged, unflagged, { confidence, sided, span, method, windows });
}

function stratumOf(sample: { cases: number; reviewed: number; found: number }): ScreenStratum {
  return { population: sample.cases, sample: sample.reviewed, found: sample.found };
}

/** Several windows: each side's bounds summed over its strata at α/m (Bonferroni), sides at √c (Šidák). */
function combined(
  flagged: readonly ScreenStratum[],
  unflagged: readonly ScreenStratum[],
  options: {
    confidence: number;
    sided: Sided;
    span: boolean;
    method: MethodId;
    windows: ScreenAssessment["windows"];
  },
): ScreenAssessment {
  const { confidence, sided } = options;
  const total = (strata: readonly ScreenStratum[], key: keyof ScreenStratum) =>
    strata.reduce((sum, s) => sum + s[key], 0);
  const uncertain = (strata: readonly ScreenStratum[]) => strata.some((s) => s.sample < s.population);
  const sideConfidence = uncertain(flagged) && uncertain(unflagged) ? Math.sqrt(confidence) : confidence;
  const sum = (strata: readonly ScreenStratum[], level: number) => {
    const alpha = tailProbability(level, sided) / strata.length;
    const bounds = strata.map((s) => affectedBounds(s, alpha));
    const estimates = strata.map((s) => (s.sample === 0 ? null : (s.population * s.found) / s.sample));
    const known = estimates.filter((e) => e !== null);
    return {
      population: total(strata, "population"),
      sample: total(strata, "sample"),
      found: total(strata, "found"),
      estimate: known.length < estimates.length ? null : known.reduce((a, e) => a + e, 0),
      lower: sided === "upper" ? total(strata, "found") : bounds.reduce((a, b) => a + b.lower, 0),
      upper: bounds.reduce((a, b) => a + b.upper, 0),
      lowerTwo: bounds.reduce((a, b) => a + b.lower, 0),
    };
  };
  const f = sum(flagged, sideConfidence);
  const u = sum(unflagged, sideConfidence);
  const ratio = (caught: number, missed: number) => (missed === 0 ? 1 : caught / (caught + missed));
  const flaggedMost = f.population - (f.sample - f.found);
  const recallLower = ratio(f.lowerTwo, u.upper);
  const recallUpper = options.span
    ? 1
    : sided === "upper"
      ? ratio(flaggedMost, u.found)
      : ratio(f.upper, u.lowerTwo);
  const elusionSum = sum(unflagged, confidence);
  const range = (s: ReturnType<typeof sum>): Interval<number | null> => ({
    estimate: s.estimate,
    lower: s.lower,
    upper: s.upper,
  });
  const elusion: Elusion = {
    method: "hypergeometric",
    confidence,
    sided,
    population: elusionSum.population,
    sample: elusionSum.sample,
    found: elusionSum.found,
    affected: range(elusionSum),
    rate: {
      estimate: elusionSum.estimate === null ? null : elusionSum.estimate / elusionSum.population,
      lower: elusionSum.lower / elusionSum.population,
      upper: elusionSum.upper / elusionSum.population,
    },
  };
  const unreviewed = (s: ReturnType<typeof sum>): Interval<number | null> => ({
    estimate: s.estimate === null ? null : s.estimate - s.found,
    lower: sided === "upper" ? 0 : s.lowerTwo - s.found,
    upper: s.upper - s.found,
  });
  const flaggedUnreviewed = unreviewed(f);
  const unflaggedUnreviewed = unreviewed(u);
  const estimate =
    f.estimate === null || u.estimate === null || f.estimate + u.estimate === 0
      ? null
      : ratio(f.estimate, u.estimate);
  const side = (s: ReturnType<typeof sum>, lower: number, upper: number) => ({
    population: s.population,
    sample: s.sample,
    found: s.found,
    estimate: s.estimate,
    lower,
    upper,
  });
  return {
    scope: options.span ? "span" : "windows",
    method: options.method,
    assumptions: ASSUMPTIONS,
    confidence,
    sided,
    elusion,
    recall: {
      method: options.method,
      confidence,
      sided,
      sideConfidence,
      flagged: side(f, f.lowerTwo, sided === "upper" ? flaggedMost : f.upper),
      unflagged: side(u, sided === "upper" ? u.found : u.lowerTwo, u.upper),
      estimate,
      lower: recallLower,
      upper: recallUpper,
    },
    placement: {
      confidence,
      sideConfidence,
      found: f.found + u.found,
      flaggedUnreviewed,
      unflaggedUnreviewed,
      undetected: {
        estimate:
          flaggedUnreviewed.estimate === null || unflaggedUnreviewed.estimate === null
            ? null
            : flaggedUnreviewed.estimate + unflaggedUnreviewed.estimate,
        lower: flaggedUnreviewed.lower + unflaggedUnreviewed.lower,
        upper: flaggedUnreviewed.upper + unflaggedUnreviewed.upper,
      },
    },
    windows: options.windows,
  };
}

/** A window with its flagged cases counted. */
type ScreenedWindow = ScenarioWindow & { readonly flagged: number };

/** A screened window whose unflagged cases were sampled too (an elusion sample). */
type SampledWindow = ScreenedWindow & { readonly unflagged: ElusionSample };

function isScreened(w: ScenarioWindow): w is ScreenedWindow {
  return w.flagged !== undefined;
}

function isSampled(w: ScenarioWindow): w is SampledWindow {
  return w.unflagged !== undefined && w.flagged !== undefined;
}
