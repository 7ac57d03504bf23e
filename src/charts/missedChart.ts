import type { TopLevelSpec } from "vega-lite";
import type { Assessment } from "../investigation/assessInvestigation.js";
import { methodName } from "../methods/methodRegistry.js";
import { drawnAtRandom } from "../text/drawnAtRandom.js";
import { formatConfidence, roundDecimals, sidedWord } from "../text/format.js";
import { formatDecimal } from "../text/formatDecimal.js";
import { messages } from "../validation/messages.js";
import { boundWhiskers, type ChartOptions, frame, PALETTE, partRows } from "./theme.js";

export interface MissedChartOptions extends ChartOptions {
  /** Logarithmic count axis (default true when the largest value is over 100 times the smallest). */
  readonly log?: boolean;
}

/**
 * Where undetected impact could be: the cases found; undetected in the windows (exact bound);
 * undetected outside under a constant rate (prediction limit); and the assumption-free maximum.
 * Estimates as bars, upper bounds as whiskers; the assumption-free maximum, which has no estimate, as an
 * open range from its lower to its upper end, never as a bar.
 *
 * @example
 * missedChart(assessInvestigation(examples["hmcts-sscs"])).$schema; // "https://vega.github.io/schema/vega-lite/v6.json"
 */
export function missedChart(a: Assessment, options: MissedChartOptions = {}): TopLevelSpec {
  if (a.window === null || a.extrapolated === null) {
    throw new RangeError(messages.needsReviewedWindow("missedChart"));
  }
  const c = formatConfidence(a.confidence);
  const rows = [
    {
      part: "Found by the review",
      estimate: a.window.found,
      lower: a.window.found,
      upper: a.window.found,
      basis: "observed",
      drawn: "estimate",
    },
    {
      part: "Undetected in the window",
      estimate: roundDecimals(a.window.undetected.estimate, 1),
      lower: a.window.undetected.lower,
      upper: a.window.undetected.upper,
      basis: methodName(a.window.method),
      drawn: "estimate",
    },
    {
      part: "Undetected outside the window, constant rate",
      estimate: roundDecimals(a.extrapolated.outside.estimate, 1),
      lower: a.extrapolated.outside.lower,
      upper: a.extrapolated.outside.upper,
      basis: methodName(a.extrapolated.method),
      drawn: "estimate",
    },
    {
      part: "Outside the window, no assumption (range)",
      estimate: null,
      lower: a.unrestricted.outside.lower,
      upper: a.unrestricted.outside.upper,
      basis: methodName(a.unrestricted.method),
      drawn: "range",
    },
  ] as {
    part: string;
    estimate: number | null;
    lower: number;
    upper: number;
    basis: string;
    drawn: string;
  }[];
  const range = `${formatDecimal(a.unrestricted.outside.lower)} to ${formatDecimal(a.unrestricted.outside.upper)}`;
  const positive = rows.flatMap((r) => [r.estimate ?? 0, r.upper]).filter((v) => v > 0);
  const log = options.log ?? Math.max(...positive) > 100 * Math.min(...positive);
  const scale = log ? { type: "symlog" as const, constant: 1 } : { type: "linear" as const };
  const top = Math.max(...positive);
  const ticks = log
    ? [0, ...[1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000].filter((t) => t <= top * 1.5)]
    : undefined;
  // One-sided: the whisker runs from the estimate to the upper bound; two-sided: from lower to upper. The
  // rows keep the result's own lower bound for the tooltips.
  const data = rows.map((row) => ({
    ...row,
    whiskerFrom: a.sided === "upper" && row.estimate !== null ? row.estimate : row.lower,
  }));
  return {
    ...frame(
      `Affected cases found, and undetected ones that could remain in and outside the review window of ${a.name}, with ${c} ${sidedWord(a.sided)} upper bounds.`,
      `${a.name}: where undetected impact could be`,
      [
        `Bars: estimates; whiskers: ${c} ${sidedWord(a.sided)} upper bounds (window: ${methodName(a.window.method)}; outside: ${methodName(a.extrapolated.method)}, assuming a constant rate)`,
        `Window: ${drawnAtRandom(a.window.reviewed, a.scenario)}, at most ${formatDecimal(a.window.affected.upper)} of ${formatDecimal(a.window.population)} ${a.unit} affected, ${formatDecimal(a.window.undetected.upper)} not detected`,
        `Dashed outline: with no assumption about the rest of the period, anything from ${range} is possible; it has no estimate`,
      ],
      options,
    ),
    ...partRows(data, options),
    layer: [
      {
        transform: [{ filter: "datum.drawn === 'range'" }],
        mark: {
          type: "bar",
          color: "#f2f2f2",
          stroke: "#555",
          strokeDash: [4, 3],
          strokeWidth: 1.5,
          height: { band: 0.55 },
        },
        encoding: {
          x: { field: "lower", type: "quantitative" },
          x2: { field: "upper" },
          tooltip: [
            { field: "part", title: "Where" },
            { field: "lower", title: "From", format: ",d" },
            { field: "upper", title: "To", format: ",d" },
            { field: "basis", title: "Method" },
          ],
        },
      },
      {
        transform: [{ filter: "datum.drawn === 'estimate'" }],
        mark: { type: "bar", color: PALETTE[0], opacity: 0.8, height: { band: 0.55 } },
        encoding: {
          x: {
            field: "estimate",
            type: "quantitative",
            // Bars on a log axis are not read by length: the title says which axis it is.
            title: `${a.unit.charAt(0).toUpperCase()}${a.unit.slice(1)} (count${log ? ", log scale" : ""})`,
            scale,
            axis: ticks ? { format: ",d", values: ticks } : { format: ",d" },
          },
          tooltip: [
            { field: "part", title: "Where" },
            { field: "estimate", title: "Estimate", format: ",.1f" },
            { field: "upper", title: `Upper bound (${c})`, format: ",d" },
            { field: "basis", title: "Method" },
          ],
        },
      },
      ...boundWhiskers([{ filter: "datum.drawn === 'estimate'" }]),
      {
        transform: [
          { filter: "datum.drawn === 'range'" },
          { calculate: `"${range}: no estimate"`, as: "label" },
        ],
        mark: { type: "text", align: "left", dx: 8, fontSize: 11 },
        encoding: {
          x: { field: "lower", type: "quantitative" },
          text: { field: "label" },
        },
      },
    ],
  } as TopLevelSpec;
}
