import type { TopLevelSpec } from "vega-lite";
import type { Assessment } from "../investigation/assessInvestigation.js";
import { drawnAtRandom } from "../text/drawnAtRandom.js";
import { formatConfidence, formatCount } from "../text/format.js";
import { messages } from "../validation/messages.js";
import { type ChartOptions, frame, PALETTE, SHADES } from "./theme.js";

/**
 * The confidence distribution of the undetected count under a constant rate: for each count, the
 * confidence with which at most that many went undetected. The stated bound is where it crosses the
 * stated confidence.
 *
 * @example
 * confidenceCurveChart(assessInvestigation(examples["hmcts-sscs"])).$schema; // "https://vega.github.io/schema/vega-lite/v6.json"
 */
export function confidenceCurveChart(a: Assessment, options: ChartOptions = {}): TopLevelSpec {
  const e = a.extrapolated;
  if (e === null) throw new RangeError(messages.needsReviewedWindow("confidenceCurveChart"));
  const c = formatConfidence(a.confidence);
  const reviewed = a.window?.reviewed ?? null;
  return {
    ...frame(
      `Confidence that at most a given number of affected cases went undetected in ${a.name}, under a constant rate; at ${c}, at most ${e.undetected.upper}.`,
      `${a.name}: how many could have been missed, at every confidence level`,
      [
        a.sided === "two"
          ? `Confidence of the two-sided range whose upper end is that many undetected (Thatcher prediction limit, constant rate)`
          : `Confidence that at most that many went undetected (Thatcher prediction limit, constant rate)`,
        `At ${c}, ${reviewed === null ? "" : `${drawnAtRandom(reviewed, a.scenario)}: `}at most ${formatCount(e.undetected.upper)} undetected among ${formatCount(e.unreviewed)} unreviewed ${a.unit}`,
      ],
      options,
    ),
    layer: [
      {
        data: { values: e.confidenceCurve.map((p) => ({ ...p })) },
        mark: { type: "line", interpolate: "step-after", color: PALETTE[0], strokeWidth: 2 },
        encoding: {
          x: {
            field: "undetected",
            type: "quantitative",
            title: "Undetected affected cases, at most",
            axis: { format: ",d" },
          },
          y: {
            field: "confidence",
            type: "quantitative",
            title: "Confidence",
            axis: { format: ".0%" },
            scale: { domain: [0, 1] },
          },
          tooltip: [
            { field: "undetected", title: "At most", format: "," },
            { field: "confidence", title: "Confidence", format: ".2%" },
          ],
        },
      },
      {
        data: {
          values: [
            {
              undetected: e.undetected.upper,
              confidence: a.confidence,
              label: `${c}: ${formatCount(e.undetected.upper)}`,
            },
          ],
        },
        layer: [
          {
            mark: { type: "rule", color: SHADES.orangeLine, strokeDash: [4, 3] },
            encoding: { y: { field: "confidence", type: "quantitative" } },
          },
          {
            mark: { type: "rule", color: SHADES.orangeLine, strokeDash: [4, 3] },
            encoding: { x: { field: "undetected", type: "quantitative" } },
          },
          {
            mark: {
              type: "text",
              align: "left",
              dx: 6,
              dy: 12,
              fontWeight: "bold",
              color: SHADES.orangeText,
            },
            encoding: {
              x: { field: "undetected", type: "quantitative" },
              y: { field: "confidence", type: "quantitative" },
              text: { field: "label" },
            },
          },
        ],
      },
    ],
  } as TopLevelSpec;
}
