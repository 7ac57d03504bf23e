import type { TopLevelSpec } from "vega-lite";
import type { Assessment } from "../investigation/assessInvestigation.js";
import { capitalise, formatCount, formatPercent, roundDecimals } from "../text/format.js";
import { messages } from "../validation/messages.js";
import { type ChartOptions, frame, PALETTE, SHADES } from "./theme.js";

/**
 * Timeline: the exposure period's monthly volume, with the examined windows shaded and labelled and the
 * unexamined share stated in the subtitle.
 *
 * @example
 * timelineChart(assessInvestigation(examples["hmcts-sscs"])).$schema; // "https://vega.github.io/schema/vega-lite/v6.json"
 */
export function timelineChart(a: Assessment, options: ChartOptions = {}): TopLevelSpec {
  const cov = a.coverage;
  const span = a.scenario.span.replace("/", " to ");
  const examined = `examined: ${formatCount(cov.examinedDays)} of ${formatCount(cov.spanDays)} days, ${formatPercent(cov.timeFraction, 1)}`;
  const months = cov.profile.map((m) => {
    const [start, end] = m.period.split("/") as [string, string];
    return {
      month: m.month,
      start,
      end: nextDay(end),
      stage: roundDecimals(m.stage, 1),
      examined: m.examinedDays > 0 ? "examined" : "not examined",
      count: m.estimated ? "estimated" : "given",
    };
  });
  const windows = cov.windows.map((w) => {
    const [start, end] = w.period.split("/") as [string, string];
    return { label: w.label, start, end: nextDay(end) };
  });
  return {
    ...frame(
      `Monthly ${a.unit} over the exposure period of ${a.name}, with the examined windows shaded; ${examined}.`,
      `${a.name}: what the review examined`,
      [
        `Exposure period ${span}; ${examined}`,
        messages.timelineVolume(a.unit, cov.outsideStageBasis, cov.unexamined.length > 0),
      ],
      options,
    ),
    layer: [
      {
        data: { values: windows },
        // A light fill, outlined at 3:1 (WCAG 1.4.11) so that the window's edges are seen without it.
        mark: {
          type: "rect",
          color: PALETTE[1],
          fillOpacity: 0.25,
          stroke: SHADES.orangeLine,
          strokeWidth: 1,
        },
        encoding: {
          x: { field: "start", type: "temporal" },
          x2: { field: "end" },
          tooltip: [{ field: "label", title: "Window" }],
        },
      },
      {
        data: { values: windows },
        mark: {
          type: "text",
          align: "right",
          baseline: "top",
          dx: -4,
          dy: 4,
          fontSize: 12,
          fontWeight: "bold",
          color: "#8a5a00",
        },
        encoding: { x: { field: "end", type: "temporal" }, y: { value: 0 }, text: { field: "label" } },
      },
      {
        data: { values: months },
        mark: { type: "bar", binSpacing: 0 },
        encoding: {
          x: { field: "start", type: "temporal", title: "Month", axis: { format: "%Y", tickCount: "year" } },
          x2: { field: "end" },
          y: {
            field: "stage",
            type: "quantitative",
            title: `${capitalise(a.unit)} per month`,
            axis: { format: ",d" },
          },
          // A ranged x makes vega-lite draw bars horizontally unless y has an explicit baseline.
          y2: { datum: 0 },
          color: {
            field: "examined",
            type: "nominal",
            title: null,
            scale: { domain: ["examined", "not examined"], range: [SHADES.orangeLine, SHADES.unexamined] },
          },
          tooltip: [
            { field: "month", title: "Month" },
            { field: "stage", title: capitalise(a.unit), format: ",.0f" },
            { field: "examined", title: "Status" },
            { field: "count", title: "Count" },
          ],
        },
      },
    ],
  } as TopLevelSpec;
}

function nextDay(date: string): string {
  return new Date(Date.parse(date) + 86_400_000).toISOString().slice(0, 10);
}
