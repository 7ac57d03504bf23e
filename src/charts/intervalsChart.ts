import type { TopLevelSpec } from "vega-lite";
import type { IntervalComparison } from "../intervals/compareIntervals.js";
import { methodName } from "../methods/methodRegistry.js";
import { describeSided, formatConfidence, formatCount } from "../text/format.js";
import { type ChartOptions, frame, labelLimit, PALETTE, SHADES, wrap } from "./theme.js";

/** Line break inside a method's axis label (the axis splits on it: see labelExpr below). */
const BREAK = "\n";

/**
 * Forest plot: the same data under every interval method, so that a reader sees where they disagree.
 *
 * @example
 * intervalsChart(compareIntervals({ found: 1, sample: 109, population: 609 })).$schema; // "https://vega.github.io/schema/vega-lite/v6.json"
 */
export function intervalsChart(comparison: IntervalComparison, options: ChartOptions = {}): TopLevelSpec {
  const c = formatConfidence(comparison.confidence);
  const limit = labelLimit(options, 0.45);
  // A long name with its citation ("Jeffreys equal-tailed (Brown, Cai & DasGupta 2001)") is wider than the
  // label column: wrapped onto lines that fit (11 px DejaVu Sans averages about 0.6 em a character), it is
  // shown whole instead of cut short with "…".
  const perLine = Math.max(16, Math.floor(limit / (11 * 0.6)));
  const exact = new Set(["clopper-pearson", "hypergeometric"]);
  const rows = comparison.intervals.map((r) => ({
    method: methodName(r.method),
    label: wrap(methodName(r.method), perLine).join(BREAK),
    kind: exact.has(r.method) ? "exact" : "approximate or Bayesian",
    estimate: r.estimate,
    lower: r.lower,
    upper: r.upper,
    note: r.warnings.map((w) => w.text).join(" "),
  }));
  const population = comparison.population === undefined ? "" : ` of ${formatCount(comparison.population)}`;
  return {
    ...frame(
      `Interval on the rate of affected cases from ${comparison.found} found in ${comparison.sample}${population}, by ${rows.length} methods, ${c} ${describeSided(comparison.sided)}.`,
      `${formatCount(comparison.found)} found in ${formatCount(comparison.sample)}${population}: the rate by every method`,
      [
        `${c} ${describeSided(comparison.sided)} intervals; dot: estimate; exact: coverage at least ${c}`,
        "Wald is shown for comparison only: it misleads at or near 0 found",
      ],
      { height: 32 * rows.length + 190, ...options },
    ),
    // Room right of the plot for the label of an interval that ends at its edge ("100.00%" at 10 px).
    padding: { left: 5, top: 5, bottom: 5, right: 56 },
    data: { values: rows },
    encoding: {
      y: {
        field: "label",
        type: "nominal",
        title: null,
        sort: null,
        axis: { labelLimit: limit, labelExpr: `split(datum.label, ${JSON.stringify(BREAK)})` },
      },
      color: {
        field: "kind",
        type: "nominal",
        title: null,
        scale: { domain: ["exact", "approximate or Bayesian"], range: [SHADES.orangeLine, PALETTE[0]] },
        legend: { labelLimit: labelLimit(options, 0.45) },
      },
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
        // Near-black at full opacity: the chart's colour encoding would paint the dot as its rule.
        mark: { type: "point", filled: true, size: 70, opacity: 1 },
        encoding: { color: { value: SHADES.ink }, x: { field: "estimate", type: "quantitative" } },
      },
      {
        mark: { type: "text", align: "left", dx: 6, fontSize: 10 },
        // Near-black, not the interval's colour: text needs 4.5:1 on white, which the orange lacks.
        encoding: {
          color: { value: SHADES.ink },
          x: { field: "upper", type: "quantitative" },
          text: { field: "upper", type: "quantitative", format: ".2%" },
        },
      },
    ],
  } as TopLevelSpec;
}
