import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { countInterval } from "../../src/intervals/countInterval.js";
import { keepsUpper, noncentralCount } from "../../src/intervals/noncentralCount.js";
import type { Fraction } from "../../src/math/wholeCount.js";
import { InputError } from "../../src/validation/InputError.js";
import { messages } from "../../src/validation/messages.js";
import { populationAndSample } from "../helpers/arbitraries.js";
import { type CountBoundCase, label, reference } from "../helpers/fixtures.js";
import { walleniusUrnPmf } from "../helpers/noncentral.js";

interface BiasedCountCase extends CountBoundCase {
  model: "wallenius" | "fisher";
  bias: number;
}

// Expected values: scipy proposes each bound, exact tails decide it (mpmath for Wallenius' closed-form
// integral, exact fractions for Fisher's); test/fixtures/python/noncentral.py.
const cases = reference<BiasedCountCase[]>("noncentral-count-intervals.json");

interface TieCase {
  model: "wallenius" | "fisher";
  found: number;
  sample: number;
  population: number;
  affected: number;
  bias: number;
  numerator: string;
  denominator: string;
  value: number;
}

// P(X ≤ found | affected) as exact fractions: Wallenius' by the urn in rational arithmetic, Fisher's by
// exact sums (test/fixtures/python/noncentral.py ties).
const ties = reference<TieCase[]>("noncentral-ties.json");

/** P(X = x) ∝ C(m, x) C(N − m, n − x) oddsˣ, by direct summation. */
function fisherPmf(population: number, marked: number, draws: number, odds: number): number[] {
  const choose = (a: number, b: number) => {
    if (b < 0 || b > a) return 0;
    let c = 1;
    for (let i = 1; i <= b; i++) c = (c * (a - b + i)) / i;
    return c;
  };
  const terms = Array.from(
    { length: draws + 1 },
    (_, x) => choose(marked, x) * choose(population - marked, draws - x) * odds ** x,
  );
  const total = terms.reduce((a, b) => a + b, 0);
  return terms.map((t) => t / total);
}

describe("countInterval({ ..., bias, biasModel })", () => {
  it.each(cases.map((c) => [label(c), c] as const))("matches the exact reference: %s", (_, c) => {
    const result = countInterval({ ...c, biasModel: c.model });
    expect([result.lower, result.upper]).toEqual([c.lower, c.upper]);
    expect(result.method).toBe(c.model);
    expect(result.bias).toBe(c.bias);
  });

  it("gives the published-by-scipy SSCS figures: at most 24 affected at random, 35/45/65 (Wallenius) and 34/43/62 (Fisher) at ω = 1.5, 2, 3", () => {
    const upper = (bias: number, biasModel: "wallenius" | "fisher") =>
      countInterval({ found: 1, sample: 109, population: 609, sided: "upper", bias, biasModel }).upper;
    expect([1, 1.5, 2, 3].map((b) => upper(b, "wallenius"))).toEqual([24, 35, 45, 65]);
    expect([1, 1.5, 2, 3].map((b) => upper(b, "fisher"))).toEqual([24, 34, 43, 62]);
  });

  const arbitrary = populationAndSample({ min: 2, max: 100_000 }, 300).chain(({ population, sample }) =>
    fc.record({
      population: fc.constant(population),
      sample: fc.constant(sample),
      found: fc.integer({ min: 0, max: Math.min(sample, 15) }),
      confidence: fc.constantFrom(0.8, 0.9, 0.95, 0.99),
      sided: fc.constantFrom("two" as const, "upper" as const),
      biasModel: fc.constantFrom("wallenius" as const, "fisher" as const),
    }),
  );

  it("reproduces the hypergeometric bounds exactly at ω = 1", () => {
    fc.assert(
      fc.property(arbitrary, (o) => {
        const plain = countInterval({
          found: o.found,
          sample: o.sample,
          population: o.population,
          confidence: o.confidence,
          sided: o.sided,
        });
        const biased = countInterval({ ...o, bias: 1 });
        expect([biased.lower, biased.upper]).toEqual([plain.lower, plain.upper]);
        expect(biased.method).toBe("hypergeometric");
      }),
      { numRuns: 200, seed: 17 },
    );
  });

  it("rises monotonically with ω and reaches the assumption-free bound N − (n − k) as ω grows", () => {
    fc.assert(
      fc.property(arbitrary, (o) => {
        const uppers = [0.5, 1, 1.5, 2, 3, 5, 10, 1000].map((bias) => countInterval({ ...o, bias }).upper);
        const lowers = [0.5, 1, 1.5, 2, 3, 5, 10].map((bias) => countInterval({ ...o, bias }).lower);
        for (let i = 1; i < uppers.length; i++)
          expect(uppers[i]).toBeGreaterThanOrEqual(uppers[i - 1] as number);
        for (let i = 1; i < lowers.length; i++)
          expect(lowers[i]).toBeGreaterThanOrEqual(lowers[i - 1] as number);
        expect(uppers.at(-1)).toBeLessThanOrEqual(o.population - (o.sample - o.found));
      }),
      { numRuns: 60, seed: 29 },
    );
    // SSCS: at ω = 1000 every unexamined case could be affected (609 − 108 = 501).
    expect(countInterval({ found: 1, sample: 109, population: 609, sided: "upper", bias: 1000 }).upper).toBe(
      501,
    );
  });

  it("covers at least the confidence under the biased draw itself, by exact enumeration (N ≤ 30)", () => {
    for (const biasModel of ["wallenius", "fisher"] as const) {
      for (const [population, sample] of [
        [20, 6],
        [30, 10],
        [25, 20],
      ] as const) {
        for (const bias of [0.5, 2, 5]) {
          for (const [confidence, sided] of [
            [0.9, "two"],
            [0.95, "upper"],
          ] as const) {
            const bounds = Array.from({ length: sample + 1 }, (_, found) =>
              countInterval({ found, sample, population, confidence, sided, bias, biasModel }),
            );
            for (let affected = 0; affected <= population; affected++) {
              const pmf = (biasModel === "wallenius" ? walleniusUrnPmf : fisherPmf)(
                population,
                affected,
                sample,
                1 / bias,
              );
              const coverage = pmf.reduce((sum, p, found) => {
                const b = bounds[found];
                return b !== undefined && b.lower <= affected && affected <= b.upper ? sum + p : sum;
              }, 0);
              expect(
                coverage,
                label({ biasModel, population, sample, bias, confidence, sided, affected }),
              ).toBeGreaterThanOrEqual(confidence - 1e-12);
            }
          }
        }
      }
    }
  });

  it.each(ties.map((t) => [label({ ...t, numerator: undefined, denominator: undefined }), t] as const))(
    "decides a risk placed exactly on the tail as exact arithmetic does (a tie is not above α): %s",
    (_, t) => {
      // α = P(X ≤ k | K) exactly: K is rejected, so the upper bound is K − 1; α a hair (1e-40 relative) below
      // it keeps K. In double precision the two risks are the same number: the 60-digit tail decides.
      const exact = { numerator: BigInt(t.numerator), denominator: BigInt(t.denominator) };
      const hairBelow = {
        numerator: exact.numerator * (10n ** 40n - 1n),
        denominator: exact.denominator * 10n ** 40n,
      };
      const keeps = (alpha: Fraction) =>
        keepsUpper(t.found, t.sample, t.population, t.value, t.bias, t.model, t.affected, alpha);
      const upper = (alpha: Fraction) =>
        noncentralCount(t.found, t.sample, t.population, t.value, t.bias, t.model, alpha, "upper").upper;
      expect(keeps(exact)).toBe(false);
      expect(keeps(hairBelow)).toBe(true);
      expect(upper(exact)).toBe(t.affected - 1);
      expect(upper(hairBelow)).toBe(t.affected);
    },
  );

  it("rejects a bias outside [0.001, 1000] and an unknown model, naming the field", () => {
    const base = { found: 1, sample: 109, population: 609 };
    expect(() => countInterval({ ...base, bias: 0 })).toThrow(new InputError("bias", messages.biasRange(0)));
    expect(() => countInterval({ ...base, bias: 2000 })).toThrow(
      new InputError("bias", messages.biasRange(2000)),
    );
    expect(() => countInterval({ ...base, bias: Number.NaN })).toThrow(InputError);
    expect(() => countInterval({ ...base, bias: 2, biasModel: "urn" as "fisher" })).toThrow(
      new InputError("biasModel", messages.oneOf(["wallenius", "fisher"], "urn")),
    );
  });
});
