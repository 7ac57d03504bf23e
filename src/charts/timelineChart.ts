import type { TopLevelSpec } from "vega-lite";
import type { Assessment } from "../investigation/assessInvestigation.js";
import { capitalise, formatCount, formatPercent, roundDecimals } from "../text/format.js";
import { messages } from "../validation/messages.js";
import { type ChartOptions, frame, PALETTE, SHADES } from "./theme.js";

/**
 * Timeline: the exposure period's monthly volume, with each examined window shaded, labelled and edged by
 * dark lines at its start and end (over the bars, which fill the window), and the unexamined share stated
 * in the subtitle.
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
  const spanStart = Date.parse(a.scenario.span.split("/")[0] as string);
  const spanEnd = Date.parse(nextDay(a.scenario.span.split("/")[1] as string));
  const windows = cov.windows.map((w) => {
    const [start, end] = w.period.split("/") as [string, string];
    const after = nextDay(end);
    // The label sits at the window's edge nearer the middle of the span, so that it runs into the span,
    // never off the chart, and starts or ends where the window does.
    const middle = (Date.parse(start) + Date.parse(after)) / 2;
    const late = middle > (spanStart + spanEnd) / 2;
    return {
      label: w.label,
      start,
      end: after,
      anchor: late ? after : start,
      align: late ? "right" : "left",
    };
  });
  // Headroom above the tallest month, so that the window's band and its label show above the bars.
  const tallest = Math.max(0, ...months.map((m) => m.stage));
  const edge = { type: "rule", color: SHADES.ink, strokeWidth: 2 } as const;
  return {
    ...frame(
      `Monthly ${a.unit} over the exposure period of ${a.name}, ${cov.windows.length === 0 ? "with no window examined" : `with the examined ${cov.windows.length === 1 ? "window" : "windows"} marked (${cov.windows.map((w) => `${w.label}: ${w.period.replace("/", " to ")}`).join("; ")})`}; ${examined}.`,
      `${a.name}: what the review examined`,
      [
        `Exposure period ${span}; ${examined}`,
        messages.timelineVolume(a.unit, cov.outsideStageBasis, cov.unexamined.length > 0),
      ],
      options,
    ),
    // Window layers only when there are windows: a layer with no data gives vega an empty extent.
    layer: [
      ...(windows.length === 0
        ? []
        : [
            {
              data: { values: windows },
              // A light band beneath the bars, outlined at 3:1 (WCAG 1.4.11); it shows in the headroom above them.
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
          ]),
      // One text layer per alignment that some window has.
      ...(["left", "right"] as const)
        .filter((align) => windows.some((w) => w.align === align))
        .map((align) => ({
          data: { values: windows.filter((w) => w.align === align) },
          mark: {
            type: "text",
            align,
            baseline: "top",
            dx: align === "right" ? -5 : 5,
            dy: 5,
            fontSize: 12,
            fontWeight: "bold",
            color: SHADES.orangeText,
          },
          encoding: { x: { field: "anchor", type: "temporal" }, y: { value: 0 }, text: { field: "label" } },
        })),
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
            scale: { domainMax: tallest * 1.15 },
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
      // The window's start and end drawn over the bars, full height, so that its extent reads as a window
      // even where the bars fill it.
      ...(windows.length === 0 ? [] : (["start", "end"] as const)).map((field) => ({
        data: { values: windows },
        mark: edge,
        encoding: { x: { field, type: "temporal" } },
      })),
    ],
  } as TopLevelSpec;
}

function nextDay(date: string): string {
  return new Date(Date.parse(date) + 86_400_000).toISOString().slice(0, 10);
}
