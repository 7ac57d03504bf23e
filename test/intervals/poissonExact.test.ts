import { describe, expect, it } from "vitest";
import { proportionInterval } from "../../src/intervals/proportionInterval.js";
import { reference } from "../helpers/fixtures.js";

/** ln k! for k ≤ size, summed directly: independent of the library's Loader terms. */
function logFactorials(size: number): Float64Array {
  const table = new Float64Array(size + 1);
  for (let k = 1; k <= size; k++) table[k] = (table[k - 1] as number) + Math.log(k);
  return table;
}

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
    const lf = logFactorials(n);
    const bounds = Array.from({ length: n + 1 }, (_, found) =>
      proportionInterval({ found, sample: n, confidence, sided, method: "poisson" }),
    );
    let worst = 1;
    for (let i = 1; i < 4000; i++) {
      const p = i / 4000;
      let covered = 0;
      for (let x = 0; x <= n; x++) {
        const b = bounds[x] as (typeof bounds)[number];
        if (b.lower <= p && p <= b.upper) {
          covered += Math.exp(
            (lf[n] as number) -
              (lf[x] as number) -
              (lf[n - x] as number) +
              x * Math.log(p) +
              (n - x) * Math.log1p(-p),
          );
        }
      }
      worst = Math.min(worst, covered);
    }
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
