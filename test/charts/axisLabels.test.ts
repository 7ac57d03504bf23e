import * as vega from "vega";
import type { TopLevelSpec } from "vega-lite";
import { describe, expect, it } from "vitest";
import { compileSpec } from "../../src/charts/render.js";
import { renderSvg } from "../../src/cli/render.js";
import { everyChart } from "../helpers/everyChart.js";

// Axis labels laid out with the DejaVu Sans widths the PNG and SVG use (renderSvg installs them in vega's
// text metrics): two labels of one axis closer than a space read as one number, as "1,100" and a flush
// "1,200" at the end of the confidence curve's axis did ("1,1001,200").
const MIN_GAP = 3;

interface Bounds {
  readonly x1: number;
  readonly x2: number;
  readonly y1: number;
  readonly y2: number;
}
interface SceneItem {
  readonly text?: unknown;
  readonly opacity?: number;
  readonly bounds?: Bounds;
  readonly items?: readonly SceneMark[];
}
interface SceneMark {
  readonly role?: string;
  readonly items: readonly SceneItem[];
}

/** Each axis's visible labels: their text and bounds, in the order drawn. */
async function axisLabels(spec: TopLevelSpec): Promise<{ text: string; bounds: Bounds }[][]> {
  await renderSvg(spec);
  const view = new vega.View(vega.parse(compileSpec(spec).vega), { renderer: "none" });
  await view.runAsync();
  const axes: { text: string; bounds: Bounds }[][] = [];
  const visit = (mark: SceneMark) => {
    if (mark.role === "axis-label") {
      axes.push(
        mark.items
          .filter(
            (item) => (item.opacity ?? 1) > 0 && String(item.text ?? "") !== "" && item.bounds !== undefined,
          )
          .map((item) => ({ text: String(item.text), bounds: item.bounds as Bounds })),
      );
    }
    for (const item of mark.items) for (const child of item.items ?? []) visit(child);
  };
  visit((view.scenegraph() as unknown as { root: SceneMark }).root);
  view.finalize();
  return axes;
}

/** The pairs of neighbouring labels less than MIN_GAP apart, along the axis's direction. */
function crowded(labels: readonly { text: string; bounds: Bounds }[]): string[] {
  const spread = (centre: (b: Bounds) => number) => {
    const values = labels.map((l) => centre(l.bounds));
    return Math.max(...values) - Math.min(...values);
  };
  const horizontal = spread((b) => b.x1 + b.x2) > spread((b) => b.y1 + b.y2);
  const [start, end] = horizontal ? (["x1", "x2"] as const) : (["y1", "y2"] as const);
  const sorted = [...labels].sort((a, b) => a.bounds[start] - b.bounds[start]);
  return sorted.slice(1).flatMap((label, i) => {
    const before = sorted[i] as (typeof sorted)[number];
    const gap = label.bounds[start] - before.bounds[end];
    return gap < MIN_GAP ? [`"${before.text}" and "${label.text}": ${gap.toFixed(1)} px apart`] : [];
  });
}

describe("axis labels", () => {
  it.each(Object.entries(everyChart))(
    "%s: neighbouring labels of an axis are at least 3 px apart",
    async (name, spec) => {
      const axes = await axisLabels(spec);
      expect(axes.length, name).toBeGreaterThan(0);
      expect(axes.flatMap(crowded), name).toEqual([]);
    },
  );

  it("tells labels that touch (the check can fail)", () => {
    const at = (text: string, x1: number, x2: number) => ({ text, bounds: { x1, x2, y1: 0, y2: 10 } });
    expect(crowded([at("1,000", 461.8, 493.2), at("1,100", 509.5, 541), at("1,200", 541.5, 573)])).toEqual([
      '"1,100" and "1,200": 0.5 px apart',
    ]);
  });
});
