import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fisherTail } from "../../src/distributions/fisherTail.js";
import { hypergeometricTail } from "../../src/distributions/hypergeometricTail.js";
import { walleniusLogPmf } from "../../src/distributions/walleniusLogPmf.js";
import { walleniusAtMost, walleniusTail } from "../../src/distributions/walleniusTail.js";
import { populationAndSample } from "../helpers/arbitraries.js";
import { label } from "../helpers/fixtures.js";
import {
  noncentralTailCases as cases,
  noncentralFarTailCases as farCases,
  walleniusUrnPmf,
} from "../helpers/noncentral.js";

// Expected values: mpmath and exact fractions (test/fixtures/python/noncentral.py; see test/helpers/noncentral.ts).

describe("walleniusTail(x, N, m, n, odds, tail) and fisherTail(x, N, m, n, odds, tail)", () => {
  it.each(cases.map((c) => [label(c), c] as const))("match the exact reference: %s", (_, c) => {
    const tail = c.model === "wallenius" ? walleniusTail : fisherTail;
    const odds = 1 / c.bias;
    // Relative 1e-10 for either tail well above underflow: the tolerance the bounds' tie width (1e-9) rests on.
    for (const side of ["lower", "upper"] as const) {
      const expected = c[side];
      const actual = tail(c.x, c.population, c.marked, c.draws, odds, side);
      if (expected > 1e-250) expect(actual).toBeCloseRelative(expected, 1e-10);
      else expect(actual).toBeLessThan(1e-240);
    }
  });

  it("cover every region and both models", () => {
    for (const model of ["wallenius", "fisher"]) {
      for (const region of ["small", "medium"]) {
        expect(cases.filter((c) => c.model === model && c.region === region).length).toBeGreaterThan(5);
      }
    }
    expect(cases.filter((c) => c.model === "wallenius" && c.region === "large").length).toBeGreaterThan(5);
  });

  it("reduce to the hypergeometric tail as the odds approach 1, by either of Fog's methods, in either tail", () => {
    // At odds 1 + δ every order of draws changes its probability by a factor within (1 + δ)^±n, so every
    // tail moves by at most n·δ relative: at δ = 1e-14 the tails must match the hypergeometric's to the
    // tested 1e-10 plus n·1e-14, however far out (the urn's far tails were once 1e-6 off, taken as one
    // minus the other tail).
    const odds = 1 + 1e-14;
    const arbitrary = populationAndSample({ min: 2, max: 20_000 }, 400).chain(
      ({ population, sample: draws }) =>
        fc.record({
          population: fc.constant(population),
          draws: fc.constant(draws),
          marked: fc.integer({ min: 0, max: population }),
          x: fc.integer({ min: 0, max: draws }),
        }),
    );
    fc.assert(
      fc.property(arbitrary, ({ x, population, marked, draws }) => {
        const tolerance = 1e-10 + draws * odds * 1e-14;
        const lowest = Math.max(0, draws - (population - marked));
        const mean = (draws * marked) / population;
        for (const side of ["lower", "upper"] as const) {
          const expected = hypergeometricTail(x, population, marked, draws, side);
          const fisher = fisherTail(x, population, marked, draws, 1, side);
          const wallenius = walleniusTail(x, population, marked, draws, odds, side);
          if (expected > 1e-250) {
            expect(fisher, label({ x, population, marked, draws, side })).toBeCloseRelative(expected, 1e-11);
            expect(wallenius, label({ x, population, marked, draws, side })).toBeCloseRelative(
              expected,
              tolerance,
            );
          }
        }
        // Each method on the tail it sums directly (the lower tail below the mean, else the unmarked
        // items' lower tail), so each is checked on its own, far tails included.
        if (x < lowest || x >= Math.min(draws, marked)) return;
        const direct =
          x < mean
            ? { k: x, marked, odds, expected: hypergeometricTail(x, population, marked, draws, "lower") }
            : {
                k: draws - x - 1,
                marked: population - marked,
                odds: 1 / odds,
                expected: hypergeometricTail(x, population, marked, draws, "upper"),
              };
        if (direct.expected <= 1e-250) return;
        for (const method of ["urn", "integral"] as const) {
          const actual = walleniusAtMost(direct.k, population, direct.marked, draws, direct.odds, method);
          expect(actual, label({ x, population, marked, draws, method })).toBeCloseRelative(
            direct.expected,
            tolerance,
          );
        }
      }),
      { numRuns: 200, seed: 1701 },
    );
  });

  it.each(farCases.map((c) => [label(c), c] as const))(
    "match mpmath in the far tails, by either method: %s",
    (_, c) => {
      // The tail beyond x, summed directly by mpmath (test/fixtures/python/noncentral.py far).
      const odds = 1 / c.bias;
      for (const side of ["lower", "upper"] as const) {
        expect(walleniusTail(c.x, c.population, c.marked, c.draws, odds, side)).toBeCloseRelative(
          c[side],
          1e-10,
        );
      }
      const [k, marked, o] =
        c.side === "lower" ? [c.x, c.marked, odds] : [c.draws - c.x - 1, c.population - c.marked, 1 / odds];
      for (const method of ["urn", "integral"] as const) {
        expect(walleniusAtMost(k, c.population, marked, c.draws, o, method)).toBeCloseRelative(
          c[c.side],
          1e-10,
        );
      }
    },
  );

  it("agree with the urn recursion of Wallenius' model, draw by draw, for small populations", () => {
    // An independent computation: the probability of each count after every draw (walleniusUrnPmf).
    for (const [population, marked, draws, odds] of [
      [30, 12, 10, 0.5],
      [40, 5, 25, 1 / 3],
      [25, 20, 8, 2],
      [60, 30, 30, 0.1],
    ] as const) {
      const pmf = walleniusUrnPmf(population, marked, draws, odds);
      pmf.forEach((expected, x) => {
        const actual = Math.exp(walleniusLogPmf(x, population, marked, draws, odds));
        if (expected > 1e-200)
          expect(actual, label({ x, population, marked, draws, odds })).toBeCloseRelative(expected, 1e-11);
      });
    }
  });

  it("are 0 and 1 outside the support: below max(0, n − (N − m₁)) and from min(n, m₁) on", () => {
    // 5 draws from 10 with 8 marked draw 3 to 5 marked; 5 draws from 10 with 4 marked draw 0 to 4.
    for (const tail of [walleniusTail, fisherTail]) {
      expect(tail(2, 10, 8, 5, 0.5, "lower")).toBe(0);
      expect(tail(2, 10, 8, 5, 0.5, "upper")).toBe(1);
      expect(tail(4, 10, 4, 5, 2, "lower")).toBe(1);
      expect(tail(4, 10, 4, 5, 2, "upper")).toBe(0);
      expect(tail(3, 10, 8, 5, 0.5, "lower")).toBeGreaterThan(0);
      expect(tail(3, 10, 4, 5, 2, "lower")).toBeLessThan(1);
    }
  });

  it("return NaN outside the domain rather than throwing", () => {
    expect(walleniusTail(1, 10, 11, 5, 0.5, "lower")).toBeNaN();
    expect(walleniusTail(1, 10, 5, 5, 0, "lower")).toBeNaN();
    expect(fisherTail(1, 10, 5, 11, 0.5, "lower")).toBeNaN();
    expect(fisherTail(1, 10, 5, 5, Number.NaN, "upper")).toBeNaN();
    expect(walleniusLogPmf(11, 20, 10, 10, 0.5)).toBe(Number.NEGATIVE_INFINITY);
  });

  // [x, population, marked, draws, odds]: each breaks one condition of the shared domain check.
  it.each([
    [1, 10.5, 5, 5, 0.5],
    [1, 10, 5.5, 5, 0.5],
    [1, 10, 5, 5.5, 0.5],
    [1, 10, -1, 5, 0.5],
    [1, 10, 11, 5, 0.5],
    [1, 10, 5, -1, 0.5],
    [1, 10, 5, 11, 0.5],
    [1, 10, 5, 5, 0],
    [1, 10, 5, 5, Number.POSITIVE_INFINITY],
    [Number.NaN, 10, 5, 5, 0.5],
  ])("walleniusLogPmf, walleniusTail and fisherTail(%s, %s, %s, %s, %s) are all NaN", (x, N, m, n, w) => {
    expect(walleniusLogPmf(x, N, m, n, w)).toBeNaN();
    expect(walleniusTail(x, N, m, n, w, "lower")).toBeNaN();
    expect(fisherTail(x, N, m, n, w, "upper")).toBeNaN();
  });
});
