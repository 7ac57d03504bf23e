import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { PROPORTION_METHODS, proportionInterval } from "../../src/intervals/proportionInterval.js";
import { messages } from "../../src/validation/messages.js";
import { label, reference } from "../helpers/fixtures.js";

interface RateCase {
  method: (typeof PROPORTION_METHODS)[number];
  found: number;
  sample: number;
  confidence: number;
  sided: "two" | "upper";
  estimate: number;
  lower: number;
  upper: number;
}
// Expected values: scipy beta/norm quantiles and mpmath (runner.py, prop_cases). Tolerance: relative 1e-9
// (the normal quantile of two independent implementations), absolute 1e-15 near 0.
const cases = reference<RateCase[]>("proportion-intervals.json");

function close(actual: number, expected: number) {
  if (Math.abs(expected) < 1e-12) expect(Math.abs(actual - expected)).toBeLessThan(1e-15);
  else expect(actual).toBeCloseRelative(expected, 1e-9);
}

describe("proportionInterval({ found, sample, confidence, method, sided })", () => {
  it.each(cases.map((c) => [label(c), c] as const))("matches the reference: %s", (_, c) => {
    const r = proportionInterval(c);
    close(r.lower, c.lower);
    close(r.upper, c.upper);
    close(r.estimate, c.estimate);
    expect(r.method).toBe(c.method);
    expect(r.sided).toBe(c.sided);
  });

  it("warns that Wald degenerates at 0 found", () => {
    const r = proportionInterval({ found: 0, sample: 109, method: "wald" });
    expect(r.upper).toBe(0);
    expect(r.warnings).toEqual([{ id: "wald-degenerate", text: messages.waldDegenerate(0, 109) }]);
  });

  it("warns by id: an approximate method's bound, a Poisson bound clipped at 1, none for an exact method", () => {
    const approximate = (method: string) => ({
      id: "rate-bound-approximate",
      text: messages.rateBoundFromApproximation(method),
    });
    expect(proportionInterval({ found: 1, sample: 109, method: "wald" }).warnings).toEqual([
      approximate("Wald"),
    ]);
    expect(proportionInterval({ found: 1, sample: 109, method: "agresti-coull" }).warnings).toEqual([
      approximate("Agresti–Coull"),
    ]);
    // 9 of 10: the exact Poisson upper bound is ½χ²(0.975; 20) = 17.08 events in 10 cases (scipy), a rate above 1.
    expect(proportionInterval({ found: 9, sample: 10, method: "poisson" }).warnings).toEqual([
      { id: "poisson-clipped", text: messages.poissonClipped() },
    ]);
    expect(proportionInterval({ found: 1, sample: 109, method: "poisson" }).warnings).toEqual([]);
    expect(proportionInterval({ found: 1, sample: 109 }).warnings).toEqual([]);
  });

  it("uses the given Beta prior for bayes and echoes it", () => {
    const r = proportionInterval({
      found: 1,
      sample: 109,
      method: "bayes",
      prior: { alpha: 0.5, beta: 0.5 },
    });
    const jeffreysLike = proportionInterval({ found: 1, sample: 109, method: "jeffreys" });
    expect(r.prior).toEqual({ alpha: 0.5, beta: 0.5 });
    expect(r.upper).toBeCloseRelative(jeffreysLike.upper, 1e-14);
  });

  // Confidence from 0.6: at exactly 0.5 one-sided, the Jeffreys and Bayes bounds are posterior medians,
  // which lie a little below found/sample when it exceeds ½ (a property of the Beta median, see
  // docs/methods.md), so "contains the estimate" is not a property there.
  const arbitrary = fc.integer({ min: 1, max: 100_000 }).chain((sample) =>
    fc.record({
      sample: fc.constant(sample),
      found: fc.integer({ min: 0, max: sample }),
      confidence: fc.double({ min: 0.6, max: 0.9999, noNaN: true }),
      sided: fc.constantFrom("two" as const, "upper" as const),
      method: fc.constantFrom(...PROPORTION_METHODS),
    }),
  );

  it("keeps 0 ≤ lower ≤ estimate ≤ upper ≤ 1 for every method", () => {
    fc.assert(
      fc.property(arbitrary, (o) => {
        const r = proportionInterval(o);
        expect(0).toBeLessThanOrEqual(r.lower);
        // Slack of 1e-12 relative for separate quantile calls that agree mathematically.
        expect(r.lower).toBeLessThanOrEqual(r.estimate * (1 + 1e-12));
        expect(r.estimate).toBeLessThanOrEqual(r.upper * (1 + 1e-12) + 1e-300);
        expect(r.upper).toBeLessThanOrEqual(1);
      }),
      { numRuns: 500 },
    );
  });

  it("gives exact upper bounds (Clopper–Pearson) that rise with found and fall with the sample", () => {
    fc.assert(
      fc.property(arbitrary, (o) => {
        const opts = { ...o, method: "clopper-pearson" as const };
        const base = proportionInterval(opts).upper;
        if (o.found < o.sample)
          expect(proportionInterval({ ...opts, found: o.found + 1 }).upper).toBeGreaterThanOrEqual(base);
        expect(proportionInterval({ ...opts, sample: o.sample + 1 }).upper).toBeLessThanOrEqual(base);
      }),
      { numRuns: 300 },
    );
  });

  it.each([
    [{ found: 2, sample: 1 }, "found must be a whole number from 0 to sample (1); got 2"],
    [{ found: -1, sample: 10 }, "found must be a whole number from 0 to sample (10); got -1"],
    [{ found: 1, sample: 0 }, `sample must be a whole number from 1 to ${2 ** 53 - 1}; got 0`],
    [{ found: 1, sample: 10, confidence: 0 }, "confidence must be strictly between 0 and 1; got 0"],
    [
      { found: 1, sample: 10, method: "exact" },
      `method must be one of ${PROPORTION_METHODS.join(", ")}; got "exact"`,
    ],
    [{ found: 1, sample: 10, sided: "lower" }, 'sided must be one of two, upper; got "lower"'],
    [
      { found: 1, sample: 10, method: "bayes", prior: { alpha: 0, beta: 1 } },
      "prior.alpha must be greater than 0; got 0",
    ],
    [{ found: Number.NaN, sample: 10 }, 'found must be a number; got "NaN"'],
    [{ found: "1", sample: 10 }, 'found must be a number; got the string "1"'],
  ])("rejects %j with a message naming the field", (options, message) => {
    expect(() => proportionInterval(options as never)).toThrow(message);
  });
});
