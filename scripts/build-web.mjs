// Builds the web calculator into dist/web: index.html, style.css, app.js (the library and the pages) and
// charts.js (vega, vega-lite and vega-embed), loaded only when a chart is drawn or downloaded. Both bundles
// are classic scripts (IIFE), not ES modules: a page opened from file:// may not load modules or split
// chunks, but it may run a script beside it. Plain TypeScript and DOM, no UI framework: four forms and
// their results need none, and every kilobyte counts against the 1.5 MB the page may weigh.
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { resolve } from "node:path";
import { build } from "esbuild";

const root = resolve(import.meta.dirname, "..");
const outdir = resolve(root, "dist/web");

await rm(outdir, { recursive: true, force: true });
await mkdir(outdir, { recursive: true });
const common = {
  bundle: true,
  minify: true,
  format: "iife",
  platform: "browser",
  target: "es2022",
  legalComments: "linked",
  logLevel: "warning",
};
await Promise.all([
  build({ ...common, entryPoints: [resolve(root, "src/web/main.ts")], outfile: resolve(outdir, "app.js") }),
  build({
    ...common,
    entryPoints: [resolve(root, "src/web/chartsEntry.ts")],
    outfile: resolve(outdir, "charts.js"),
  }),
  page(),
]);

/** index.html with the style sheet inlined: one file fewer, and nothing a page from file:// may not read. */
async function page() {
  const html = await readFile(resolve(root, "src/web/index.html"), "utf8");
  const css = await readFile(resolve(root, "src/web/style.css"), "utf8");
  const link = '<link rel="stylesheet" href="style.css">';
  if (!html.includes(link)) throw new Error(`src/web/index.html: no ${link} to inline`);
  await writeFile(
    resolve(outdir, "index.html"),
    html.replace(link, () => `<style>\n${css}</style>`),
  );
}
