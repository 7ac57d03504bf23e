import { type DayInterval, daysIn, overlapDays, uncovered } from "../scenario/calendar.js";
import type { Scenario, Selection } from "../scenario/scenario.js";
import { MAX_COUNT } from "../validation/checks.js";
import { InputError } from "../validation/InputError.js";
import { messages } from "../validation/messages.js";

/** How the stage cases outside the windows are known; see {@link StageModel.outsideStageBasis}. */
export type OutsideStageBasis = "given" | "flagRate" | "perDay";

/** A window with its stage population resolved. */
export interface StageWindow {
  readonly label: string;
  readonly period: DayInterval;
  readonly days: number;
  /** All cases in the window: given, or pro-rated from the volume (then not necessarily whole). */
  readonly cases?: number;
  readonly casesProRated: boolean;
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
  /** Stage cases in an interval (estimated outside the windows). */
  stageIn(interval: DayInterval): number;
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
  const prefix = new Float64Array(spanDays + 1);
  for (let d = 0; d < spanDays; d++) prefix[d + 1] = (prefix[d] as number) + (dailyVolume[d] as number);
  const volumeIn = (interval: DayInterval) =>
    (prefix[interval.end - span.start + 1] as number) - (prefix[interval.start - span.start] as number);
  const casesIn = (interval: DayInterval) => (casesKnown ? volumeIn(interval) : undefined);

  if (volumeIn(span) > MAX_COUNT) {
    const field = scenario.volume ? "volume" : "cases";
    throw new InputError(field, messages.totalBeyondCount(volumeIn(span)));
  }
  const windows: StageWindow[] = scenario.windows.map((w, i) => {
    const cases = w.cases ?? casesIn(w.period);
    const stage = w.flagged ?? Math.round(cases as number);
    if (w.flagged === undefined && w.cases === undefined && cases !== undefined && w.reviewed > stage) {
      // Named here, where the pro-rating is known, rather than as the count bound's sample > population.
      throw new InputError(
        `windows[${i}].reviewed`,
        messages.reviewedBeyondProRated(w.reviewed, stage, `windows[${i}].cases`),
      );
    }
    return {
      label: w.label,
      period: w.period,
      days: daysIn(w.period),
      ...(cases === undefined ? {} : { cases }),
      casesProRated: w.cases === undefined && cases !== undefined,
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
  const windowVolume = windows.reduce((sum, w) => sum + (casesKnown ? (w.cases as number) : w.days), 0);
  // Without a screen every case is a stage case, outside the windows as well: the rate is exactly 1, not
  // the windows' whole-numbered stage over their pro-rated (fractional) cases.
  const stagePerVolume = windows.length === 0 || (casesKnown && !screened) ? 1 : windowStage / windowVolume;
  const flaggedCounted = scenario.volume?.every((v) => v.flagged !== undefined) === true && screened;
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
  const flaggedIn = (interval: DayInterval) =>
    (scenario.volume ?? []).reduce((sum, entry) => {
      const shared = overlapDays(entry.period, interval);
      if (shared === 0) return sum;
      const days = daysIn(entry.period);
      return (
        sum + (shared === days ? (entry.flagged as number) : ((entry.flagged as number) * shared) / days)
      );
    }, 0);
  const stageIn = (interval: DayInterval) => {
    if (flaggedCounted) return flaggedIn(interval);
    let inside = 0;
    let insideVolume = 0;
    for (const w of windows) {
      const shared = overlapDays(w.period, interval);
      if (shared === 0) continue;
      inside += (w.stage * shared) / w.days;
      insideVolume += volumeIn({
        start: Math.max(w.period.start, interval.start),
        end: Math.min(w.period.end, interval.end),
      });
    }
    return inside + stagePerVolume * (volumeIn(interval) - insideVolume);
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
    stageIn,
    dailyVolume,
  };
}
