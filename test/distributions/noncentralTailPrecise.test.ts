import { describe, expect, it } from "vitest";
import {
  fisherLowerTailPrecise,
  NoncentralDecimal,
  walleniusLowerTailPrecise,
} from "../../src/distributions/noncentralTailPrecise.js";
import { decimalFraction } from "../../src/math/wholeCount.js";
import { label } from "../helpers/fixtures.js";
import { noncentralTailCases as cases, noncentralFarTailCases as farCases } from "../helpers/noncentral.js";

// Expected values: mpmath and exact fractions (test/fixtures/python/noncentral.py; see test/helpers/noncentral.ts).

/** The odds 1/bias as an exact fraction, as the bounds pass them. */
function oddsOf(bias: number) {
  const b = decimalFraction(bias);
  return { numerator: b.denominator, denominator: b.numerator };
}

describe("walleniusLowerTailPrecise(k, N, m, n, odds) and fisherLowerTailPrecise(k, N, m, n, odds)", () => {
  it.each(farCases.filter((c) => c.region === "urn").map((c) => [label(c), c] as const))(
    "Wallenius' far tails match mpmath's 40 digits to 1e-30: %s",
    (_, c) => {
      const actual = walleniusLowerTailPrecise(c.x, c.population, c.marked, c.draws, oddsOf(c.bias));
      const expected = new NoncentralDecimal(c.lowerDigits as string);
      expect(actual).not.toBeNull();
      const error = (actual as InstanceType<typeof NoncentralDecimal>).minus(expected).abs().div(expected);
      expect(error.toNumber()).toBeLessThan(1e-30);
    },
  );

  it.each(cases.filter((c) => c.region !== "large").map((c) => [label(c), c] as const))(
    "match the double-precision references to 1e-12: %s",
    (_, c) => {
      const precise = c.model === "wallenius" ? walleniusLowerTailPrecise : fisherLowerTailPrecise;
      const actual = precise(c.x, c.population, c.marked, c.draws, oddsOf(c.bias));
      expect(actual).not.toBeNull();
      if (c.lower > 1e-250) expect(actual?.toNumber()).toBeCloseRelative(c.lower, 1e-12);
    },
  );

  it("are 0 below the support and 1 from its highest count on (5 draws from 10 with 8 marked: 3 to 5)", () => {
    const odds = { numerator: 1n, denominator: 2n };
    for (const tail of [walleniusLowerTailPrecise, fisherLowerTailPrecise]) {
      expect(tail(2, 10, 8, 5, odds)?.toNumber()).toBe(0);
      expect(tail(5, 10, 8, 5, odds)?.toNumber()).toBe(1);
      expect(tail(3, 10, 8, 5, odds)?.toNumber()).toBeGreaterThan(0);
    }
  });

  it("give up (null) beyond 2,000,000 steps instead of running for minutes", () => {
    expect(
      walleniusLowerTailPrecise(2_000, 1_000_000, 400_000, 5_000, { numerator: 1n, denominator: 2n }),
    ).toBeNull();
    expect(
      walleniusLowerTailPrecise(0, 10, 5, 5, { numerator: 1n, denominator: 2n })?.toNumber(),
    ).toBeGreaterThan(0);
  });
});
