import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  ceilOf,
  ceilTimes,
  decimalFraction,
  floorOf,
  floorOver,
  roundOf,
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
