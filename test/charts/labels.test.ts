import { describe, expect, it } from "vitest";
import { renderSvg } from "../../src/cli/render.js";
import { everyChart } from "../helpers/everyChart.js";

// vega shortens a label wider than its limit to what fits and ends it with "…" (laid out with the DejaVu Sans
// widths the PNG and SVG use). A reader cannot recover the rest: every label, axis and legend included,
// is shown whole. No chart text ends in "…" of its own.
const ELLIPSIS = "…";

/** The text of every <text> and <tspan> in an SVG that ends in an ellipsis. */
function shortened(svg: string): string[] {
  return [...svg.matchAll(/<(?:text|tspan)[^>]*>([^<]*)</g)]
    .map((m) => (m[1] ?? "").trim())
    .filter((t) => t.endsWith(ELLIPSIS));
}

describe("chart labels are shown whole", () => {
  it.each(Object.entries(everyChart))("%s: no text is cut short", async (name, spec) => {
    expect(shortened(await renderSvg(spec)), name).toEqual([]);
  });

  it("the check sees a label cut short (a 60 px label limit)", async () => {
    const spec = everyChart.intervals as unknown as { encoding: { y: { axis: Record<string, unknown> } } };
    const narrow = {
      ...spec,
      encoding: { ...spec.encoding, y: { ...spec.encoding.y, axis: { labelLimit: 60 } } },
    };
    expect((await renderSvg(narrow as never)).length).toBeGreaterThan(0);
    expect(shortened(await renderSvg(narrow as never)).length).toBeGreaterThan(3);
  });
});
