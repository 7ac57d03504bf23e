import { describe, expect, it } from "vitest";
import { countInterval } from "../../src/intervals/countInterval.js";
import { proportionInterval } from "../../src/intervals/proportionInterval.js";
import { detectionProbability } from "../../src/planning/detectionProbability.js";
import { label, published } from "../helpers/fixtures.js";

interface Examples {
  countIntervals: {
    population: number;
    sample: number;
    found: number;
    confidence: number;
    sided: "two" | "upper";
    lower?: number;
    upper: number;
  }[];
  rateIntervals: {
    found: number;
    sample: number;
    confidence: number;
    sided: "two" | "upper";
    lowerPercent?: number;
    upperPercent: number;
    decimals: number;
  }[];
  detection: { population: number; sample: number; affected: number; probability: number }[];
}
const examples = published<Examples>("worked-examples.json");

describe("published worked examples", () => {
  it.each(examples.countIntervals.map((c) => [label(c), c] as const))("countInterval: %s", (_, c) => {
    const result = countInterval(c);
    expect(result.upper).toBe(c.upper);
    if (c.lower !== undefined) expect(result.lower).toBe(c.lower);
  });
  it.each(examples.rateIntervals.map((c) => [label(c), c] as const))("proportionInterval: %s", (_, c) => {
    const result = proportionInterval({ ...c, method: "clopper-pearson" });
    expect((result.upper * 100).toFixed(c.decimals)).toBe(c.upperPercent.toFixed(c.decimals));
    if (c.lowerPercent !== undefined) {
      expect((result.lower * 100).toFixed(c.decimals)).toBe(c.lowerPercent.toFixed(c.decimals));
    }
  });
  it.each(examples.detection.map((c) => [label(c), c] as const))("detectionProbability: %s", (_, c) => {
    expect(detectionProbability(c).probability.toFixed(3)).toBe(c.probability.toFixed(3));
  });
});
