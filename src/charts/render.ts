import { Resvg } from "@resvg/resvg-js";
import * as vega from "vega";
import { compile, type TopLevelSpec } from "vega-lite";
import { fontMeasure } from "./textMetrics.js";
import { FONT } from "./theme.js";

export { CHART_FORMATS, type ChartFormat } from "./formats.js";

/**
 * The DejaVu Sans fonts the charts are laid out and rasterised with: their bytes, for text widths, and
 * their files, which resvg loads itself (its Node build takes font files, not bytes). The caller reads
 * them (cli/chartAssets.ts), so that this module touches no file system and runs wherever vega does.
 */
export interface ChartFonts {
  readonly regular: Uint8Array;
  readonly bold: Uint8Array;
  readonly files: readonly string[];
}

/**
 * Compiles a vega-lite spec, collecting every warning vega-lite raises.
 *
 * @example
 * compileSpec(missedChart(assessInvestigation(examples["hmcts-sscs"]))).warnings.length; // 0
 */
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

let measuring: ChartFonts | undefined;

/** Lays text out with the real widths of the fonts the PNG uses (see fontMeasure). */
function useFontMetrics(fonts: ChartFonts): void {
  if (measuring === fonts) return;
  const measure = fontMeasure(fonts.regular, fonts.bold);
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
  measuring = fonts;
}

interface TextItem {
  readonly text?: unknown;
  readonly fontSize?: number;
  readonly fontWeight?: string | number;
  readonly limit?: number;
}

/** Renders a spec to SVG with vega's headless view (no browser, no canvas), laid out with real font widths. */
export async function renderSvg(spec: TopLevelSpec, fonts: ChartFonts): Promise<string> {
  useFontMetrics(fonts);
  const view = new vega.View(vega.parse(compileSpec(spec).vega), { renderer: "none" });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

/**
 * Renders a spec to PNG: SVG from vega, rasterised by resvg with the DejaVu fonts shipped by the
 * `dejavu-fonts-ttf` package, so that text renders the same on a machine with no fonts installed.
 *
 * @param scale - pixel ratio (default 2)
 */
export async function renderPng(spec: TopLevelSpec, fonts: ChartFonts, scale = 2): Promise<Buffer> {
  const svg = await renderSvg(spec, fonts);
  const resvg = new Resvg(svg, {
    fitTo: { mode: "zoom", value: scale },
    background: "white",
    font: {
      fontFiles: [...fonts.files],
      loadSystemFonts: false,
      defaultFontFamily: FONT,
      sansSerifFamily: FONT,
    },
  });
  return Buffer.from(resvg.render().asPng());
}
