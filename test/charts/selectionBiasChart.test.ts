import { describe, expect, it } from "vitest";
import { compileSpec } from "../../src/charts/render.js";
import { selectionBiasChart } from "../../src/charts/selectionBiasChart.js";
import { assessInvestigation } from "../../src/investigation/assessInvestigation.js";
import { examples } from "../../src/scenario/examples.js";

const sscs = assessInvestigation({ ...examples["hmcts-sscs"], biasModel: "wallenius" });

describe("selectionBiasChart(assessment)", () => {
  it("draws the window's bound against ω with the random-sample and assumption-free lines, and compiles", () => {
    const spec = selectionBiasChart(sscs);
    const values = (spec as { data: { values: { bias: number; undetected: number }[] } }).data.values;
    expect(values.map((v) => [v.bias, v.undetected])).toEqual([
      [1, 23],
      [1.5, 34],
      [2, 44],
      [3, 64],
      [5, 100],
      [10, 170],
    ]);
    const text = JSON.stringify(spec);
    expect(text).toContain("random sample: 23");
    expect(text).toContain("no assumption: 500");
    expect(text).toContain("tipping bias ω = 2.05");
    expect(compileSpec(spec).warnings).toEqual([]);
  });

  it("colours every label, and the lines it names, at least 4.5:1 against white (WCAG AA)", () => {
    // WCAG 2.2 relative luminance and contrast ratio.
    const luminance = (hex: string) => {
      const [r, g, b] = [1, 3, 5].map((i) => {
        const c = Number.parseInt(hex.slice(i, i + 2), 16) / 255;
        return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
      }) as [number, number, number];
      return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    };
    const contrast = (hex: string) => 1.05 / (luminance(hex) + 0.05);
    const layers = (selectionBiasChart(sscs) as { layer: { mark: { type: string; color?: string } }[] })
      .layer;
    const coloured = layers.filter((l) => l.mark.type === "text" || l.mark.type === "rule");
    expect(coloured.length).toBe(6);
    for (const layer of coloured) {
      expect(contrast(layer.mark.color as string), JSON.stringify(layer.mark)).toBeGreaterThanOrEqual(4.5);
    }
  });

  it("refuses an assessment without a selection-bias grid", () => {
    expect(() => selectionBiasChart(assessInvestigation(examples["hmcts-sscs"]))).toThrow(RangeError);
  });
});
