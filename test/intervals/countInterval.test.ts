import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { countInterval } from "../../src/intervals/countInterval.js";
import { InputError } from "../../src/validation/InputError.js";
import { populationAndSample } from "../helpers/arbitraries.js";
import { type CountBoundCase, label, reference } from "../helpers/fixtures.js";

interface CountCase extends CountBoundCase {
  region: string;
}
// Expected values: scipy bisection, every boundary decided by mpmath at 60 digits (runner.py).
const cases = reference<CountCase[]>("count-intervals.json");

describe("countInterval({ found, sample, population, confidence, sided })", () => {
  it.each(cases.map((c) => [label(c), c] as const))("matches the exact reference: %s", (_, c) => {
    const result = countInterval(c);
    expect([result.lower, result.upper]).toEqual([c.lower, c.upper]);
    expect(result.method).toBe("hypergeometric");
    expect(result.rate.upper).toBe(c.upper / c.population);
    expect(result.notFound).toEqual({ lower: c.lower - c.found, upper: c.upper - c.found });
  });

  it("reports the cases found as the lower count of a one-sided bound", () => {
    const result = countInterval({ found: 1, sample: 109, population: 609, sided: "upper" });
    expect(result.lower).toBe(1);
    expect(result.sided).toBe("upper");
  });

  const arbitrary = populationAndSample({ min: 1, max: 1_000_000 }, 5000).chain(({ population, sample }) =>
    fc.record({
      population: fc.constant(population),
      sample: fc.constant(sample),
      found: fc.integer({ min: 0, max: sample }),
      confidence: fc.double({ min: 0.5, max: 0.9999, noNaN: true }),
      sided: fc.constantFrom("two" as const, "upper" as const),
    }),
  );

  it("stays in [found, N − (sample − found)] and contains the estimate, to the nearest whole case", () => {
    fc.assert(
      fc.property(arbitrary, (o) => {
        const r = countInterval(o);
        expect(r.lower).toBeGreaterThanOrEqual(o.found);
        expect(r.upper).toBeLessThanOrEqual(o.population - (o.sample - o.found));
        expect(r.lower).toBeLessThanOrEqual(Math.ceil(r.estimate));
        expect(r.upper).toBeGreaterThanOrEqual(Math.floor(r.estimate));
        expect(Number.isInteger(r.lower) && Number.isInteger(r.upper)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it("can exclude a fractional estimate: 1 found in 5,000 of 5,256 at 50% gives 1 to 1, estimate 1.05", () => {
    // K = 2 is rejected: P(X ≤ 1 | N = 5256, K = 2, n = 5000) = 1 − C(5000, 2)/C(5256, 2), in closed form,
    // is below the tail 0.25, so no whole number of cases above 1 is consistent with the data.
    const keep = 1 - (5000 * 4999) / (5256 * 5255);
    expect(keep).toBeLessThan(0.25);
    const r = countInterval({ found: 1, sample: 5000, population: 5256, confidence: 0.5 });
    expect([r.lower, r.upper]).toEqual([1, 1]);
    expect(r.estimate).toBe(5256 / 5000);
  });

  it("gives an upper bound that rises with found and falls as the sample grows", () => {
    fc.assert(
      fc.property(arbitrary, (o) => {
        const base = countInterval(o).upper;
        if (o.found < o.sample)
          expect(countInterval({ ...o, found: o.found + 1 }).upper).toBeGreaterThanOrEqual(base);
        if (o.sample < o.population) {
          expect(countInterval({ ...o, sample: o.sample + 1 }).upper).toBeLessThanOrEqual(base);
        }
      }),
      { numRuns: 300 },
    );
  });

  it.each([
    [
      { found: 110, sample: 109, population: 609 },
      "found must be a whole number from 0 to sample (109); got 110",
    ],
    [
      { found: 1, sample: 700, population: 609 },
      "sample must be a whole number from 1 to population (609); got 700",
    ],
    [
      { found: 1.5, sample: 109, population: 609 },
      "found must be a whole number from 0 to sample (109); got 1.5",
    ],
    [
      { found: 1, sample: 109, population: 609, confidence: 1 },
      "confidence must be strictly between 0 and 1; got 1",
    ],
    [
      { found: 1, sample: 109, population: 609, confidence: 0.0095 },
      "confidence must be at least 0.5 (50%) and below 1: a bound at a lower confidence is more likely wrong than right; got 0.0095 (0.95% was probably meant as 95%: write 0.95 or 95%)",
    ],
    [
      { found: 1, sample: 109, population: 2 ** 53 },
      `population must be a whole number from 1 to ${2 ** 53 - 1}; got ${2 ** 53}`,
    ],
  ])("rejects %j with a message naming the field", (options, message) => {
    expect(() => countInterval(options)).toThrow(new InputError("x", "").constructor as typeof InputError);
    expect(() => countInterval(options)).toThrow(message);
  });
});

interface EdgeCountCase {
  kind: "plan" | "count";
  found: number;
  sample: number;
  population: number;
  confidence: number;
  sided: "two" | "upper";
  upper: number;
}
// Expected values: exact_edges.py, bisection with every step decided by mpmath at 60 digits. At N near
// 2^53 neighbouring K move the tail by about 1e-15 relative, less than double precision can resolve.
const edges = reference<EdgeCountCase[]>("exact-edges.json").filter((c) => c.kind === "count");

describe("countInterval at N near 2^53, where ties need more than double precision", () => {
  it.each(edges.map((c) => [label(c), c] as const))("matches the exact reference: %s", (_, c) => {
    const { kind: _kind, upper, ...options } = c;
    expect(countInterval(options).upper).toBe(upper);
  });

  it("refuses up front, naming found, a sample whose tails are too wide to sum exactly", () => {
    expect(() =>
      countInterval({ found: 2_000_000_000_000_000, sample: 4_500_000_000_000_000, population: 9e15 }),
    ).toThrow(/^found .*1,000,000,000/);
  });
});
