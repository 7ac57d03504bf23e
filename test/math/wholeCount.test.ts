import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  ceilOf,
  ceilTimes,
  compare,
  decimalFraction,
  floorOf,
  floorOver,
  largestRemainder,
  ratio,
  roundOf,
  sum,
  toNumber,
} from "../../src/math/wholeCount.js";

describe("decimalFraction(x)", () => {
  it("decimalFraction(0.035) is 35/1000, the decimal as typed", () => {
    expect(decimalFraction(0.035)).toEqual({ numerator: 35n, denominator: 1000n });
  });

  it("reads exponents: 1e-15 is 1/10^15 and 1.5e21 is 15 × 10^20", () => {
    expect(decimalFraction(1e-15)).toEqual({ numerator: 1n, denominator: 10n ** 15n });
    expect(decimalFraction(1.5e21)).toEqual({ numerator: 15n * 10n ** 20n, denominator: 1n });
  });
});

describe("ceilTimes(count, rate)", () => {
  it("ceilTimes(400, 0.035) is 14, though 400 × 0.035 is 14.000000000000002 in floating point", () => {
    expect(ceilTimes(400, 0.035)).toBe(14);
  });

  it("ceilTimes(27172, 0.9998895930399453) is 27170, which a 1e-9 tolerance took for 27169", () => {
    // 27172 × 0.9998895930399453 = 27169.000002... exactly (Python: Fraction("0.9998895930399453") * 27172).
    expect(ceilTimes(27172, 0.9998895930399453)).toBe(27170);
  });

  it("is the least whole c with count × rate ≤ c, by the definition in BigInts (seed 12)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (count, rate) => {
          const c = ceilTimes(count, rate);
          const r = decimalFraction(rate);
          const product = BigInt(count) * r.numerator;
          expect(BigInt(c) * r.denominator >= product).toBe(true);
          expect((BigInt(c) - 1n) * r.denominator < product).toBe(true);
        },
      ),
      { seed: 12, numRuns: 500 },
    );
  });
});

describe("floorOver(k, rate)", () => {
  it("floorOver(14, 0.035) is 400: the largest n with ⌈n × 0.035⌉ ≤ 14", () => {
    expect(floorOver(14, 0.035)).toBe(400);
    expect(ceilTimes(401, 0.035)).toBe(15);
  });
});

describe("floorOf, ceilOf, roundOf, toNumber", () => {
  it("round 311/2 to 155, 156 and 156 (halves up), and 156 − 1/10^30 down to 155", () => {
    const half = { numerator: 311n, denominator: 2n };
    expect([floorOf(half), ceilOf(half), roundOf(half)]).toEqual([155, 156, 156]);
    const justBelow = { numerator: 156n * 10n ** 30n - 1n, denominator: 10n ** 30n };
    expect([floorOf(justBelow), ceilOf(justBelow), roundOf(justBelow)]).toEqual([155, 156, 156]);
    expect(toNumber(half)).toBe(155.5);
  });
});

describe("largestRemainder(shares, total)", () => {
  it("largestRemainder([11/2, 9/2], 10) is [6, 4]: the tie goes to the earlier, and the sum stays 10", () => {
    expect(largestRemainder([ratio(11, 2), ratio(9, 2)], 10)).toEqual([6, 4]);
  });

  it("sums to the total, each part within one of its share, by the definition in BigInts (seed 41)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 10_000 }), { minLength: 1, maxLength: 24 }),
        fc.integer({ min: 1, max: 400 }),
        (weights, cases) => {
          const totalWeight = weights.reduce((a, b) => a + b, 0) || 1;
          const shares = weights.map((w) => ratio(BigInt(w) * BigInt(cases), totalWeight));
          const total = weights.some((w) => w > 0) ? cases : 0;
          const parts = largestRemainder(shares, total);
          expect(parts.reduce((a, b) => a + b, 0)).toBe(total);
          parts.forEach((part, i) => {
            const share = shares[i] as { numerator: bigint; denominator: bigint };
            // |part − share| < 1, i.e. part ∈ {⌊share⌋, ⌈share⌉}.
            expect(BigInt(part) * share.denominator - share.numerator < share.denominator).toBe(true);
            expect(share.numerator - BigInt(part) * share.denominator < share.denominator).toBe(true);
          });
        },
      ),
      { seed: 41, numRuns: 300 },
    );
  });
});

describe("compare(a, b) and sum(parts)", () => {
  it("compare(sum(thirds), 1) is 0 and three tenths sum to exactly 3/10 (0.30000000000000004 in doubles)", () => {
    expect(compare(sum([ratio(1, 3), ratio(1, 3), ratio(1, 3)]), ratio(1, 1))).toBe(0);
    expect(compare(sum([ratio(1, 10), ratio(1, 10), ratio(1, 10)]), ratio(3, 10))).toBe(0);
    expect(compare(ratio(2, 3), ratio(3, 5))).toBe(1);
  });
});
