import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { Resvg } from "@resvg/resvg-js";
import * as vega from "vega";
import { compile, type TopLevelSpec } from "vega-lite";
import { fontMeasure } from "./textMetrics.js";
import { FONT } from "./theme.js";

export { CHART_FORMATS, type ChartFormat } from "./formats.js";

const require = createRequire(import.meta.url);

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
    return value
      ? measure(value, size, weight === "bold" || (typeof weight === "number" && weight >= 600))
      : 0;
  };
  measuring = true;
}

interface TextItem {
  readonly text?: unknown;
  readonly fontSize?: number;
  readonly fontWeight?: string | number;
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

/** A file inside an installed package, found from its main entry (some packages export no other path). */
function packageFile(name: string, file: string): string {
  let folder = dirname(require.resolve(name));
  while (!existsSync(join(folder, "package.json")) && dirname(folder) !== folder) folder = dirname(folder);
  return join(folder, file);
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

function script(name: string, file: string): string {
  return readFileSync(packageFile(name, file), "utf8").replaceAll("</script", "<\\/script");
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

/**
 * A self-contained HTML page: vega, vega-lite and vega-embed inlined, the spec embedded as JSON; it makes
 * no network request and opens from a file.
 */
export function renderHtml(spec: TopLevelSpec): string {
  const title =
    typeof spec.title === "object" && spec.title !== null && "text" in spec.title
      ? String(spec.title.text)
      : "Chart";
  const json = JSON.stringify(spec).replace(/</g, "\\u003c");
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>body{font-family:"DejaVu Sans",system-ui,sans-serif;margin:24px;color:#222}#chart{max-width:100%}</style>
</head>
<body>
<div id="chart" role="img" aria-label="${escapeHtml(String(spec.description ?? title))}"></div>
<script>${script("vega", "build/vega.min.js")}</script>
<script>${script("vega-lite", "build/vega-lite.min.js")}</script>
<script>${script("vega-embed", "build/vega-embed.min.js")}</script>
<script>
vegaEmbed("#chart", ${json}, { actions: false, renderer: "svg" }).catch(function (error) {
  document.getElementById("chart").textContent = "The chart could not be drawn: " + error.message;
});
</script>
</body>
</html>
`;
}
