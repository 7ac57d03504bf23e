import { max, mean, median, min, standardDeviation } from "simple-statistics";
import { type CountInterval, countInterval } from "../intervals/countInterval.js";
import { type Bounds, type Interval, type Sided, tailProbability } from "../intervals/types.js";
import { ceilOf, ceilTimes, floorOf, roundOf, sum, toNumber, wholeFraction } from "../math/wholeCount.js";
import type { MethodId } from "../methods/methodRegistry.js";
import {
  calendarPeriods,
  type DayInterval,
  daysIn,
  formatInterval,
  overlapDays,
} from "../scenario/calendar.js";
import {
  normalizeScenario,
  type Scenario,
  type ScenarioRecord,
  scenarioToInput,
} from "../scenario/scenario.js";
import { formatPercent, formatPrecision } from "../text/format.js";
import { formatDecimal } from "../text/formatDecimal.js";
import { messages } from "../validation/messages.js";
import type { Warning, WarningId } from "../validation/warnings.js";
import { type AdequatePlan, adequatePlan, DEFAULT_TOLERABLE } from "./adequatePlan.js";
import type { AssumptionId, DetectionTargetSource } from "./assumptions.js";
import { type DetectionPower, detectionPower, type PlannedDraw, totalsGrid } from "./detectionPower.js";
import {
  confidenceCurve,
  type DriftRow,
  driftComputable,
  type ExtrapolationBasis,
  largestEffectiveVolume,
  outsideUnderConstantRate,
  tippingPoint,
  undetectedUnderDrift,
} from "./extrapolation.js";
import { outsideVolumeBounds, VOLUME_RISK_SHARE } from "./outsideVolume.js";
import { type RateHomogeneity, rateHomogeneity } from "./rateHomogeneity.js";
import { assessScreen, type ScreenAssessment } from "./screenAssessment.js";
import { type SelectionBias, selectionBias } from "./selectionBias.js";
import { type OutsideStageBasis, stageModel } from "./stageModel.js";
import { type StratumPlanCurve, stratumPlanCurve } from "./stratumPlanCurve.js";
import { type UnrestrictedRange, unrestrictedRange } from "./unrestrictedRange.js";
import { type WindowFinding, windowInference } from "./windowInference.js";

export interface Coverage {
  /** What the windows' reviews sampled and the stage volume counts: flagged cases with a screen, else cases. */
  readonly stageUnit: "cases" | "flagged cases";
  readonly spanDays: number;
  readonly examinedDays: number;
  /** Examined days ÷ span days. */
  readonly timeFraction: number;
  /** Cases in the windows ÷ cases over the span (equals timeFraction when volume is uniform). */
  readonly caseFraction: number;
  readonly windows: readonly { readonly label: string; readonly period: string; readonly days: number }[];
  readonly unexamined: readonly { readonly period: string; readonly days: number }[];
  /** Stage cases outside the windows: whole when given, else an estimate (not necessarily whole). */
  readonly outsideStage: number;
  /** The volume profile as given: its rows and the cases they count (null without a profile). */
  readonly volumeProfile: { readonly periods: number; readonly cases: number } | null;
  /**
   * How the stage cases outside the windows are known: `given` (counted, as from a case file, or the cases
   * given when there is no screen), `flagRate` (estimated from the windows' flag rate applied to the cases
   * given outside them) or `perDay` (estimated from the windows' stage cases per day: no case counts).
   */
  readonly outsideStageBasis: OutsideStageBasis;
  /**
   * Stage cases per calendar month, and the share of each month examined; `estimated` when part of the
   * month lies outside the windows and the stage cases there are estimated, not given.
   */
  readonly profile: readonly {
    readonly month: string;
    readonly period: string;
    readonly stage: number;
    readonly examinedDays: number;
    readonly estimated: boolean;
  }[];
  /** Summary of the monthly stage cases (simple-statistics; population standard deviation). */
  readonly profileSummary: {
    readonly months: number;
    readonly mean: number;
    readonly median: number;
    readonly standardDeviation: number;
    readonly min: number;
    readonly max: number;
  };
}

export interface Assessment {
  readonly name: string;
  readonly description: string;
  readonly confidence: number;
  /**
   * 1 − confidence: the most often, over repeated random samples, that a bound at this confidence falls
   * short of the true count (two-sided, the two bounds together).
   */
  readonly nonCoverage: number;
  /**
   * The most often, over repeated random samples, that an upper bound at this confidence and sidedness
   * falls below the true count: α = 1 − confidence one-sided, (1 − confidence)/2 two-sided (the tail each
   * bound is computed at; a two-sided lower bound exceeds the true count at most as often).
   */
  readonly upperTail: number;
  readonly sided: Sided;
  readonly unit: string;
  readonly coverage: Coverage;
  /**
   * Whether the windows' rates differ more than chance allows (Pearson's chi-square); null with fewer than
   * two windows or a table with an empty column. A small p-value contradicts the constant-rate assumption.
   */
  readonly homogeneity: RateHomogeneity | null;
  /** Exact inference on the windows combined; null when nothing was reviewed. */
  readonly window: WindowFinding | null;
  readonly extrapolated: {
    readonly method: MethodId;
    /**
     * What the figures assume, by id (worded by report/): a constant rate and a random sample, and the
     * volume's spread over the span when `outsideVolumeBounds` is not null.
     */
    readonly assumptions: readonly AssumptionId[];
    /** Stage cases outside the windows, estimated from the volume profile. */
    readonly outsideVolume: number;
    /**
     * When `outsideVolume` is estimated from the windows' own count: the least and most stage cases outside
     * that count allows (exact binomial bounds, each with `riskShare` of the risk), over which the bounds
     * below are taken; else null.
     */
    readonly outsideVolumeBounds: (Bounds & { readonly riskShare: number }) | null;
    /** Stage cases not reviewed, in and out of the windows. */
    readonly unreviewed: number;
    /** Undetected affected cases everywhere not reviewed, in and out of the windows, under a constant rate. */
    readonly undetected: Interval;
    /** Affected cases outside the windows under a constant rate (all undetected: none was reviewed). */
    readonly outside: Interval;
    /** Confidence that at most `undetected` went undetected, for a range of counts (the prediction limit at every level). */
    readonly confidenceCurve: readonly { readonly undetected: number; readonly confidence: number }[];
  } | null;
  readonly sensitivity: {
    readonly method: MethodId;
    readonly rows: readonly DriftRow[];
    readonly materiality: number | null;
    readonly tippingPoint: number | null;
    /**
     * With a materiality: the largest θ the tipping point was searched to, when the counts beyond it exceed
     * 2^53 − 1 and the plausible range goes further; null when every plausible θ was searched.
     */
    readonly tippingPointSearchedTo: number | null;
  } | null;
  /**
   * Upper bounds if the review's selection was biased against affected cases, and the tipping bias; null
   * unless the scenario asks for them (`selectionBias` or `biasModel`), when nothing was reviewed, or when a
   * sensitivity is below 1.
   */
  readonly selectionBias: SelectionBias | null;
  readonly unrestricted: UnrestrictedRange;
  readonly detectionPower: DetectionPower;
  readonly adequatePlan: AdequatePlan;
  /**
   * The sample-size curve of the adequate plan's stratum with the most cases (the one that needs the
   * largest sample); null when no rate plan is reachable.
   */
  readonly sampleSizeCurve: StratumPlanCurve | null;
  /**
   * With no review yet: the bound a review of the adequate plan's size would give, one-sided, if it found
   * no affected case; null when a window was reviewed.
   */
  readonly ifNoneFound: CountInterval | null;
  /** The screen's elusion and recall, from elusion samples of the unflagged cases; null without one. */
  readonly screen: ScreenAssessment | null;
  /** What a reader should know besides the figures, each with its id (`{ id, text }`). */
  readonly warnings: readonly Warning[];
  /** The scenario assessed, in input form with every default written out (it reproduces the assessment). */
  readonly scenario: ScenarioRecord;
}

/**
 * How much could an investigation have missed? From a scenario (exposure span, case volume, examined
 * windows and what their reviews found, and stated assumptions): exact bounds in the windows, the
 * constant-rate extrapolation to the whole span with its drift sensitivity and tipping point, the
 * assumption-free range, detection power by temporal profile, and the review that would have been
 * adequate. Every number a presentation prints is a field here; the sentences that cite them are made
 * by `statements` (report/). Methods: docs/methods.md, "Investigation over a time span".
 *
 * @param input - a scenario object (see `scenarioSchema`); validated here
 * @throws {InputError} naming the field path for any invalid input
 * @example
 * assessInvestigation(examples["hmcts-sscs"]).window?.affected.upper; // 24
 */
export function assessInvestigation(input: unknown): Assessment {
  const scenario = normalizeScenario(input);
  const { span, confidence, sided } = scenario;
  const model = stageModel(scenario);
  const warnings: Warning[] = [];
  const warn = (id: WarningId, text: string) => warnings.push({ id, text });
  const screen = assessScreen(scenario);
  const sensitivity = {
    screening: screeningFromRecall(scenario, screen, warn) ?? scenario.screeningSensitivity,
    review: scenario.reviewSensitivity,
  };

  const spanDays = daysIn(span);
  // Whole counts of the outside cases are decided on exact fractions of the volume (see stageModel).
  const outsideStageExact = sum(model.gaps.map((g) => model.stageInExact(g)));
  const outsideStage = toNumber(outsideStageExact);
  const outsideStageWhole = ceilOf(outsideStageExact);
  const examinedDays = model.windows.reduce((sum, w) => sum + w.days, 0);
  const windowVolume = model.windows.reduce((sum, w) => sum + (model.casesIn(w.period) ?? w.days), 0);
  const monthly = calendarPeriods(span, "month").map(({ label, interval }) => {
    const examinedDays = model.windows.reduce((sum, w) => sum + overlapDays(w.period, interval), 0);
    return {
      month: label,
      period: formatInterval(interval),
      stage: model.stageIn(interval),
      examinedDays,
      estimated: model.outsideStageBasis !== "given" && examinedDays < daysIn(interval),
    };
  });
  const monthlyStage = monthly.map((m) => m.stage);
  const coverage: Coverage = {
    stageUnit: model.unit,
    spanDays,
    examinedDays,
    timeFraction: examinedDays / spanDays,
    caseFraction: windowVolume / (model.casesIn(span) ?? spanDays),
    windows: model.windows.map((w) => ({ label: w.label, period: formatInterval(w.period), days: w.days })),
    unexamined: model.gaps.map((g) => ({ period: formatInterval(g), days: daysIn(g) })),
    outsideStage,
    volumeProfile:
      scenario.volume === undefined
        ? null
        : {
            periods: scenario.volume.length,
            // Summed exactly; a profile counting more than 2⁵³ − 1 cases is refused when it is read.
            cases: toNumber(sum(scenario.volume.map((v) => wholeFraction(v.cases)))),
          },
    outsideStageBasis: model.outsideStageBasis,
    profile: monthly,
    profileSummary: {
      months: monthlyStage.length,
      mean: mean(monthlyStage),
      median: median(monthlyStage),
      standardDeviation: standardDeviation(monthlyStage),
      min: min(monthlyStage),
      max: max(monthlyStage),
    },
  };
  const homogeneity = rateHomogeneity(model.windows);
  if (homogeneity !== null && homogeneity.pValue < 1 - confidence) {
    warn(
      "rates-differ",
      messages.ratesDiffer(
        formatPrecision(homogeneity.statistic, 4),
        homogeneity.degreesOfFreedom,
        formatPrecision(homogeneity.pValue, 2),
        homogeneity.smallestExpected < 5,
      ),
    );
  }

  const outsideCases = floorOf(sum(model.gaps.flatMap((g) => model.casesInExact(g) ?? [])));
  const allCases = sensitivity.screening < 1;
  const unit = allCases ? "cases" : model.unit;

  for (const w of model.windows) {
    if (w.selection !== "random") {
      warn("not-shown-random", messages.notShownRandom(w.label, w.reviewed, w.selection));
    }
    if (w.casesProRated) {
      warn("cases-pro-rated", messages.casesProRated(w.label, Math.round(w.cases)));
    }
  }
  if (model.outsideStageBasis === "flagRate" && outsideStage > 0) {
    // Every window has its cases here: the flag rate is used only when case counts are known.
    const windowCases = model.windows
      .flatMap((w) => (w.cases === undefined ? [] : [w.cases]))
      .reduce((sum, cases) => sum + cases, 0);
    const windowStage = model.windows.reduce((sum, w) => sum + w.stage, 0);
    warn(
      "flagged-outside-estimated",
      messages.flaggedOutsideEstimated(
        formatDecimal(roundOf(outsideStageExact)),
        formatPercent(windowStage / windowCases),
      ),
    );
  }
  if (!model.casesKnown && model.windows.length > 0 && outsideStage > 0) {
    warn("no-case-volumes", messages.noCaseVolumes(model.unit, roundOf(outsideStageExact)));
  }

  const unrestricted = unrestrictedRange(
    model.windows,
    model.casesKnown ? outsideCases : outsideStageWhole,
    model.casesKnown ? "cases" : model.unit,
    confidence,
    sided,
    sensitivity,
  );
  if (!model.casesKnown && model.windows.length > 0) {
    warn("unrestricted-counts-stage-only", messages.unrestrictedCountsStageOnly(model.unit));
  }

  let window: WindowFinding | null = null;
  let extrapolated: Assessment["extrapolated"] = null;
  let sensitivityResult: Assessment["sensitivity"] = null;
  let selectionBiasResult: SelectionBias | null = null;
  if (model.windows.length > 0) {
    window = windowInference(model.windows, confidence, sided, sensitivity);
    if (window.beyondSensitivity) {
      warn("beyond-sensitivity", messages.beyondSensitivity(sensitivity.review, sensitivity.screening));
    }
    if (!window.decided) warn("joint-limit-undecided", messages.jointLimitUndecided());
    const stage = model.windows.reduce((sum, w) => sum + w.stage, 0);
    // The outside stage volume is estimated from the windows' own count when no case counts are given,
    // or when the flagged cases outside are the windows' flag rate applied to the cases there.
    const volumeEstimated = outsideStage > 0 && model.outsideStageBasis !== "given";
    const basis: ExtrapolationBasis = {
      windows: model.windows,
      outsideStage,
      outsideStageWhole,
      ...(volumeEstimated
        ? {
            outsideStageBounds: outsideVolumeBounds(stage, stage / (stage + outsideStage), confidence, sided),
          }
        : {}),
      limits: { total: unrestricted.total, outside: unrestricted.outside },
      confidence,
      sided,
      sensitivity,
    };
    const atOne = undetectedUnderDrift(basis, 1);
    const volumeBounds = basis.outsideStageBounds;
    extrapolated = {
      method: volumeBounds ? "prediction-limit-volume-bounded" : "prediction-limit",
      assumptions: volumeBounds
        ? ["constant-rate", "random-sample", "volume-spread"]
        : ["constant-rate", "random-sample"],
      outsideVolume: outsideStage,
      outsideVolumeBounds: volumeBounds
        ? { lower: volumeBounds.lower, upper: volumeBounds.upper, riskShare: VOLUME_RISK_SHARE }
        : null,
      unreviewed: stage - window.reviewed + outsideStageWhole,
      undetected: atOne.undetected,
      outside: outsideUnderConstantRate(basis),
      confidenceCurve: confidenceCurve(basis),
    };
    // A row whose counts exceed 2^53 − 1 is left out, with a note, rather than refuse the assessment.
    const beyond = scenario.drift.filter((theta) => !driftComputable(basis, theta));
    if (beyond.length > 0)
      warn(
        "drift-rows-beyond-count",
        messages.driftRowsBeyondCount(
          beyond,
          largestEffectiveVolume(basis) / (basis.outsideStageBounds?.upper ?? outsideStageWhole),
        ),
      );
    const rows = scenario.drift
      .filter((theta) => driftComputable(basis, theta))
      .map((theta) => undetectedUnderDrift(basis, theta));
    if (rows.some((r) => r.implausible)) {
      warn("drift-implausible", messages.driftImplausible());
    }
    if (rows.some((r) => r.saturated)) {
      warn("drift-saturated", messages.driftSaturated());
    }
    const tipping =
      scenario.materiality === undefined ? undefined : tippingPoint(basis, scenario.materiality);
    if (tipping?.searchedTo != null)
      warn("tipping-point-searched-to", messages.tippingPointSearchedTo(tipping.searchedTo));
    sensitivityResult = {
      method: "drift-prediction-limit",
      rows,
      materiality: scenario.materiality ?? null,
      tippingPoint: tipping?.drift ?? null,
      tippingPointSearchedTo: tipping?.searchedTo ?? null,
    };
    // Assessed only on request: each ω costs a noncentral bound search.
    const perfect = sensitivity.screening === 1 && sensitivity.review === 1;
    if (scenario.selectionBias !== null && perfect) {
      selectionBiasResult = selectionBias(
        {
          windows: model.windows,
          outsideStage,
          outsideCases: unrestricted.outside.upper,
          confidence,
          sided,
        },
        scenario.selectionBias,
        scenario.biasModel,
        scenario.materiality,
      );
    } else if (scenario.selectionBias !== null) {
      warn("selection-bias-needs-perfect-review", messages.selectionBiasNeedsPerfectReview());
    }
  }

  // The plan answers a stated question whose target does not move with the confidence: the tolerable
  // rate given, else the materiality as a share of the stage cases over the span, else the documented
  // default (an assumption, said in every output). The window's own upper bound is not a target: it
  // rises with the confidence and made the plan circular.
  const totalStageExact = model.stageInExact(span);
  const roundedStage = Math.max(1, roundOf(totalStageExact));
  const target: AdequatePlan["target"] =
    scenario.tolerable !== undefined
      ? "tolerable"
      : scenario.materiality !== undefined
        ? "materiality"
        : "default";
  const tolerable =
    scenario.tolerable !== undefined
      ? scenario.tolerable
      : scenario.materiality !== undefined
        ? Math.min(1, scenario.materiality / roundedStage)
        : DEFAULT_TOLERABLE;
  const expectedRate = window
    ? Math.min(1, window.found / window.reviewed / (sensitivity.screening * sensitivity.review))
    : 0;
  const plan = adequatePlan(model, span, {
    stratify: scenario.stratify,
    confidence,
    tolerable,
    target,
    materialityShare:
      target === "materiality" && scenario.materiality !== undefined
        ? { materiality: scenario.materiality, stageCases: roundedStage }
        : null,
    expectedRate,
    // D must count affected cases in the population the detection plan samples: the whole span's stage.
    ...detectionTarget(scenario.materiality, window, extrapolated, tolerable, ceilOf(totalStageExact)),
    sensitivity: sensitivity.screening * sensitivity.review,
  });
  if (plan.unreachableReason !== null) warn("rate-plan-unreachable", plan.unreachableReason);
  const extra = [scenario.materiality, window?.affected.upper, plan.detection.affected].filter(
    (t): t is number => t !== undefined,
  );
  const power = detectionPower(
    model,
    span,
    planDraws(span, scenario.stratify, plan),
    totalsGrid(roundOf(totalStageExact), extra),
    sensitivity.screening * sensitivity.review,
    // The total a sentence cites: the materiality when given, else the constant-rate estimate of the
    // affected cases over the span.
    window && extrapolated
      ? (scenario.materiality ?? Math.max(1, Math.round(extrapolated.undetected.estimate + window.found)))
      : null,
  );
  const population = plan.detection.population;

  return {
    name: scenario.name,
    description: scenario.description,
    confidence,
    nonCoverage: 1 - confidence,
    upperTail: tailProbability(confidence, sided),
    sided,
    unit,
    coverage,
    homogeneity,
    window,
    extrapolated,
    sensitivity: sensitivityResult,
    selectionBias: selectionBiasResult,
    unrestricted,
    detectionPower: power,
    adequatePlan: plan,
    // A rate plan is only drawn when one is reachable below a tolerable rate under 100%.
    sampleSizeCurve: plan.reachable && plan.tolerable < 1 ? stratumPlanCurve(plan) : null,
    ifNoneFound:
      window === null
        ? countInterval({
            found: 0,
            sample: Math.min(plan.total, population),
            population,
            confidence,
            sided: "upper",
          })
        : null,
    screen,
    warnings,
    scenario: scenarioToInput(scenario),
  };
}

/**
 * The detection plan's D and where it comes from, always over the whole span's stage cases (the plan's
 * population): the materiality when given; else the span-wide upper bound under a constant rate (cases
 * found plus the prediction limit on those undetected), not the window's own bound, which counts a
 * window's cases only; else, with no review, the tolerable rate times the stage cases.
 */
function detectionTarget(
  materiality: number | undefined,
  window: WindowFinding | null,
  extrapolated: Assessment["extrapolated"],
  tolerable: number,
  wholeStage: number,
): { detectAffected: number; detectAffectedSource: DetectionTargetSource } {
  if (materiality !== undefined) return { detectAffected: materiality, detectAffectedSource: "materiality" };
  if (window && extrapolated) {
    return {
      detectAffected: window.found + extrapolated.undetected.upper,
      detectAffectedSource: "constant-rate-bound",
    };
  }
  return {
    detectAffected: ceilTimes(wholeStage, tolerable),
    detectAffectedSource: "tolerable-rate",
  };
}

/**
 * With an elusion sample, the model-based figures use the lower bound on the screen's recall as the
 * screening sensitivity instead of an assumed one (a conservative plug-in: the recall bound and each
 * figure hold together with confidence at least 1 − 2α, by Bonferroni). Not possible when the bound is 0
 * or a window's case count is unknown (the cases the screen did not flag could not be counted); a
 * warning says so and the figures keep a sensitivity of 1.
 */
function screeningFromRecall(
  scenario: Scenario,
  screen: ScreenAssessment | null,
  warn: (id: WarningId, text: string) => void,
): number | undefined {
  if (screen === null || screen.recall.lower >= 1) return undefined;
  const knowsCases = scenario.cases !== undefined || scenario.volume !== undefined;
  if (screen.recall.lower <= 0) {
    warn("recall-unbounded", messages.recallUnbounded());
    return undefined;
  }
  if (!knowsCases && scenario.windows.some((w) => w.cases === undefined)) {
    warn("recall-cases-unknown", messages.recallCasesUnknown());
    return undefined;
  }
  return screen.recall.lower;
}

/** The adequate plan as draws per stratum, for its detection power. */
function planDraws(span: DayInterval, stratify: Scenario["stratify"], plan: AdequatePlan): PlannedDraw[] {
  return calendarPeriods(span, stratify).map(({ interval }, i) => {
    const stratum = plan.strata[i] as AdequatePlan["strata"][number];
    return { period: interval, stage: stratum.population, sample: stratum.sampleSize };
  });
}
