import { describe, expect, it } from "vitest";
import { countInterval } from "../../src/intervals/countInterval.js";
import { proportionInterval } from "../../src/intervals/proportionInterval.js";
import { appraiseStrata } from "../../src/planning/appraiseStrata.js";
import { logFactorials, worstRateCoverage } from "../helpers/enumeration.js";

/** P(X = x) for X ~ Hypergeometric(N, K, n), for every x in 0..n, from a table of ln k!. */
function hypergeometricPmf(N: number, K: number, n: number, lf: Float64Array): number[] {
  const choose = (a: number, b: number) =>
    b < 0 || b > a ? Number.NEGATIVE_INFINITY : (lf[a] as number) - (lf[b] as number) - (lf[a - b] as number);
  return Array.from({ length: n + 1 }, (_, x) =>
    Math.exp(choose(K, x) + choose(N - K, n - x) - choose(N, n)),
  );
}

// Coverage by exact enumeration: for every true value, the probability that the interval contains it,
// summed over every possible outcome with probabilities written out here from the model.
describe("coverage by exact enumeration", () => {
  it.each([
    [0.95, "two"],
    [0.95, "upper"],
    [0.9, "two"],
  ] as const)(
    "countInterval covers every true count at least as often as %s (%s; 25 of 80)",
    (confidence, sided) => {
      const N = 80;
      const n = 25;
      const lf = logFactorials(N);
      const bounds = Array.from({ length: n + 1 }, (_, found) =>
        countInterval({ found, sample: n, population: N, confidence, sided }),
      );
      let worst = 1;
      for (let K = 0; K <= N; K++) {
        const pmf = hypergeometricPmf(N, K, n, lf);
        const covered = pmf.reduce((sum, p, x) => {
          const b = bounds[x] as (typeof bounds)[number];
          return b.lower <= K && K <= b.upper ? sum + p : sum;
        }, 0);
        worst = Math.min(worst, covered);
      }
      expect(worst).toBeGreaterThanOrEqual(confidence - 1e-12);
    },
  );

  it.each([
    [0.95, "two"],
    [0.95, "upper"],
  ] as const)(
    "proportionInterval (Clopper–Pearson) covers every rate on a fine grid at least as often as %s (%s; n = 30)",
    (confidence, sided) => {
      const n = 30;
      const bounds = Array.from({ length: n + 1 }, (_, found) =>
        proportionInterval({ found, sample: n, confidence, sided, method: "clopper-pearson" }),
      );
      const worst = worstRateCoverage(bounds);
      expect(worst).toBeGreaterThanOrEqual(confidence - 1e-12);
    },
  );

  // The joint limits cover the total whatever the allocation, over every pair of true counts in two strata
  // of 40 with 10 drawn (the Bonferroni sum they replace covered at least 0.976 here).
  it("appraiseStrata's exact (joint) limits cover every pair of true counts", () => {
    const N = 40;
    const n = 10;
    const lf = logFactorials(N);
    const confidence = 0.95;
    const limits = Array.from({ length: n + 1 }, (_, a) =>
      Array.from({ length: n + 1 }, (_, b) => {
        const r = appraiseStrata({
          strata: [
            { population: N, sample: n, found: a },
            { population: N, sample: n, found: b },
          ],
          confidence,
          sided: "upper",
        });
        return r.combined.exact.upper;
      }),
    );
    let worst = 1;
    for (let K1 = 0; K1 <= N; K1++) {
      const p1 = hypergeometricPmf(N, K1, n, lf);
      for (let K2 = 0; K2 <= N; K2++) {
        const p2 = hypergeometricPmf(N, K2, n, lf);
        let covered = 0;
        for (let a = 0; a <= n; a++) {
          for (let b = 0; b <= n; b++) {
            if (K1 + K2 <= (limits[a]?.[b] as number)) covered += (p1[a] as number) * (p2[b] as number);
          }
        }
        worst = Math.min(worst, covered);
      }
    }
    expect(worst).toBeGreaterThanOrEqual(confidence - 1e-12);
    expect(worst).toBeLessThan(0.976);
  });
});
