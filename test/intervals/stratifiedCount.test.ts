import { uniformFloat64 } from "pure-rand/distribution/uniformFloat64";
import { xoroshiro128plus } from "pure-rand/generator/xoroshiro128plus";
import { describe, expect, it } from "vitest";
import { hypergeometricLogPmf } from "../../src/distributions/hypergeometricLogPmf.js";
import { hypergeometricCount } from "../../src/intervals/hypergeometricCount.js";
import { type StratumCount, stratifiedCount } from "../../src/intervals/stratifiedCount.js";
import { label, reference } from "../helpers/fixtures.js";

interface Case {
  strata: StratumCount[];
  confidence: number;
  sided: "two" | "upper";
  lower: number;
  upper: number;
}
// Expected values: brute force over every allocation and every outcome in exact rational arithmetic, and
// the twelve-stratum cases by the even allocation in mpmath (test/fixtures/python/joint_runner.py).
const cases = reference<Case[]>("stratified-joint.json");

const tailOf = (confidence: number, sided: "two" | "upper") =>
  sided === "two" ? (1 - confidence) / 2 : 1 - confidence;

describe("stratifiedCount(strata, alpha, side)", () => {
  it.each(cases.map((c) => [label(c), c] as const))("matches the brute-force reference: %s", (_, c) => {
    const alpha = tailOf(c.confidence, c.sided);
    const upper = stratifiedCount(c.strata, alpha, "upper");
    expect(upper).toEqual({ bound: c.upper, method: "joint", exact: true, weightsRounded: false });
    if (c.sided === "two") {
      const lower = stratifiedCount(c.strata, alpha, "lower");
      expect(lower).toEqual({ bound: c.lower, method: "joint", exact: true, weightsRounded: false });
    }
  });

  it("twelve strata with 0 found in 50 of 1,000: at most 58 at 95%, as a simple random sample of 600 from 12,000", () => {
    const twelve = Array.from({ length: 12 }, () => ({ population: 1000, sample: 50, found: 0 }));
    expect(stratifiedCount(twelve, 0.05, "upper").bound).toBe(58);
    expect(hypergeometricCount(0, 600, 12000, 0.05).upper).toBe(58);
  });

  it("falls back to the Bonferroni sum, and says so, when the tables would exceed the work limit", () => {
    const strata = Array.from({ length: 12 }, () => ({ population: 100000, sample: 400, found: 40 }));
    const r = stratifiedCount(strata, 0.05, "upper");
    expect(r.method).toBe("bonferroni");
    const each = hypergeometricCount(40, 400, 100000, 0.05 / 12).upper;
    expect(r.bound).toBe(12 * each);
  });

  it("rounds weights whose exact ratios need large integers, and says so", () => {
    const strata = [
      { population: 1009, sample: 97, found: 1 },
      { population: 2003, sample: 89, found: 0 },
    ];
    const r = stratifiedCount(strata, 0.05, "upper");
    expect(r.weightsRounded).toBe(true);
    expect(r.method).toBe("joint");
  });

  it("stays in [found, every unexamined case] at the extremes", () => {
    const none = [
      { population: 30, sample: 5, found: 0 },
      { population: 40, sample: 8, found: 0 },
    ];
    expect(stratifiedCount(none, 0.05, "lower").bound).toBe(0);
    const all = [
      { population: 30, sample: 5, found: 5 },
      { population: 40, sample: 8, found: 8 },
    ];
    expect(stratifiedCount(all, 0.05, "upper").bound).toBe(70);
    const census = [
      { population: 30, sample: 30, found: 4 },
      { population: 40, sample: 40, found: 9 },
    ];
    expect(stratifiedCount(census, 0.05, "upper").bound).toBe(13);
    expect(stratifiedCount(census, 0.05, "lower").bound).toBe(13);
  });
});

/** Hypergeometric pmf over x = 0..n. */
function pmf(N: number, K: number, n: number): number[] {
  return Array.from({ length: n + 1 }, (_, x) => Math.exp(hypergeometricLogPmf(x, N, K, n)));
}

// Exact enumeration: every true allocation of affected cases to the strata and every outcome.
describe("stratifiedCount covers the total for every allocation (exact enumeration)", () => {
  const designs = [
    // Disproportionate: sampling fractions 1/4 and 1/8.
    {
      strata: [
        { population: 24, sample: 6 },
        { population: 40, sample: 5 },
      ],
      confidence: 0.95,
    },
    // Three strata, proportional.
    {
      strata: [
        { population: 12, sample: 3 },
        { population: 16, sample: 4 },
        { population: 8, sample: 2 },
      ],
      confidence: 0.9,
    },
  ];
  it.each(designs.map((d) => [JSON.stringify(d), d] as const))("%s", (_, d) => {
    const H = d.strata.length;
    const outcomes: number[][] = [[]];
    for (const s of d.strata) {
      const next: number[][] = [];
      for (const o of outcomes) for (let x = 0; x <= s.sample; x++) next.push([...o, x]);
      outcomes.splice(0, outcomes.length, ...next);
    }
    const at = (o: number[]) => d.strata.map((s, h) => ({ ...s, found: o[h] as number }));
    const upper = outcomes.map((o) => stratifiedCount(at(o), 1 - d.confidence, "upper").bound);
    const two = outcomes.map((o) => [
      stratifiedCount(at(o), (1 - d.confidence) / 2, "lower").bound,
      stratifiedCount(at(o), (1 - d.confidence) / 2, "upper").bound,
    ]);
    const allocations: number[][] = [[]];
    for (const s of d.strata) {
      const next: number[][] = [];
      for (const a of allocations) for (let K = 0; K <= s.population; K++) next.push([...a, K]);
      allocations.splice(0, allocations.length, ...next);
    }
    let worstUpper = 1;
    let worstTwo = 1;
    for (const K of allocations) {
      const T = K.reduce((a, b) => a + b, 0);
      const p = d.strata.map((s, h) => pmf(s.population, K[h] as number, s.sample));
      let coveredUpper = 0;
      let coveredTwo = 0;
      outcomes.forEach((o, i) => {
        let prob = 1;
        for (let h = 0; h < H; h++) prob *= (p[h] as number[])[o[h] as number] as number;
        if (T <= (upper[i] as number)) coveredUpper += prob;
        const [lo, hi] = two[i] as [number, number];
        if (lo <= T && T <= hi) coveredTwo += prob;
      });
      worstUpper = Math.min(worstUpper, coveredUpper);
      worstTwo = Math.min(worstTwo, coveredTwo);
    }
    expect(worstUpper).toBeGreaterThanOrEqual(d.confidence - 1e-12);
    expect(worstTwo).toBeGreaterThanOrEqual(d.confidence - 1e-12);
  });
});

/**
 * Seeded simulation: every case of every stratum is affected with probability p (so the true allocation
 * varies from run to run), each stratum is sampled at random, and the one-sided 95% upper limit is checked
 * against the true total. Coverage must reach the confidence (less 3.09 Monte Carlo standard errors). It
 * must also stay within 0.03 of it, or of the coverage of the exact bound on the pooled counts as if they
 * were one simple random sample of the same size where that is higher: with few cases found no exact limit
 * can cover less often (at p = 0.001 every exact limit covers every time). The Bonferroni sum, shown
 * alongside, covers every time in every design here.
 */
describe("stratifiedCount's coverage (seeded simulation)", () => {
  const designs = [
    { name: "2 strata, proportional", N: [2000, 1000], n: [60, 30], rates: [0.001, 0.01, 0.03, 0.1] },
    { name: "2 strata, disproportionate", N: [2000, 1000], n: [30, 60], rates: [0.001, 0.01, 0.03, 0.1] },
    {
      name: "4 strata, proportional",
      N: [200, 200, 200, 200],
      n: [10, 10, 10, 10],
      rates: [0.001, 0.01, 0.03, 0.1],
    },
    // Disproportionate designs with more strata take seconds per limit at higher rates; the low rates here.
    {
      name: "4 strata, disproportionate",
      N: [100, 200, 300, 400],
      n: [10, 10, 10, 10],
      rates: [0.001, 0.01],
    },
    {
      name: "12 strata, proportional",
      N: Array(12).fill(50),
      n: Array(12).fill(5),
      rates: [0.001, 0.01, 0.03],
    },
    {
      name: "12 strata, disproportionate",
      N: Array.from({ length: 12 }, (_, h) => (h % 2 ? 75 : 25)),
      n: Array(12).fill(5),
      rates: [0.001, 0.01],
    },
  ];
  const runs = 200;
  const confidence = 0.95;
  const noise = 3.09 * Math.sqrt((confidence * (1 - confidence)) / runs);

  it.each(designs.flatMap((d) => d.rates.map((p) => [`${d.name}, p = ${p}`, d, p] as const)))(
    "%s",
    (_, d, p) => {
      const rng = xoroshiro128plus(20261130);
      const uniform = () => uniformFloat64(rng);
      const cache = new Map<string, { joint: number; bonferroni: number }>();
      const N = d.N.reduce((a, b) => a + b, 0);
      const n = d.n.reduce((a, b) => a + b, 0);
      let covered = 0;
      let coveredBonferroni = 0;
      let coveredPooled = 0;
      for (let run = 0; run < runs; run++) {
        let total = 0;
        const found = d.N.map((Nh, h) => {
          let K = 0;
          for (let i = 0; i < Nh; i++) if (uniform() < p) K++;
          total += K;
          let x = 0;
          let left = K;
          for (let i = 0, remaining = Nh; i < (d.n[h] as number); i++, remaining--) {
            if (uniform() * remaining < left) {
              x++;
              left--;
            }
          }
          return x;
        });
        const key = found.join(",");
        let limits = cache.get(key);
        if (limits === undefined) {
          const strata = d.N.map((Nh, h) => ({
            population: Nh,
            sample: d.n[h] as number,
            found: found[h] as number,
          }));
          const r = stratifiedCount(strata, 1 - confidence, "upper");
          expect(r.method).toBe("joint");
          const bonferroni = strata.reduce(
            (t, s) =>
              t +
              hypergeometricCount(s.found, s.sample, s.population, (1 - confidence) / strata.length).upper,
            0,
          );
          limits = { joint: r.bound, bonferroni };
          cache.set(key, limits);
        }
        if (total <= limits.joint) covered++;
        if (total <= limits.bonferroni) coveredBonferroni++;
        const pooled = hypergeometricCount(
          found.reduce((a, b) => a + b, 0),
          n,
          N,
          1 - confidence,
        ).upper;
        if (total <= pooled) coveredPooled++;
      }
      const coverage = covered / runs;
      expect(coverage).toBeGreaterThanOrEqual(confidence - noise);
      expect(coverage).toBeLessThanOrEqual(Math.max(confidence + 0.03, coveredPooled / runs) + noise);
      expect(coverage).toBeLessThanOrEqual(coveredBonferroni / runs);
    },
  );
});
