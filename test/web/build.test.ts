import { readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";

// dist/web as npm run build writes it (pretest builds it).
const web = resolve(import.meta.dirname, "../../dist/web");
const gzipped = (file: string) => gzipSync(readFileSync(join(web, file)), { level: 9 }).length;

describe("npm run build:web", () => {
  it("writes the page, the app and the charts bundle, at most 1.5 MB gzipped in all", () => {
    const files = readdirSync(web);
    expect(files).toEqual(expect.arrayContaining(["index.html", "app.js", "charts.js"]));
    const total = files.reduce((sum, file) => sum + gzipped(file), 0);
    expect(total).toBeLessThanOrEqual(1_500_000);
  });

  it("keeps vega out of the first load: the page and app.js hold no charting library", () => {
    // Messages of vega's runtime and of vega-embed; the chart specs' $schema addresses do not count.
    const runtime = /Unrecognized signal name|Unrecognized scale|vega-embed/;
    expect(readFileSync(join(web, "app.js"), "utf8")).not.toMatch(runtime);
    expect(readFileSync(join(web, "charts.js"), "utf8")).toMatch(runtime);
  });

  it("names no address to fetch: index.html loads only files beside it", () => {
    const html = readFileSync(join(web, "index.html"), "utf8");
    const sources = [...html.matchAll(/\b(?:src|href)="([^"]+)"/g)].map((m) => m[1]);
    expect(sources.filter((s) => !/^(#|data:|[\w-]+\.js$)/.test(s ?? ""))).toEqual([]);
  });
});
