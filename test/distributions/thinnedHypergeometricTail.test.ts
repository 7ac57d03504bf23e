import { describe, expect, it } from "vitest";
import { hypergeometricTail } from "../../src/distributions/hypergeometricTail.js";
import { thinnedHypergeometricTail } from "../../src/distributions/thinnedHypergeometricTail.js";
import { label, reference } from "../helpers/fixtures.js";

interface TailCase {
  y: number;
  population: number;
  successes: number;
  draws: number;
  recognition: number;
  lower: number;
  upper: number;
}

// Expected values: term-by-term sums in mpmath at 60 digits, cross-checked with scipy
// (test/fixtures/python/thinned_runner.py).
const { tails } = reference<{ tails: TailCase[] }>("thinned-hypergeometric.json");

describe("thinnedHypergeometricTail(y, N, K, n, s, tail)", () => {
  it.each(tails.map((c) => [label(c), c] as const))("matches mpmath: %s", (_, c) => {
    const { y, population, successes, draws, recognition } = c;
    for (const tail of ["lower", "upper"] as const) {
      const expected = c[tail];
      const actual = thinnedHypergeometricTail(y, population, successes, draws, recognition, tail);
      if (expected > 1e-280) expect(actual).toBeCloseRelative(expected, 1e-10);
      else expect(actual).toBeLessThan(1e-270);
    }
  });

  it("is the hypergeometric tail when every drawn case is recognised", () => {
    expect(thinnedHypergeometricTail(2, 609, 40, 109, 1, "lower")).toBe(
      hypergeometricTail(2, 609, 40, 109, "lower"),
    );
    expect(thinnedHypergeometricTail(2, 609, 40, 109, 1, "upper")).toBe(
      hypergeometricTail(2, 609, 40, 109, "upper"),
    );
  });

  it("returns NaN outside the domain rather than throwing", () => {
    expect(thinnedHypergeometricTail(1, 10, 3, 5, 1.5, "lower")).toBeNaN();
    expect(thinnedHypergeometricTail(1, 10, 11, 5, 0.5, "lower")).toBeNaN();
  });
});
