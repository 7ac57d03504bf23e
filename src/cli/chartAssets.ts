import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import type { ChartScripts } from "../charts/html.js";
import type { ChartFonts } from "../charts/render.js";

// The files the chart renderers need, read from the installed packages here, so that charts/ stays free
// of the file system.
const require = createRequire(import.meta.url);

/** A file inside an installed package, found from its main entry (some packages export no other path). */
export function packageFile(name: string, file: string): string {
  let folder = dirname(require.resolve(name));
  while (!existsSync(join(folder, "package.json")) && dirname(folder) !== folder) folder = dirname(folder);
  return join(folder, file);
}

let fonts: ChartFonts | undefined;

/** The DejaVu Sans fonts shipped by `dejavu-fonts-ttf`, read once. */
export function chartFonts(): ChartFonts {
  if (fonts === undefined) {
    const files = ["DejaVuSans.ttf", "DejaVuSans-Bold.ttf"].map((f) =>
      packageFile("dejavu-fonts-ttf/package.json", join("ttf", f)),
    );
    const [regular, bold] = files.map((file) => readFileSync(file)) as [Buffer, Buffer];
    fonts = { regular, bold, files };
  }
  return fonts;
}

/** The minified vega, vega-lite and vega-embed builds that a chart's HTML page inlines. */
export function chartScripts(): ChartScripts {
  const read = (name: string, file: string) => readFileSync(packageFile(name, file), "utf8");
  return {
    vega: read("vega", "build/vega.min.js"),
    vegaLite: read("vega-lite", "build/vega-lite.min.js"),
    vegaEmbed: read("vega-embed", "build/vega-embed.min.js"),
  };
}
