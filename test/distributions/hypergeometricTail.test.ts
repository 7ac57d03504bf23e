import { describe, expect, it } from "vitest";
import { hypergeometricLogPmf } from "../../src/distributions/hypergeometricLogPmf.js";
import { hypergeometricTail } from "../../src/distributions/hypergeometricTail.js";
import { hypergeometricLowerTailPrecise } from "../../src/distributions/hypergeometricTailPrecise.js";
import { label, reference } from "../helpers/fixtures.js";

interface TailCase {
  x: number;
  population: number;
  successes: number;
  draws: number;
  lower: number;
  upper: number;
  logPmf: number | null;
}

// Expected values: exact summation in mpmath at 60 digits (test/fixtures/python/runner.py).
const cases = reference<TailCase[]>("hypergeometric-tails.json");

describe("hypergeometricTail(x, N, K, n, tail)", () => {
  it.each(cases.map((c) => [label(c), c] as const))("matches mpmath: %s", (_, c) => {
    const { x, population, successes, draws } = c;
    // Relative 1e-11 wherever the probability is representable well above underflow.
    for (const tail of ["lower", "upper"] as const) {
      const expected = c[tail];
      const actual = hypergeometricTail(x, population, successes, draws, tail);
      if (expected > 1e-280) expect(actual).toBeCloseRelative(expected, 1e-11);
      else expect(actual).toBeLessThan(1e-270);
    }
  });

  it("keeps P(X ≤ x) near 1 when x lies far above its mean (where general CDFs return 0)", () => {
    const expected = cases.find((c) => c.x === 18255 && c.population === 141485);
    expect(expected).toBeDefined();
    expect(hypergeometricTail(18255, 141485, 50000, 18738, "lower")).toBeCloseRelative(
      expected?.lower ?? 0,
      1e-14,
    );
  });

  it("returns NaN outside the domain rather than throwing", () => {
    expect(hypergeometricTail(1, 10, 11, 5, "lower")).toBeNaN();
    expect(hypergeometricTail(1, 10, 3, 11, "lower")).toBeNaN();
    expect(hypergeometricTail(1, 10.5, 3, 5, "lower")).toBeNaN();
  });
});

describe("hypergeometricLogPmf(x, N, K, n)", () => {
  it.each(cases.filter((c) => c.logPmf !== null).map((c) => [label(c), c] as const))(
    "matches mpmath: %s",
    (_, c) => {
      const actual = hypergeometricLogPmf(c.x, c.population, c.successes, c.draws);
      // Absolute 1e-11 in log space is relative 1e-11 in probability.
      expect(Math.abs(actual - (c.logPmf as number))).toBeLessThan(
        1e-11 * Math.max(1, Math.abs(c.logPmf as number)),
      );
    },
  );
});

describe("hypergeometricLowerTailPrecise(x, N, K, n)", () => {
  it.each(cases.map((c) => [label(c), c] as const))("matches mpmath to double precision: %s", (_, c) => {
    const { x, population, successes, draws } = c;
    const actual = hypergeometricLowerTailPrecise(x, population, successes, draws);
    if (c.lower > 1e-280) expect(actual.toNumber()).toBeCloseRelative(c.lower, 1e-15);
    if (c.upper > 1e-280) expect(actual.neg().plus(1).toNumber()).toBeCloseRelative(c.upper, 1e-15);
  });

  it("resolves a near-tie at N = 2^53 − 1 that double precision cannot: P − 0.025 = 1.2134e-19", () => {
    // mpmath at 60 digits: P(X ≤ 1 | 2^53 − 1, 49,970,625,749,854, 1002) = 0.0250000000000000001213407678791…
    const p = hypergeometricLowerTailPrecise(1, 2 ** 53 - 1, 49_970_625_749_854, 1002);
    expect(p.minus("0.025").toNumber()).toBeCloseRelative(1.213407678791096e-19, 1e-12);
  });
});
