import type { TopLevelSpec } from "vega-lite";
import type { Assessment } from "../investigation/assessInvestigation.js";
import { formatConfidence, formatCount, sidedWord } from "../text/format.js";
import { messages } from "../validation/messages.js";
import { type ChartOptions, frame, PALETTE, SHADES } from "./theme.js";

// Okabe–Ito's vermilion and reddish purple, in their text shades, and near-black ink: the orange text
// shade drawn beside the vermilion one was 2.0 CIEDE2000 from it under deuteranopia and 4.4 under
// protanopia, and 8.4 from the purple under tritanopia (test/charts/palette.test.ts asks at least 10).
// The assumption-free bound is a ceiling that needs no hue.
const TEXT_COLOURS = {
  assumptionFree: SHADES.ink,
  randomSample: SHADES.vermilionText,
  tipping: SHADES.pinkText,
} as const;

/**
 * Selection-bias sensitivity: the window's upper bound on undetected cases against the selection bias ω
 * (log scale), with lines for the random-sample bound (ω = 1) and the assumption-free bound (every
 * unreviewed case), and the target and tipping bias marked.
 */
export function selectionBiasChart(a: Assessment, options: ChartOptions = {}): TopLevelSpec {
  const s = a.selectionBias;
  if (s === null) {
    throw new RangeError(messages.selectionBiasChartNeedsWindow());
  }
  const c = formatConfidence(a.confidence);
  const model = s.model === "wallenius" ? "Wallenius'" : "Fisher's";
  const biases = s.rows.map((r) => r.bias);
  const rows = s.rows.map((r) => ({ bias: r.bias, undetected: r.undetected, span: r.spanUndetected }));
  // Each reference line and its label share a colour dark enough for text on white (WCAG AA, 4.5:1: the
  // palette's own pink is 3.1:1), and each label sits inside the plot on the side of its
  // line the bound's curve does not reach: below the assumption-free line, below the random-sample line at
  // the right (the curve starts on that line and rises), beside the tipping line under the top label.
  const rule = (value: number, label: string, color: string, dash: number[], at: "left" | "right") => [
    {
      data: { values: [{ value, label }] },
      mark: { type: "rule", color, strokeWidth: 2, strokeDash: dash },
      encoding: { y: { field: "value", type: "quantitative" } },
    },
    {
      data: { values: [{ value, label }] },
      mark: {
        type: "text",
        align: at,
        baseline: "top",
        dy: 5,
        ...(at === "left" ? { x: 4 } : { x: { expr: "width - 4" } }),
        color,
      },
      encoding: { y: { field: "value", type: "quantitative" }, text: { field: "label" } },
    },
  ];
  const layers: unknown[] = [
    {
      mark: { type: "line", color: PALETTE[0], point: { filled: true, color: PALETTE[0] } },
      encoding: {
        x: {
          field: "bias",
          type: "quantitative",
          title: "ω: how many times less likely an affected case was to be picked (log scale)",
          scale: { type: "log", domain: [Math.min(...biases), Math.max(...biases)], nice: false },
          axis: { values: biases },
        },
        y: {
          field: "undetected",
          type: "quantitative",
          // Two lines: on one, the rotated title ran past the plot's height and pushed the chart's title
          // out of the picture.
          title: ["Undetected affected cases", "in the window (upper bound)"],
          axis: { format: ",d" },
        },
        tooltip: [
          { field: "bias", title: "ω" },
          { field: "undetected", title: `Window, upper bound (${c})`, format: ",d" },
          { field: "span", title: `Whole period, upper bound (${c})`, format: ",d" },
        ],
      },
    },
    ...rule(
      s.randomSample.undetected,
      `random sample: ${formatCount(s.randomSample.undetected)}`,
      TEXT_COLOURS.randomSample,
      [4, 3],
      "right",
    ),
    ...rule(
      s.assumptionFree.undetected,
      `no assumption: ${formatCount(s.assumptionFree.undetected)}`,
      TEXT_COLOURS.assumptionFree,
      [1, 0],
      "left",
    ),
  ];
  const subtitle = [
    `${c} ${sidedWord(a.sided)} upper bounds under ${model} model of a biased selection; ω = 1 is a random sample`,
  ];
  const tipping = s.tippingBias.window;
  if (tipping !== null && tipping > 1) {
    layers.push(
      {
        data: { values: [{ bias: tipping }] },
        mark: { type: "rule", color: TEXT_COLOURS.tipping, strokeWidth: 2, strokeDash: [2, 2] },
        encoding: { x: { field: "bias", type: "quantitative" } },
      },
      {
        data: { values: [{ bias: tipping, label: `tipping bias ω = ${tipping}` }] },
        mark: { type: "text", align: "left", baseline: "top", dx: 4, y: 26, color: TEXT_COLOURS.tipping },
        encoding: { x: { field: "bias", type: "quantitative" }, text: { field: "label" } },
      },
    );
    subtitle.push(
      `The bound stays below ${formatCount(s.target.undetected)} (${s.target.source}) for every ω below ${tipping}`,
    );
  }
  return {
    ...frame(
      `Upper bound on undetected affected cases in the review window of ${a.name} against the selection bias ω, with the random-sample and assumption-free bounds.`,
      `${a.name}: if the review picked affected cases less often`,
      subtitle,
      options,
    ),
    data: { values: rows },
    layer: layers,
  } as TopLevelSpec;
}
