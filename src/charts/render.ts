import { join } from "node:path";
import { Resvg } from "@resvg/resvg-js";
import * as vega from "vega";
import { compile, type TopLevelSpec } from "vega-lite";
import { packageFile } from "./html.js";
import { fontMeasure } from "./textMetrics.js";
import { FONT } from "./theme.js";

export { CHART_FORMATS, type ChartFormat } from "./formats.js";
export { renderHtml } from "./html.js";

/** Compiles a vega-lite spec, collecting every warning vega-lite raises. */
export function compileSpec(spec: TopLevelSpec): { vega: vega.Spec; warnings: string[] } {
  const warnings: string[] = [];
  const logger = {
    level: () => logger,
    error: (...args: unknown[]) => {
      throw new Error(args.join(" "));
    },
    warn: (...args: unknown[]) => {
      warnings.push(args.join(" "));
      return logger;
    },
    info: () => logger,
    debug: () => logger,
  };
  const compiled = compile(spec, { logger: logger as never });
  return { vega: compiled.spec as vega.Spec, warnings };
}

let measuring = false;

/** Lays text out with the real widths of the fonts the PNG uses (see fontMeasure). */
function useFontMetrics(): void {
  if (measuring) return;
  const [regular, bold] = fontFiles() as [string, string];
  const measure = fontMeasure(regular, bold);
  // vega's type declarations omit textMetrics, which vega-scenegraph exports for exactly this use.
  const metrics = (vega as unknown as { textMetrics: { width: (item: TextItem, text?: unknown) => number } })
    .textMetrics;
  metrics.width = (item, text) => {
    const value = String(text ?? item.text ?? "").trim();
    const size = item.fontSize ?? 11;
    const weight = item.fontWeight;
    const width = value
      ? measure(value, size, weight === "bold" || (typeof weight === "number" && weight >= 600))
      : 0;
    // vega shortens a label longer than its limit with an ellipsis; the laid-out width is at most the limit.
    return item.limit !== undefined && item.limit > 0 ? Math.min(width, item.limit) : width;
  };
  measuring = true;
}

interface TextItem {
  readonly text?: unknown;
  readonly fontSize?: number;
  readonly fontWeight?: string | number;
  readonly limit?: number;
}

/** Renders a spec to SVG with vega's headless view (no browser, no canvas), laid out with real font widths. */
export async function renderSvg(spec: TopLevelSpec): Promise<string> {
  useFontMetrics();
  const view = new vega.View(vega.parse(compileSpec(spec).vega), { renderer: "none" });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

function fontFiles(): string[] {
  return ["DejaVuSans.ttf", "DejaVuSans-Bold.ttf"].map((f) =>
    packageFile("dejavu-fonts-ttf/package.json", join("ttf", f)),
  );
}

/**
 * Renders a spec to PNG: SVG from vega, rasterised by resvg with the DejaVu fonts shipped by the
 * `dejavu-fonts-ttf` package, so that text renders the same on a machine with no fonts installed.
 *
 * @param scale - pixel ratio (default 2)
 */
export async function renderPng(spec: TopLevelSpec, scale = 2): Promise<Buffer> {
  const svg = await renderSvg(spec);
  const resvg = new Resvg(svg, {
    fitTo: { mode: "zoom", value: scale },
    background: "white",
    font: { fontFiles: fontFiles(), loadSystemFonts: false, defaultFontFamily: FONT, sansSerifFamily: FONT },
  });
  return Buffer.from(resvg.render().asPng());
}
