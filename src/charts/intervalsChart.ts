import type { TopLevelSpec } from "vega-lite";
import type { IntervalComparison } from "../intervals/compareIntervals.js";
import { methodName } from "../report/methodNames.js";
import { describeSided, formatConfidence, formatCount } from "../text/format.js";
import { type ChartOptions, frame, PALETTE } from "./theme.js";

/** Forest plot: the same data under every interval method, so that a reader sees where they disagree. */
export function intervalsChart(comparison: IntervalComparison, options: ChartOptions = {}): TopLevelSpec {
  const c = formatConfidence(comparison.confidence);
  const exact = new Set(["clopper-pearson", "hypergeometric"]);
  const rows = comparison.intervals.map((r) => ({
    method: methodName(r.method),
    kind: exact.has(r.method) ? "exact (coverage at least the confidence)" : "approximate or Bayesian",
    estimate: r.estimate,
    lower: r.lower,
    upper: r.upper,
    note: r.warnings.join(" "),
  }));
  const population = comparison.population === undefined ? "" : ` of ${formatCount(comparison.population)}`;
  return {
    ...frame(
      `Interval on the rate of affected cases from ${comparison.found} found in ${comparison.sample}${population}, by ${rows.length} methods, ${c} ${describeSided(comparison.sided)}.`,
      `${formatCount(comparison.found)} found in ${formatCount(comparison.sample)}${population}: the rate by every method`,
      [
        `${c} ${describeSided(comparison.sided)} intervals; dot: estimate`,
        "Wald is shown for comparison only: it misleads at or near 0 found",
      ],
      { height: 32 * rows.length + 190, ...options },
    ),
    data: { values: rows },
    encoding: {
      y: { field: "method", type: "nominal", title: null, sort: null, axis: { labelLimit: 480 } },
      color: { field: "kind", type: "nominal", title: null, scale: { range: [PALETTE[0], PALETTE[1]] } },
    },
    layer: [
      {
        mark: { type: "rule", strokeWidth: 3 },
        encoding: {
          x: {
            field: "lower",
            type: "quantitative",
            title: "Rate of affected cases",
            axis: { format: ".1%" },
          },
          x2: { field: "upper" },
          tooltip: [
            { field: "method", title: "Method" },
            { field: "lower", title: "Lower", format: ".3%" },
            { field: "estimate", title: "Estimate", format: ".3%" },
            { field: "upper", title: "Upper", format: ".3%" },
            { field: "note", title: "Note" },
          ],
        },
      },
      {
        mark: { type: "point", filled: true, size: 70, color: "#222" },
        encoding: { x: { field: "estimate", type: "quantitative" } },
      },
      {
        mark: { type: "text", align: "left", dx: 6, fontSize: 10 },
        encoding: {
          x: { field: "upper", type: "quantitative" },
          text: { field: "upper", type: "quantitative", format: ".2%" },
        },
      },
    ],
  } as TopLevelSpec;
}
