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

interface Extra {
  ties: {
    strata: StratumCount[];
    risk: string;
    alpha: number;
    side: "lower" | "upper";
    limit: number;
    tieAt: number;
  }[];
  classes: { strata: StratumCount[]; risk: string; alpha: number; lower: number; upper: number }[];
  twelve: { strata: StratumCount[]; alpha: number; evenAccepted: number }[];
  floors: { design: string; rate: number; nothingFoundLimit: number; floor: number }[];
}
// Exact ties, twelve strata with several found and the simulated designs' floors, from
// test/fixtures/python/joint_extra_runner.py (exact fractions; scipy for the binomial floors).
const extra = reference<Extra>("stratified-joint-extra.json");

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

  it.each(extra.ties.map((c) => [label(c), c] as const))(
    "decides an exact tie (the largest probability at the next total equals the risk) as not above it: %s",
    (_, c) => {
      const [numerator, denominator] = c.risk.split("/").map(BigInt) as [bigint, bigint];
      const r = stratifiedCount(c.strata, c.alpha, c.side, { numerator, denominator });
      expect(r).toEqual({ bound: c.limit, method: "joint", exact: true, weightsRounded: false });
      // The tie lies one case beyond the limit, on the side a kept tie would widen it to.
      expect(c.tieAt).toBe(c.side === "upper" ? c.limit + 1 : c.limit - 1);
    },
  );

  it.each(extra.classes.map((c) => [label(c), c] as const))(
    "matches the brute force where strata share N and n but found different counts: %s",
    (_, c) => {
      const [numerator, denominator] = c.risk.split("/").map(BigInt) as [bigint, bigint];
      const exactAlpha = { numerator, denominator };
      const joint = { method: "joint", exact: true, weightsRounded: false };
      expect(stratifiedCount(c.strata, c.alpha, "upper", exactAlpha)).toEqual({ bound: c.upper, ...joint });
      expect(stratifiedCount(c.strata, c.alpha, "lower", exactAlpha)).toEqual({ bound: c.lower, ...joint });
    },
  );

  it.each(extra.twelve.map((c) => [label({ ...c.strata[0], strata: c.strata.length }), c] as const))(
    "twelve strata with several found: at least the even allocation's largest accepted total, at most one more: %s",
    (_, c) => {
      const r = stratifiedCount(c.strata, c.alpha, "upper");
      const { population, sample, found } = c.strata[0] as StratumCount;
      if (population === 1000 && found === 5) {
        // The tables would take about 5.7·10⁹ steps, past the work limit: the Bonferroni sum, said so.
        expect(r.method).toBe("bonferroni");
        expect(r.bound).toBe(12 * hypergeometricCount(found, sample, population, c.alpha / 12).upper);
        return;
      }
      expect(r.method).toBe("joint");
      expect(r.bound).toBeGreaterThanOrEqual(c.evenAccepted);
      expect(r.bound).toBeLessThanOrEqual(c.evenAccepted + 1);
      if (r.exact) expect(r.bound).toBe(c.evenAccepted);
    },
  );

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
 * against the true total, 400 runs per design and rate (Monte Carlo standard error at most
 * √(0.95·0.05/400) = 0.011 at a coverage of 0.95; 0.007 at 0.98). Coverage must reach the confidence less
 * 3.09 standard errors, and stay within 0.03 above it (plus 3.09 standard errors) unless the exact bound on
 * the pooled counts, as if they were one simple random sample of the same size, covers more often: with few
 * cases expected to be found no exact limit can cover less often (see the floors in the fixture: after
 * nothing is found the limit already exceeds almost every total the rate produces). The Bonferroni sum is
 * never below the joint limit here. Limits are cached by the counts found, in decreasing order within
 * strata of equal size and sample (the limit does not depend on that order).
 */
describe("stratifiedCount's coverage (seeded simulation)", () => {
  const rates = [0.001, 0.01, 0.03, 0.1];
  const designs = [
    { name: "2 strata, proportional", N: [2000, 1000], n: [60, 30] },
    { name: "2 strata, disproportionate", N: [2000, 1000], n: [30, 60] },
    { name: "4 strata, proportional", N: [200, 200, 200, 200], n: [10, 10, 10, 10] },
    { name: "4 strata, disproportionate", N: [100, 200, 300, 400], n: [10, 10, 10, 10] },
    { name: "12 strata, proportional", N: Array(12).fill(50), n: Array(12).fill(5) },
    {
      name: "12 strata, disproportionate",
      N: Array.from({ length: 12 }, (_, h) => (h % 2 ? 75 : 25)),
      n: Array(12).fill(5),
    },
  ];
  const runs = 400;
  const confidence = 0.95;
  const noise = (coverage: number) => 3.09 * Math.sqrt((coverage * (1 - coverage)) / runs);

  it.each(designs.flatMap((d) => rates.map((p) => [`${d.name}, p = ${p}`, d, p] as const)))(
    "%s",
    (name, d, p) => {
      const floor = extra.floors.find((f) => name.startsWith(f.design) && f.rate === p);
      if (floor === undefined) throw new Error(`no floor for ${name}`);
      const rng = xoroshiro128plus(20261130);
      const uniform = () => uniformFloat64(rng);
      const cache = new Map<string, { joint: number; bonferroni: number }>();
      const N = d.N.reduce((a, b) => a + b, 0);
      const n = d.n.reduce((a, b) => a + b, 0);
      let covered = 0;
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
        const order = d.N.map((_, h) => h).sort(
          (a, b) =>
            (d.N[a] as number) - (d.N[b] as number) ||
            (d.n[a] as number) - (d.n[b] as number) ||
            (found[b] as number) - (found[a] as number),
        );
        const key = order.map((h) => `${d.N[h]}/${d.n[h]}/${found[h]}`).join(",");
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
          expect(r.bound).toBeLessThanOrEqual(bonferroni);
          // Never below the limit after nothing is found (equal to it then), so coverage ≥ the floor.
          if (found.every((x) => x === 0)) expect(r.bound).toBe(floor.nothingFoundLimit);
          expect(r.bound).toBeGreaterThanOrEqual(floor.nothingFoundLimit);
          limits = { joint: r.bound, bonferroni };
          cache.set(key, limits);
        }
        if (total <= limits.joint) covered++;
        const pooled = hypergeometricCount(
          found.reduce((a, b) => a + b, 0),
          n,
          N,
          1 - confidence,
        ).upper;
        if (total <= pooled) coveredPooled++;
      }
      const coverage = covered / runs;
      const top = Math.max(confidence + 0.03, coveredPooled / runs);
      expect(coverage).toBeGreaterThanOrEqual(confidence - noise(confidence));
      expect(coverage).toBeGreaterThanOrEqual(floor.floor - noise(Math.min(floor.floor, 1 - 1 / runs)));
      expect(coverage).toBeLessThanOrEqual(top + noise(Math.min(top, 1 - 1 / runs)));
    },
  );
});
