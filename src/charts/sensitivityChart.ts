import type { TopLevelSpec } from "vega-lite";
import type { Assessment } from "../investigation/assessInvestigation.js";
import { drawnAtRandom } from "../text/drawnAtRandom.js";
import { formatConfidence, formatCount, roundDecimals, roundSignificant, sidedWord } from "../text/format.js";
import { messages } from "../validation/messages.js";
import { type ChartOptions, frame, PALETTE, SHADES } from "./theme.js";

/**
 * Drift sensitivity: undetected cases against the outside-to-window rate ratio θ — the estimate as a line,
 * the upper bound as a band — with materiality and the tipping point marked.
 *
 * @example
 * sensitivityChart(assessInvestigation(examples["hmcts-sscs"])).$schema; // "https://vega.github.io/schema/vega-lite/v6.json"
 */
export function sensitivityChart(a: Assessment, options: ChartOptions = {}): TopLevelSpec {
  const s = a.sensitivity;
  if (s === null) throw new RangeError(messages.needsReviewedWindow("sensitivityChart"));
  if (s.rows.length === 0) throw new RangeError(messages.needsDriftRow("sensitivityChart"));
  const c = formatConfidence(a.confidence);
  const rows = s.rows.map((r) => ({
    drift: r.drift,
    estimate: roundDecimals(r.undetected.estimate, 1),
    lower: r.undetected.lower,
    upper: r.undetected.upper,
    note: r.implausible ? "implausible: outside rate above 100%" : "",
  }));
  const drifts = s.rows.map((r) => r.drift);
  const layers: unknown[] = [
    {
      // A light fill, outlined at 3:1 (WCAG 1.4.11) so that the band's bounds are seen without it; the
      // outline dashed as the bound's line is, which a solid outline beneath it made read as solid.
      mark: {
        type: "area",
        color: PALETTE[0],
        fillOpacity: 0.18,
        stroke: PALETTE[0],
        strokeWidth: 1,
        strokeDash: [4, 3],
      },
      encoding: {
        x: { field: "drift", type: "quantitative" },
        y: {
          field: "lower",
          type: "quantitative",
          title: "Undetected affected cases",
          axis: { format: ",d" },
        },
        y2: { field: "upper" },
      },
    },
    {
      mark: {
        type: "line",
        color: PALETTE[0],
        strokeDash: [4, 3],
        point: { filled: true, color: PALETTE[0] },
      },
      encoding: {
        x: { field: "drift", type: "quantitative" },
        y: { field: "upper", type: "quantitative" },
        tooltip: [
          { field: "drift", title: "θ (outside ÷ window rate)" },
          { field: "upper", title: `Upper bound (${c})`, format: ",d" },
          { field: "estimate", title: "Estimate", format: ",.1f" },
          { field: "note", title: "Note" },
        ],
      },
    },
    {
      mark: { type: "line", color: PALETTE[3], point: { filled: true, color: PALETTE[3] } },
      encoding: {
        x: {
          field: "drift",
          type: "quantitative",
          title: "θ: rate outside the window ÷ rate inside (log scale)",
          // The axis spans the θ values assessed, not the log scale's rounded decades.
          scale: { type: "log", domain: [Math.min(...drifts), Math.max(...drifts)], nice: false },
          axis: { values: drifts },
        },
        y: {
          field: "estimate",
          type: "quantitative",
          title: "Undetected affected cases",
          axis: { format: ",d" },
        },
      },
    },
  ];
  const subtitle = [
    `Dashed line and band: ${c} ${sidedWord(a.sided)} upper bound (Thatcher prediction limit); solid: estimate`,
    ...(a.window === null ? [] : [`The bounds hold ${drawnAtRandom(a.window.reviewed, a.scenario)}`]),
  ];
  if (s.materiality !== null) {
    // The reference lines and their labels in colours that stand out from white, a label at least 4.5:1
    // and a line 3:1 (WCAG 2.2 AA): materiality in near-black, the tipping point in dark pink. The
    // palette's orange (2.2:1) and pink (3.1:1) were too light for their labels.
    layers.push({
      data: { values: [{ materiality: s.materiality, label: `materiality: ${formatCount(s.materiality)}` }] },
      mark: { type: "rule", color: SHADES.ink, strokeWidth: 2 },
      encoding: { y: { field: "materiality", type: "quantitative" } },
    });
    layers.push({
      data: { values: [{ materiality: s.materiality, label: `materiality: ${formatCount(s.materiality)}` }] },
      mark: { type: "text", align: "left", dy: -6, x: 4, color: SHADES.ink },
      encoding: { y: { field: "materiality", type: "quantitative" }, text: { field: "label" } },
    });
    if (s.tippingPoint !== null && s.tippingPoint > 0) {
      const tp = roundSignificant(s.tippingPoint, 3);
      layers.push({
        data: { values: [{ drift: tp, label: `tipping point θ = ${tp}` }] },
        mark: { type: "rule", color: SHADES.pinkText, strokeWidth: 2, strokeDash: [2, 2] },
        encoding: { x: { field: "drift", type: "quantitative" } },
      });
      layers.push({
        data: { values: [{ drift: tp, label: `tipping point θ = ${tp}` }] },
        mark: { type: "text", align: "left", baseline: "top", dx: 4, y: 4, color: SHADES.pinkText },
        encoding: { x: { field: "drift", type: "quantitative" }, text: { field: "label" } },
      });
      subtitle.push(`The upper bound reaches ${formatCount(s.materiality)} missed cases at θ = ${tp}`);
    } else {
      subtitle.push(`Materiality: ${formatCount(s.materiality)} missed cases`);
    }
  }
  return {
    ...frame(
      `Undetected affected cases in ${a.name} if the rate outside the review window was θ times the rate inside, with ${c} upper bounds.`,
      `${a.name}: if the rate outside the window was different`,
      subtitle,
      options,
    ),
    data: { values: rows },
    layer: layers,
  } as TopLevelSpec;
}
