import type { TopLevelSpec } from "vega-lite";
import { escapeHtml } from "../text/format.js";

// The HTML page needs no renderer in Node (the browser draws it), so it lives apart from render.ts and
// writing it loads neither vega nor resvg.

/** The minified builds of vega, vega-lite and vega-embed that the page inlines; the caller reads them. */
export interface ChartScripts {
  readonly vega: string;
  readonly vegaLite: string;
  readonly vegaEmbed: string;
}

function inline(script: string): string {
  return script.replaceAll("</script", "<\\/script");
}

/**
 * A self-contained HTML page: vega, vega-lite and vega-embed inlined, the spec embedded as JSON; it makes
 * no network request and opens from a file.
 */
export function renderHtml(spec: TopLevelSpec, scripts: ChartScripts): string {
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
<style>body{font-family:"DejaVu Sans",system-ui,sans-serif;margin:24px;color:#222}#chart{max-width:100%}#chart svg{max-width:100%;height:auto}</style>
</head>
<body>
<div id="chart" role="img" aria-label="${escapeHtml(String(spec.description ?? title))}"></div>
<script>${inline(scripts.vega)}</script>
<script>${inline(scripts.vegaLite)}</script>
<script>${inline(scripts.vegaEmbed)}</script>
<script>
vegaEmbed("#chart", ${json}, { actions: false, renderer: "svg" }).catch(function (error) {
  document.getElementById("chart").textContent = "The chart could not be drawn: " + error.message;
});
</script>
</body>
</html>
`;
}
