import type { TopLevelSpec } from "vega-lite";
import type { Assessment } from "../investigation/assessInvestigation.js";
import { formatConfidence, sidedWord } from "../text/format.js";
import { formatDecimal } from "../text/formatDecimal.js";
import { type ChartOptions, frame, PALETTE } from "./theme.js";

export interface MissedChartOptions extends ChartOptions {
  /** Logarithmic count axis (default true when the largest value is over 100 times the smallest). */
  readonly log?: boolean;
}

/**
 * Where undetected impact could be: the cases found; undetected in the windows (exact bound);
 * undetected outside under a constant rate (prediction limit); and the assumption-free maximum.
 * Estimates as bars, upper bounds as whiskers.
 */
export function missedChart(a: Assessment, options: MissedChartOptions = {}): TopLevelSpec {
  if (a.window === null || a.extrapolated === null) {
    throw new RangeError("missedChart needs an assessment with at least one reviewed window");
  }
  const c = formatConfidence(a.confidence);
  const rows = [
    {
      part: "Found by the review",
      estimate: a.window.found,
      lower: a.window.found,
      upper: a.window.found,
      basis: "observed",
    },
    {
      part: "Undetected in the window",
      estimate: round(a.window.undetected.estimate),
      lower: a.window.undetected.lower,
      upper: a.window.undetected.upper,
      basis: "exact hypergeometric",
    },
    {
      part: "Undetected outside the window, constant rate",
      estimate: round(a.extrapolated.outside.estimate),
      lower: a.extrapolated.outside.lower,
      upper: a.extrapolated.outside.upper,
      basis: "Thatcher prediction limit",
    },
    {
      part: "Outside the window, no assumption (maximum)",
      estimate: a.unrestricted.outside.upper,
      lower: a.unrestricted.outside.lower,
      upper: a.unrestricted.outside.upper,
      basis: "assumption-free",
    },
  ];
  const positive = rows.flatMap((r) => [r.estimate, r.upper]).filter((v) => v > 0);
  const log = options.log ?? Math.max(...positive) > 100 * Math.min(...positive);
  const scale = log ? { type: "symlog" as const, constant: 1 } : { type: "linear" as const };
  const top = Math.max(...positive);
  const ticks = log
    ? [0, ...[1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000].filter((t) => t <= top * 1.5)]
    : undefined;
  // One-sided: the whisker runs from the estimate to the upper bound; two-sided: from lower to upper.
  for (const row of rows) if (a.sided === "upper") row.lower = Math.min(row.estimate, row.upper);
  return {
    ...frame(
      `Affected cases found, and undetected ones that could remain in and outside the review window of ${a.name}, with ${c} ${sidedWord(a.sided)} upper bounds.`,
      `${a.name}: where undetected impact could be`,
      [
        `Bars: estimates; whiskers: ${c} ${sidedWord(a.sided)} upper bounds (window: exact hypergeometric; outside: Thatcher prediction limit)`,
        `Window: at most ${formatDecimal(a.window.affected.upper)} of ${formatDecimal(a.window.population)} ${a.unit} affected, ${formatDecimal(a.window.undetected.upper)} not detected; outside counts assume a constant rate unless marked "no assumption"`,
      ],
      options,
    ),
    data: { values: rows },
    encoding: {
      y: { field: "part", type: "nominal", title: null, sort: null, axis: { labelLimit: 400 } },
    },
    layer: [
      {
        mark: { type: "bar", color: PALETTE[0], opacity: 0.8, height: { band: 0.55 } },
        encoding: {
          x: {
            field: "estimate",
            type: "quantitative",
            title: `${a.unit.charAt(0).toUpperCase()}${a.unit.slice(1)} (count)`,
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
      {
        mark: { type: "rule", color: "#222", strokeWidth: 2 },
        encoding: { x: { field: "lower", type: "quantitative" }, x2: { field: "upper" } },
      },
      {
        mark: { type: "tick", color: "#222", thickness: 2, size: 14 },
        encoding: { x: { field: "upper", type: "quantitative" } },
      },
      {
        mark: { type: "text", align: "left", dx: 6, fontSize: 11 },
        encoding: {
          x: { field: "upper", type: "quantitative" },
          text: { field: "upper", type: "quantitative", format: ",d" },
        },
      },
    ],
  } as TopLevelSpec;
}

function round(x: number): number {
  return Math.round(x * 10) / 10;
}
