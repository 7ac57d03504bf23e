import type { TopLevelSpec } from "vega-lite";
import { renderHtml as renderHtmlWith } from "../charts/html.js";
import { renderPng as renderPngWith, renderSvg as renderSvgWith } from "../charts/render.js";
import { chartFonts, chartScripts } from "./chartAssets.js";

// The package's `sampling-adequacy/render` entry for Node: the pure renderers of charts/ given the fonts
// and scripts read from the installed packages.

export { CHART_FORMATS, type ChartFormat } from "../charts/formats.js";
export type { ChartScripts } from "../charts/html.js";
export { type ChartFonts, compileSpec } from "../charts/render.js";

/**
 * Renders a chart spec to SVG with vega's headless view, text laid out with the DejaVu Sans widths.
 *
 * @example
 * ```ts
 * import { assessInvestigation, examples, missedChart } from "sampling-adequacy";
 * import { renderSvg } from "sampling-adequacy/render";
 * const svg = await renderSvg(missedChart(assessInvestigation(examples["hmcts-sscs"])));
 * svg.startsWith("<svg"); // true
 * ```
 */
export function renderSvg(spec: TopLevelSpec): Promise<string> {
  return renderSvgWith(spec, chartFonts());
}

/**
 * Renders a chart spec to PNG (resvg, DejaVu Sans from `dejavu-fonts-ttf`, so text renders the same on a
 * machine with no fonts installed).
 *
 * @param scale - pixel ratio (default 2)
 *
 * @example
 * const png = await renderPng(missedChart(assessInvestigation(examples["hmcts-sscs"])));
 * png.subarray(1, 4).toString(); // "PNG"
 */
export function renderPng(spec: TopLevelSpec, scale = 2): Promise<Buffer> {
  return renderPngWith(spec, chartFonts(), scale);
}

/**
 * A self-contained HTML page drawing the chart, vega, vega-lite and vega-embed inlined.
 *
 * @example
 * renderHtml(missedChart(assessInvestigation(examples["hmcts-sscs"]))).startsWith("<!doctype html>"); // true
 */
export function renderHtml(spec: TopLevelSpec): string {
  return renderHtmlWith(spec, chartScripts());
}
