import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { sampleSize, sampleSizePlan } from "../../src/planning/sampleSize.js";
import { label, reference } from "../helpers/fixtures.js";

interface SizeCase {
  model: "binomial" | "poisson" | "hypergeometric";
  tolerable: number;
  confidence: number;
  allowed?: number;
  expectedRate?: number;
  population?: number;
  sampleSize: number;
}
// Expected values: criteria evaluated in mpmath at 60 digits; ⌈n e⌉ in exact rationals (runner.py).
const cases = reference<SizeCase[]>("sample-sizes.json");

describe("sampleSize({ model, tolerable, confidence, allowed, expectedRate, population })", () => {
  it.each(cases.map((c) => [label(c), c] as const))("matches the exact reference: %s", (_, c) => {
    const { sampleSize: expected, ...options } = c;
    const plan = sampleSize(options);
    expect(plan.sampleSize).toBe(expected);
    // Exact ties (P = 1/100 at 99%) meet the plan; see src/math/compareProbability.ts.
    expect(plan.risk).toBeLessThanOrEqual((1 - c.confidence) * (1 + 1e-12));
    expect(plan.sided).toBe("upper");
  });

  it("reports a bound at the planned size that rules out the tolerable rate", () => {
    const plan = sampleSize({ model: "binomial", tolerable: 0.05, expectedRate: 0.01 });
    expect(plan.allowed).toBe(1);
    expect(plan.achievedUpper).toBeLessThan(0.05);
  });

  const arbitrary = fc.record({
    model: fc.constantFrom("binomial" as const, "poisson" as const),
    tolerable: fc.double({ min: 0.005, max: 0.5, noNaN: true }),
    confidence: fc.double({ min: 0.5, max: 0.999, noNaN: true }),
    allowed: fc.integer({ min: 0, max: 5 }),
  });

  it("rises with confidence and falls as the tolerable rate grows", () => {
    fc.assert(
      fc.property(arbitrary, fc.double({ min: 1.01, max: 2, noNaN: true }), (o, factor) => {
        const base = sampleSize(o).sampleSize;
        const surer = Math.min(0.9999, 1 - (1 - o.confidence) / factor);
        expect(sampleSize({ ...o, confidence: surer }).sampleSize).toBeGreaterThanOrEqual(base);
        expect(
          sampleSize({ ...o, tolerable: Math.min(0.99, o.tolerable * factor) }).sampleSize,
        ).toBeLessThanOrEqual(base);
      }),
      { numRuns: 200 },
    );
  });

  it.each([
    [{ model: "binomial", tolerable: 0 }, "tolerable must be strictly between 0 and 1; got 0"],
    [
      { model: "binomial", tolerable: 0.05, expectedRate: 0.05 },
      "expectedRate (0.05) must be below the tolerable rate (0.05)",
    ],
    [
      { model: "binomial", tolerable: 0.05, allowed: 1, expectedRate: 0.01 },
      "allowed cannot be given together with expectedRate",
    ],
    [{ model: "hypergeometric", tolerable: 0.05 }, "population is required"],
    [{ model: "hypergeometric", tolerable: 0.001, population: 100, allowed: 1 }, "tolerable cannot be met"],
    [
      { model: "normal", tolerable: 0.05 },
      'model must be one of binomial, poisson, hypergeometric; got "normal"',
    ],
  ])("rejects %j", (options, message) => {
    expect(() => sampleSize(options as never)).toThrow(message);
  });
});

interface EdgeCase {
  kind: "plan" | "count";
  model: "binomial" | "hypergeometric";
  tolerable: number;
  expectedRate: number;
  confidence: number;
  population?: number;
  sampleSize: number;
  allowed?: number;
}
// Expected values: exact_edges.py, ⌈n e⌉ in exact Fractions, every n (or every allowed count) scanned,
// each risk decided by mpmath at 60 digits.
const edges = reference<EdgeCase[]>("exact-edges.json").filter((c) => c.kind === "plan");

describe("sampleSize with an expected rate at the edges of floating point", () => {
  it.each(edges.map((c) => [label(c), c] as const))("matches the exact reference: %s", (_, c) => {
    const { kind: _kind, sampleSize: expected, allowed, ...options } = c;
    const plan = sampleSize(options);
    expect(plan.sampleSize).toBe(expected);
    if (allowed !== undefined) expect(plan.allowed).toBe(allowed);
  });

  it("refuses, naming expectedRate, an expected rate too close to the tolerable one to search", () => {
    expect(() => sampleSize({ model: "binomial", tolerable: 0.0001, expectedRate: 0.00009999 })).toThrow(
      /^expectedRate is too close to the tolerable rate/,
    );
  });
});

describe("sampleSizePlan(options): the plan, or why none meets it, without throwing", () => {
  it("returns reachable: false with the reason sampleSize throws, when even a census is not enough", () => {
    const options = { model: "hypergeometric", population: 10, tolerable: 0.3, allowed: 5 } as const;
    const plan = sampleSizePlan(options);
    expect(plan.reachable).toBe(false);
    if (plan.reachable) return;
    expect(plan.field).toBe("tolerable");
    expect(() => sampleSize(options)).toThrow(plan.reason);
  });

  it("is sampleSize with reachable: true when a plan exists", () => {
    const options = { model: "binomial", tolerable: 0.05 } as const;
    expect(sampleSizePlan(options)).toEqual({ reachable: true, ...sampleSize(options) });
  });
});
