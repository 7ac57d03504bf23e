import type { TopLevelSpec } from "vega-lite";
import type { PlanCurve } from "../planning/planCurve.js";
import { formatConfidence, formatCount, formatPercent } from "../text/format.js";
import { type ChartOptions, frame, PALETTE, SHADES } from "./theme.js";

export interface SampleSizeChartOptions extends ChartOptions {
  /**
   * Which population the plan is for, in words ("2020, the largest year"); stated in the title so that a
   * reader knows which cases the sample is drawn from.
   */
  readonly populationLabel?: string;
}

/**
 * Upper bound against sample size for a given number found, with the tolerable rate and the required n marked.
 *
 * @example
 * sampleSizeChart(planCurve({ model: "binomial", tolerable: 0.05 })).$schema; // "https://vega.github.io/schema/vega-lite/v6.json"
 */
export function sampleSizeChart(curve: PlanCurve, options: SampleSizeChartOptions = {}): TopLevelSpec {
  const { plan, found } = curve;
  const c = formatConfidence(plan.confidence);
  const required = curve.points.find((p) => p.sample === plan.sampleSize);
  const tolerable = formatPercent(plan.tolerable);
  const affected = `${formatCount(found)} affected ${found === 1 ? "case is" : "cases are"} found`;
  const from = plan.population === undefined ? "" : ` of ${formatCount(plan.population)} cases`;
  const drawnFrom =
    plan.population === undefined
      ? []
      : [
          `Drawn at random from ${options.populationLabel === undefined ? "" : `${options.populationLabel}: `}${formatCount(plan.population)} cases`,
        ];
  const model =
    plan.model === "hypergeometric"
      ? "exact hypergeometric"
      : plan.model === "binomial"
        ? "Clopper–Pearson, binomial"
        : "exact Poisson";
  const meaning =
    plan.ruledOut === undefined || plan.population === undefined
      ? `below ${tolerable} means the rate of affected cases is shown to be under ${tolerable}`
      : `below ${tolerable} means fewer than ${formatCount(plan.ruledOut)} of the ${formatCount(plan.population)} cases are affected`;
  return {
    ...frame(
      `The ${c} one-sided upper bound on the rate against the number of cases reviewed, if ${affected}${from}; reviewing ${formatCount(plan.sampleSize)} brings it below ${tolerable}.`,
      `Review ${formatCount(plan.sampleSize)}${from} to show the rate is below ${tolerable}`,
      [
        ...drawnFrom,
        `Blue: ${c} one-sided upper bound on the rate if ${affected} in the sample (${model})`,
        `Orange line: the target, ${tolerable}; ${meaning}`,
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
        mark: { type: "rule", color: SHADES.orangeLine, strokeWidth: 2 },
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
            mark: { type: "point", filled: true, size: 80, color: PALETTE[2], opacity: 1 },
            encoding: {
              x: { field: "sample", type: "quantitative" },
              y: { field: "upper", type: "quantitative" },
            },
          },
          {
            mark: {
              type: "text",
              align: "left",
              dx: 8,
              dy: -10,
              fontWeight: "bold",
              color: SHADES.greenText,
            },
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
