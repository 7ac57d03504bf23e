import { type Color, parse, wcagContrast } from "culori";
import * as vega from "vega";
import type { TopLevelSpec } from "vega-lite";
import { describe, expect, it } from "vitest";
import { sensitivityChart } from "../../src/charts/index.js";
import { compileSpec } from "../../src/charts/render.js";
import { SHADES } from "../../src/charts/theme.js";
import { everyChart as charts, sscsWithMateriality as sscs } from "../helpers/everyChart.js";

// Contrast against the white background every chart is drawn on (render.ts, html.ts), as WCAG 2.2 defines
// it (culori's wcagContrast): text at least 4.5:1 (1.4.3, AA), lines and rules at least 3:1 (1.4.11,
// non-text contrast). An accessibility checker run on the report does not read text inside an SVG, so the
// charts are checked here, on vega's scene graph: every text item and every rule and line item that the
// spec draws, axis labels, titles and legends included, with its opacity composited onto white; and every
// filled mark (bar, area, symbol, legend symbols included), likewise at its opacity, at least 3:1. The light
// grid lines are left out: they are decoration, not content (WCAG 1.4.11 asks contrast of what a reader
// needs to understand the chart). A filled mark counts as seen by the better of its fill and its outline.
const TEXT = 4.5;
const GRAPHIC = 3;
const WHITE = { mode: "rgb", r: 1, g: 1, b: 1 } as const;

interface SceneItem {
  readonly fill?: unknown;
  readonly stroke?: unknown;
  readonly opacity?: number;
  readonly fillOpacity?: number;
  readonly strokeOpacity?: number;
  readonly text?: unknown;
  readonly strokeWidth?: number;
  readonly items?: readonly SceneMark[];
}
interface SceneMark {
  readonly marktype: string;
  readonly role?: string;
  readonly name?: string;
  readonly items: readonly SceneItem[];
}

/** A colour at an opacity, as seen on white. */
function onWhite(colour: string, alpha: number): Color {
  const rgb = parse(colour) as { r: number; g: number; b: number; alpha?: number } | undefined;
  if (rgb === undefined) throw new Error(`not a colour: ${colour}`);
  const a = alpha * (rgb.alpha ?? 1);
  const mix = (c: number, w: number) => a * c + (1 - a) * w;
  return { mode: "rgb", r: mix(rgb.r, WHITE.r), g: mix(rgb.g, WHITE.g), b: mix(rgb.b, WHITE.b) };
}

interface Drawn {
  readonly kind: "text" | "rule" | "line" | "filled";
  readonly what: string;
  readonly contrast: number;
}

const FILLED = new Set(["rect", "area", "symbol", "arc", "trail"]);

/** A colour a mark is painted with, or undefined for none ("transparent", a gradient). */
function paint(value: unknown): string | undefined {
  if (typeof value !== "string" || value === "" || value === "none") return undefined;
  const rgb = parse(value) as { alpha?: number } | undefined;
  return rgb === undefined || rgb.alpha === 0 ? undefined : value;
}

/** Every text, rule, line and filled mark the chart draws, with its contrast against white. */
async function drawn(spec: TopLevelSpec): Promise<Drawn[]> {
  const view = new vega.View(vega.parse(compileSpec(spec).vega), { renderer: "none" });
  await view.runAsync();
  const found: Drawn[] = [];
  const visit = (mark: SceneMark) => {
    for (const item of mark.items) {
      const opacity = item.opacity ?? 1;
      // vega hides an overlapping axis label by making it transparent: nothing is drawn.
      if (opacity === 0) continue;
      const text = mark.marktype === "text";
      const stroked = (mark.marktype === "rule" || mark.marktype === "line") && mark.role !== "axis-grid";
      if (text && typeof item.fill === "string" && item.text !== undefined && String(item.text) !== "") {
        const colour = onWhite(item.fill, opacity * (item.fillOpacity ?? 1));
        found.push({
          kind: "text",
          what: `text "${String(item.text)}" in ${item.fill}`,
          contrast: wcagContrast(colour, WHITE),
        });
      }
      if (stroked && typeof item.stroke === "string") {
        const colour = onWhite(item.stroke, opacity * (item.strokeOpacity ?? 1));
        found.push({
          kind: mark.marktype as "rule" | "line",
          what: `${mark.marktype} ${mark.role ?? ""} ${mark.name ?? ""} in ${item.stroke}`,
          contrast: wcagContrast(colour, WHITE),
        });
      }
      if (FILLED.has(mark.marktype)) {
        // A filled mark is seen by its fill or by its outline (a light band outlined in a dark line is
        // seen whole): the better of the two counts.
        const seen = [
          [paint(item.fill), item.fillOpacity ?? 1],
          [(item.strokeWidth ?? 1) > 0 ? paint(item.stroke) : undefined, item.strokeOpacity ?? 1],
        ]
          .filter((p): p is [string, number] => p[0] !== undefined)
          .map(([colour, alpha]) => ({
            what: `${colour} at ${opacity * alpha}`,
            contrast: wcagContrast(onWhite(colour, opacity * alpha), WHITE),
          }))
          .sort((a, b) => b.contrast - a.contrast)[0];
        if (seen !== undefined) {
          found.push({
            kind: "filled",
            what: `${mark.marktype} ${mark.role ?? ""} ${mark.name ?? ""} in ${seen.what}`,
            contrast: seen.contrast,
          });
        }
      }
      for (const child of item.items ?? []) visit(child);
    }
  };
  visit((view.scenegraph() as unknown as { root: SceneMark }).root);
  view.finalize();
  return found;
}

describe("chart contrast against the white background", () => {
  it("the sensitivity chart under test draws materiality and the tipping point", () => {
    const text = JSON.stringify(charts.sensitivity);
    expect(text).toContain("materiality: 1,000");
    expect(text).toContain("tipping point θ =");
  });

  it.each(Object.entries(charts))(
    "%s: every text is at least 4.5:1, every rule, line, bar, area and symbol at least 3:1",
    async (name, spec) => {
      const marks = await drawn(spec);
      expect(marks.filter((m) => m.kind === "text").length, name).toBeGreaterThan(5);
      expect(marks.filter((m) => m.kind !== "text").length, name).toBeGreaterThan(0);
      const low = marks.filter((m) => m.contrast < (m.kind === "text" ? TEXT : GRAPHIC));
      expect(
        low.map((m) => `${m.what}: ${m.contrast.toFixed(2)}:1`),
        name,
      ).toEqual([]);
    },
  );

  it("tells a light label from a dark one (the check can fail)", async () => {
    const spec = sensitivityChart(sscs) as { layer: { mark: { type: string; color?: string } }[] };
    const light = {
      ...spec,
      layer: spec.layer.map((l) =>
        l.mark.type === "text" ? { ...l, mark: { ...l.mark, color: "#CC79A7" } } : l,
      ),
    } as TopLevelSpec;
    const low = (await drawn(light)).filter((m) => m.kind === "text" && m.contrast < TEXT);
    expect(low.map((m) => m.what)).toEqual([
      'text "materiality: 1,000" in #CC79A7',
      expect.stringMatching(/^text "tipping point θ = [\d.]+" in #CC79A7$/),
    ]);
  });

  it("tells a light bar from a dark one (the check can fail)", async () => {
    const spec = JSON.parse(JSON.stringify(charts.timeline).replaceAll(SHADES.unexamined, "#9db4c8"));
    const low = (await drawn(spec)).filter((m) => m.kind === "filled" && m.contrast < GRAPHIC);
    expect(low.length).toBeGreaterThan(1);
    expect(low.every((m) => m.what.includes("#9db4c8 at 1"))).toBe(true);
  });
});
