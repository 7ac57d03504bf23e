import { describe, expect, it } from "vitest";
import { proportionInterval } from "../../src/intervals/proportionInterval.js";
import { worstRateCoverage } from "../helpers/enumeration.js";
import { reference } from "../helpers/fixtures.js";

// docs/methods.md says the Poisson bounds (Garwood 1936), applied to k found among n examined at random, are
// conservative. Shown here by exact enumeration over the binomial outcomes at 3,999 rates from 0.00025 to
// 0.99975: the worst coverage is at least the confidence, and matches scipy's enumeration of the same grid
// (runner.py, poisson_coverage_cases) to 1e-6.
const cases =
  reference<{ n: number; sided: "two" | "upper"; confidence: number; worstCoverage: number }[]>(
    "poisson-coverage.json",
  );

describe("proportionInterval(method: poisson) coverage by exact enumeration", () => {
  it.each(cases)("covers every rate at least as often as stated (n = $n, $sided)", (c) => {
    const { n, sided, confidence } = c;
    const bounds = Array.from({ length: n + 1 }, (_, found) =>
      proportionInterval({ found, sample: n, confidence, sided, method: "poisson" }),
    );
    const worst = worstRateCoverage(bounds);
    expect(worst, JSON.stringify(c)).toBeGreaterThanOrEqual(confidence);
    expect(worst, JSON.stringify(c)).toBeCloseRelative(c.worstCoverage, 1e-6);
  });
});

// Expected values: Gamma quantiles solved in mpmath by quadrature (runner.py, huge_gamma_quantile_cases).
describe("proportionInterval(method: poisson) at n = 2^53 − 1", () => {
  it("keeps lower < k/n < upper at k = (2^53 − 1)/2 − ½ and 99.9999% (it printed lower 100%, upper 50%)", () => {
    const huge = reference<{ p: number; shape: number; quantile: number }[]>("gamma-quantiles-huge.json");
    const quantile = (p: number, shape: number) =>
      (huge.find((c) => c.p === p && c.shape === shape) as { quantile: number }).quantile;
    const n = Number.MAX_SAFE_INTEGER;
    const k = 4503599627370495;
    const r = proportionInterval({ found: k, sample: n, confidence: 0.999999, method: "poisson" });
    expect(r.lower).toBeCloseRelative(quantile(5e-7, k) / n, 1e-13);
    expect(r.upper).toBeCloseRelative(quantile(0.9999995, k + 1) / n, 1e-13);
    expect(r.lower).toBeLessThan(k / n);
    expect(r.upper).toBeGreaterThan(k / n);
  });
});
