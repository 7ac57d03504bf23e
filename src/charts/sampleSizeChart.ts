import type { TopLevelSpec } from "vega-lite";
import type { PlanCurve } from "../planning/planCurve.js";
import { formatConfidence, formatCount, formatPercent } from "../text/format.js";
import { type ChartOptions, frame, PALETTE } from "./theme.js";

/** Upper bound against sample size for a given number found, with the tolerable rate and the required n marked. */
export function sampleSizeChart(curve: PlanCurve, options: ChartOptions = {}): TopLevelSpec {
  const { plan } = curve;
  const c = formatConfidence(plan.confidence);
  const found = Math.ceil(plan.allowed - 1e-9);
  const required = curve.points.find((p) => p.sample === plan.sampleSize);
  const population = plan.population === undefined ? "" : ` from ${formatCount(plan.population)} cases`;
  return {
    ...frame(
      `The ${c} one-sided upper bound on the rate against the sample size when ${found} affected ${found === 1 ? "is" : "are"} found${population}; the plan needs ${plan.sampleSize} to bring it below ${formatPercent(plan.tolerable)}.`,
      `Sample size: ${formatCount(plan.sampleSize)} cases${population} to rule out ${formatPercent(plan.tolerable)}`,
      [
        `${c} one-sided upper bound if ${formatCount(found)} affected ${found === 1 ? "is" : "are"} found — ${plan.method}`,
        `Orange line: tolerable rate ${formatPercent(plan.tolerable)}`,
      ],
      options,
    ),
    layer: [
      {
        data: { values: curve.points },
        mark: { type: "line", color: PALETTE[0], strokeWidth: 2 },
        encoding: {
          x: {
            field: "sample",
            type: "quantitative",
            title: "Cases reviewed (sample size)",
            axis: { format: ",d" },
          },
          y: {
            field: "upper",
            type: "quantitative",
            title: "Upper bound on the rate",
            axis: { format: ".1%" },
          },
          tooltip: [
            { field: "sample", title: "Sample size", format: "," },
            { field: "upper", title: "Upper bound", format: ".3%" },
          ],
        },
      },
      {
        data: { values: [{ tolerable: plan.tolerable }] },
        mark: { type: "rule", color: PALETTE[1], strokeWidth: 2 },
        encoding: { y: { field: "tolerable", type: "quantitative" } },
      },
      {
        data: {
          values: [
            {
              sample: plan.sampleSize,
              upper: required?.upper ?? plan.achievedUpper,
              label: `n = ${formatCount(plan.sampleSize)}`,
            },
          ],
        },
        layer: [
          {
            mark: { type: "rule", color: PALETTE[2], strokeDash: [4, 3] },
            encoding: { x: { field: "sample", type: "quantitative" } },
          },
          {
            mark: { type: "point", filled: true, size: 80, color: PALETTE[2] },
            encoding: {
              x: { field: "sample", type: "quantitative" },
              y: { field: "upper", type: "quantitative" },
            },
          },
          {
            mark: { type: "text", align: "left", dx: 8, dy: -10, fontWeight: "bold", color: PALETTE[2] },
            encoding: {
              x: { field: "sample", type: "quantitative" },
              y: { field: "upper", type: "quantitative" },
              text: { field: "label" },
            },
          },
        ],
      },
    ],
  } as TopLevelSpec;
}
