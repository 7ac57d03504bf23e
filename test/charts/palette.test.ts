import {
  type Color,
  differenceCiede2000,
  filterDeficiencyDeuter,
  filterDeficiencyProt,
  filterDeficiencyTrit,
  parse,
} from "culori";
import { describe, expect, it } from "vitest";
import { PALETTE } from "../../src/charts/index.js";
import { renderSvg } from "../../src/cli/render.js";
import { everyChart } from "../helpers/everyChart.js";

// Colour-vision deficiencies simulated at full severity with the matrices of Machado, Oliveira & Fernandes
// (2009), as implemented by culori; distances in CIEDE2000. 10 is well above the just-noticeable
// difference (about 1–2) and is what the tightest pair of the Okabe–Ito colours we draw together keeps
// (vermilion #a34800 against pink #9e3d78 under tritanopia, in the selection-bias chart: 10.8).
const MIN_DIFFERENCE = 10;
type Simulate = (colour: string) => Color;
const VISION: Record<string, Simulate> = {
  typical: (c) => parse(c) as Color,
  protanopia: (c) => filterDeficiencyProt(1)(parse(c) as Color) as Color,
  deuteranopia: (c) => filterDeficiencyDeuter(1)(parse(c) as Color) as Color,
  tritanopia: (c) => filterDeficiencyTrit(1)(parse(c) as Color) as Color,
};
const difference = differenceCiede2000();

/** The colours a spec draws data with: its scales' ranges and its non-text marks' colours. */
function dataColours(spec: unknown): string[] {
  const colours = new Set<string>();
  const visit = (node: unknown) => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (node === null || typeof node !== "object") return;
    const record = node as Record<string, unknown>;
    const mark = record.mark as { type?: string; color?: unknown } | undefined;
    if (mark && mark.type !== "text" && typeof mark.color === "string") colours.add(mark.color);
    const range = (record.scale as { range?: unknown } | undefined)?.range;
    if (Array.isArray(range))
      for (const c of range) if (typeof c === "string" && c.startsWith("#")) colours.add(c);
    for (const [key, child] of Object.entries(record)) if (key !== "config") visit(child);
  };
  visit(spec);
  // Greys and black carry no hue: they stay apart from the palette by lightness alone.
  return [...colours].filter((c) => !/^#(?:222|222222|000000|f2f2f2|555|555555)$/i.test(c));
}

describe("chart colours", () => {
  it("the palette is Okabe–Ito's", () => {
    expect(PALETTE.slice(0, 5)).toEqual(["#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7"]);
  });

  it.each(Object.entries(everyChart))(
    "%s: every pair of colours drawn together stays apart under each colour-vision deficiency",
    (name, spec) => {
      const colours = dataColours(spec);
      expect(colours.length, name).toBeGreaterThan(0);
      // Every pair too close, so that a failure shows all of them at once.
      const close: string[] = [];
      for (const [vision, simulate] of Object.entries(VISION)) {
        for (const [i, a] of colours.entries()) {
          for (const b of colours.slice(i + 1)) {
            const d = difference(simulate(a), simulate(b));
            if (!(d >= MIN_DIFFERENCE)) close.push(`${vision}: ${a} against ${b}: ${d.toFixed(1)}`);
          }
        }
      }
      expect(close, `${name}: ${colours.join(", ")}`).toEqual([]);
    },
  );

  // vega's own category colours (its "tableau10" scheme), which it gives any mark whose colour the spec
  // leaves out: a point drawn on a line of ours in one of them would not match its line or its label.
  const VEGA_DEFAULTS = [
    "#4c78a8",
    "#f58518",
    "#e45756",
    "#72b7b2",
    "#54a24b",
    "#eeca3b",
    "#b279a2",
    "#ff9da6",
    "#9d755d",
    "#bab0ac",
  ];
  const drawnDefaults = (svg: string) =>
    [...svg.matchAll(/(?:fill|stroke)="(#[0-9a-f]{6})"/gi)]
      .map((m) => (m[1] ?? "").toLowerCase())
      .filter((c) => VEGA_DEFAULTS.includes(c));

  it.each(Object.entries(everyChart))(
    "%s: every mark drawn has a colour of ours, none of vega's defaults",
    async (name, spec) => {
      expect(drawnDefaults(await renderSvg(spec)), name).toEqual([]);
    },
  );

  it("the check sees a line's points left in vega's default colour", async () => {
    const planted = {
      data: {
        values: [
          { x: 1, y: 2 },
          { x: 2, y: 3 },
        ],
      },
      mark: { type: "line", color: PALETTE[0], point: true },
      encoding: { x: { field: "x", type: "quantitative" }, y: { field: "y", type: "quantitative" } },
    };
    expect(drawnDefaults(await renderSvg(planted as never))).toContain("#4c78a8");
  });
});
