import { describe, expect, it } from "vitest";
import { hypergeometricTail } from "../../src/distributions/hypergeometricTail.js";
import { countInterval } from "../../src/intervals/countInterval.js";
import { sampleSize } from "../../src/planning/sampleSize.js";
import { label, published } from "../helpers/fixtures.js";

interface Vignette {
  sampleSizes: {
    model: "binomial" | "poisson" | "hypergeometric";
    population?: number;
    tolerable: number;
    confidence: number;
    allowed?: number;
    expectedAffected?: number;
    sampleSize: number;
    allowedResult?: number;
  }[];
  upperCounts: { population: number; sample: number; found: number; confidence: number; upper: number }[];
  tailProbabilities: {
    population: number;
    affected: number;
    sample: number;
    atMost?: number;
    moreThan?: number;
    probability: number;
  }[];
}
const vignette = published<Vignette>("fsaudit-attribute-sampling.json");
const inputs = (c: object) => Object.fromEntries(Object.entries(c).filter(([key]) => key !== "source"));

// An independent implementation's printed output (R, FSaudit): integers must match exactly,
// probabilities to the seven significant digits R printed.
describe("FSaudit's attribute-sampling vignette", () => {
  it.each(vignette.sampleSizes.map((c) => [label(inputs(c)), c] as const))("sampleSize: %s", (_, c) => {
    const { expectedAffected, sampleSize: expected, allowedResult, ...options } = c;
    const result = sampleSize({
      ...options,
      ...(expectedAffected === undefined
        ? {}
        : { expectedRate: expectedAffected / (c.population as number) }),
    });
    expect(result.sampleSize).toBe(expected);
    if (allowedResult !== undefined) expect(result.allowed).toBe(allowedResult);
  });

  it.each(vignette.upperCounts.map((c) => [label(inputs(c)), c] as const))("countInterval: %s", (_, c) => {
    expect(countInterval({ ...c, sided: "upper" }).upper).toBe(c.upper);
  });

  it.each(vignette.tailProbabilities.map((c) => [label(inputs(c)), c] as const))(
    "hypergeometricTail: %s",
    (_, c) => {
      const p =
        c.atMost !== undefined
          ? hypergeometricTail(c.atMost, c.population, c.affected, c.sample, "lower")
          : hypergeometricTail(c.moreThan as number, c.population, c.affected, c.sample, "upper");
      expect(Number(p.toPrecision(7))).toBe(Number(c.probability.toPrecision(7)));
    },
  );
});
