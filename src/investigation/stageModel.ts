import {
  add,
  divide,
  type Fraction,
  floorOf,
  multiply,
  ratio,
  roundOf,
  subtract,
  sum,
  toNumber,
  wholeFraction,
} from "../math/wholeCount.js";
import { type DayInterval, daysIn, overlapDays, uncovered } from "../scenario/calendar.js";
import type { Scenario, Selection, VolumeEntry } from "../scenario/scenario.js";
import { MAX_COUNT } from "../validation/checks.js";
import { InputError } from "../validation/InputError.js";
import { messages } from "../validation/messages.js";

/** How the stage cases outside the windows are known; see {@link StageModel.outsideStageBasis}. */
export type OutsideStageBasis = "given" | "flagRate" | "perDay";

/**
 * A window with its stage population resolved: with its cases when case counts are known (given, or
 * pro-rated from the volume), without them otherwise.
 */
export type StageWindow = StageWindowBase & (WindowCases | NoWindowCases);

/** A window's cases, when case counts are known. */
interface WindowCases {
  /** All cases in the window: given, or pro-rated from the volume (then not necessarily whole). */
  readonly cases: number;
  /** ⌊cases⌋, decided exactly (pro-rated cases that are 63 exactly are 63, not 62.999… in floating point). */
  readonly wholeCases: number;
  readonly casesProRated: boolean;
}

/** A window without case counts. */
interface NoWindowCases {
  readonly cases?: never;
  readonly wholeCases?: never;
  readonly casesProRated: false;
}

interface StageWindowBase {
  readonly label: string;
  readonly period: DayInterval;
  readonly days: number;
  /** The population the review sampled: flagged cases, else the window's cases (whole). */
  readonly stage: number;
  readonly reviewed: number;
  readonly found: number;
  readonly selection: Selection;
}

/**
 * How many cases, and how many stage cases (flagged, or all cases when there is no screening stage),
 * fall in any interval of the span.
 *
 * Volume: a profile (cases per period, uniform within each period), else the span's total spread
 * uniformly over its days, else unknown. Stage volume outside the windows: the flagged cases the profile
 * counts per period, when it does (a case file); else the windows' flag rate (flagged ÷ cases) times the
 * cases there; without case counts, the windows' stage count per day times the days (a uniform volume
 * assumption, stated in the output).
 */
export interface StageModel {
  readonly unit: "cases" | "flagged cases";
  readonly casesKnown: boolean;
  /**
   * Where the stage cases outside the windows come from: `given` (counted per period of the volume
   * profile, or, without a screen, the cases given), `flagRate` (estimated: the windows' flag rate applied
   * to the cases given there) or `perDay` (estimated: the windows' stage cases per day, no case counts).
   */
  readonly outsideStageBasis: OutsideStageBasis;
  readonly windows: readonly StageWindow[];
  readonly gaps: readonly DayInterval[];
  /** Cases in an interval; undefined when no case counts are given. */
  casesIn(interval: DayInterval): number | undefined;
  /** Cases in an interval as an exact fraction, for rounding to whole cases; undefined as `casesIn`. */
  casesInExact(interval: DayInterval): Fraction | undefined;
  /** Stage cases in an interval (estimated outside the windows). */
  stageIn(interval: DayInterval): number;
  /** Stage cases in an interval as an exact fraction, for rounding to whole cases. */
  stageInExact(interval: DayInterval): Fraction;
  /** Relative volume per day of the span (cases per day, or 1 per day when unknown). */
  readonly dailyVolume: Float64Array;
}

export function stageModel(scenario: Scenario): StageModel {
  const { span } = scenario;
  const spanDays = daysIn(span);
  const dailyVolume = new Float64Array(spanDays);
  let casesKnown = true;
  if (scenario.volume) {
    for (const entry of scenario.volume) {
      const perDay = entry.cases / daysIn(entry.period);
      for (let d = entry.period.start; d <= entry.period.end; d++) dailyVolume[d - span.start] = perDay;
    }
  } else if (scenario.cases !== undefined) {
    dailyVolume.fill(scenario.cases / spanDays);
  } else {
    casesKnown = false;
    dailyVolume.fill(1);
  }
  // Volumes are exact fractions (whole cases × days shared ÷ days of the period), so that whole counts are
  // decided exactly: 149 + 70 × 12/120 cases is 156, where summing per-day volumes gave 155.99999999999997.
  const volumeIn = (interval: DayInterval): Fraction => {
    if (scenario.volume) {
      return sum(
        scenario.volume.flatMap((entry) => {
          const shared = overlapDays(entry.period, interval);
          return shared === 0 ? [] : [ratio(BigInt(entry.cases) * BigInt(shared), daysIn(entry.period))];
        }),
      );
    }
    const days = overlapDays(span, interval);
    return scenario.cases === undefined
      ? wholeFraction(days)
      : ratio(BigInt(scenario.cases) * BigInt(days), spanDays);
  };
  const casesInExact = (interval: DayInterval) => (casesKnown ? volumeIn(interval) : undefined);
  const casesIn = (interval: DayInterval) => (casesKnown ? toNumber(volumeIn(interval)) : undefined);

  const spanVolume = toNumber(volumeIn(span));
  if (spanVolume > MAX_COUNT) {
    const field = scenario.volume ? "volume" : "cases";
    throw new InputError(field, messages.totalBeyondCount(spanVolume));
  }
  const windows: StageWindow[] = scenario.windows.map((w, i) => {
    const exact = w.cases === undefined ? casesInExact(w.period) : wholeFraction(w.cases);
    const cases = exact === undefined ? undefined : toNumber(exact);
    const stage = w.flagged ?? roundOf(exact as Fraction);
    if (w.flagged === undefined && w.cases === undefined && cases !== undefined && w.reviewed > stage) {
      // Named here, where the pro-rating is known, rather than as the count bound's sample > population.
      throw new InputError(
        `windows[${i}].reviewed`,
        messages.reviewedBeyondProRated(w.reviewed, stage, `windows[${i}].cases`),
      );
    }
    const counts =
      exact === undefined
        ? { casesProRated: false as const }
        : { cases: toNumber(exact), wholeCases: floorOf(exact), casesProRated: w.cases === undefined };
    return {
      label: w.label,
      period: w.period,
      days: daysIn(w.period),
      ...counts,
      stage,
      reviewed: w.reviewed,
      found: w.found,
      selection: w.selection,
    };
  });
  const screened = scenario.windows.some((w) => w.flagged !== undefined);
  const windowStage = windows.reduce((sum, w) => sum + w.stage, 0);
  // Stage cases per unit of volume, from the windows: the flag rate when cases are known (1 without a
  // screen), else stage cases per day.
  const windowVolume = sum(
    scenario.windows.map((w) =>
      casesKnown && w.cases !== undefined ? wholeFraction(w.cases) : volumeIn(w.period),
    ),
  );
  // Without a screen every case is a stage case, outside the windows as well: the rate is exactly 1, not
  // the windows' whole-numbered stage over their pro-rated (fractional) cases.
  const stagePerVolume =
    windows.length === 0 || (casesKnown && !screened)
      ? wholeFraction(1)
      : divide(wholeFraction(windowStage), windowVolume);
  // The volume profile when it counts the flagged cases of every period (and there is a screen).
  const flaggedVolume = screened && scenario.volume?.every(countsFlagged) ? scenario.volume : undefined;
  const flaggedCounted = flaggedVolume !== undefined;
  const outsideStageBasis: OutsideStageBasis = flaggedCounted
    ? "given"
    : !casesKnown
      ? "perDay"
      : screened && windows.length > 0
        ? "flagRate"
        : "given";
  // The profile's flagged counts, spread evenly over each period's days; the windows agree with them
  // (normalizeScenario checks), so they are used inside the windows too. Summed per period, so that
  // whole periods give whole counts exactly.
  const flaggedIn = (volume: readonly FlaggedVolumeEntry[], interval: DayInterval): Fraction =>
    sum(
      volume.flatMap((entry) => {
        const shared = overlapDays(entry.period, interval);
        return shared === 0 ? [] : [ratio(BigInt(entry.flagged) * BigInt(shared), daysIn(entry.period))];
      }),
    );
  const stageInExact = (interval: DayInterval): Fraction => {
    if (flaggedVolume !== undefined) return flaggedIn(flaggedVolume, interval);
    const inside: Fraction[] = [];
    const insideVolume: Fraction[] = [];
    for (const w of windows) {
      const shared = overlapDays(w.period, interval);
      if (shared === 0) continue;
      inside.push(ratio(BigInt(w.stage) * BigInt(shared), w.days));
      insideVolume.push(
        volumeIn({
          start: Math.max(w.period.start, interval.start),
          end: Math.min(w.period.end, interval.end),
        }),
      );
    }
    return add(sum(inside), multiply(stagePerVolume, subtract(volumeIn(interval), sum(insideVolume))));
  };
  return {
    unit: screened ? "flagged cases" : "cases",
    casesKnown,
    outsideStageBasis,
    windows,
    gaps: uncovered(
      span,
      windows.map((w) => w.period),
    ),
    casesIn,
    casesInExact,
    stageIn: (interval: DayInterval) => toNumber(stageInExact(interval)),
    stageInExact,
    dailyVolume,
  };
}

/** A period of the volume profile that counts its flagged cases. */
type FlaggedVolumeEntry = VolumeEntry & { readonly flagged: number };

function countsFlagged(entry: VolumeEntry): entry is FlaggedVolumeEntry {
  return entry.flagged !== undefined;
}
