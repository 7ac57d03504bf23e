import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { appraiseStrata } from "../../src/planning/appraiseStrata.js";
import { InputError } from "../../src/validation/InputError.js";
import { messages } from "../../src/validation/messages.js";
import { label, reference } from "../helpers/fixtures.js";

interface Case {
  confidence: number;
  strata: { population: number; sample: number; found: number }[];
  projected: number;
  normalLower: number;
  normalUpper: number;
  exactLower: number;
  exactUpper: number;
}
// Expected values: scipy norm.ppf and mpmath-decided exact bounds (runner.py, appraisal_cases).
const cases = reference<Case[]>("stratified-appraisal.json");
// Wendell & Schmee's limits by brute force over every allocation (joint_runner.py).
const joint =
  reference<
    {
      strata: { population: number; sample: number; found: number }[];
      confidence: number;
      sided: "two" | "upper";
      lower: number;
      upper: number;
    }[]
  >("stratified-joint.json");

describe("appraiseStrata({ strata, confidence, sided })", () => {
  it("reproduces RAT-STATS' stratified example: projected 110, 90% limits 49 to 171", () => {
    const r = appraiseStrata({
      strata: [
        { population: 1000, sample: 100, found: 2 },
        { population: 1500, sample: 100, found: 6 },
      ],
      confidence: 0.9,
    });
    expect(r.combined.projected).toBe(110);
    expect([Math.round(r.combined.normal.lower), Math.round(r.combined.normal.upper)]).toEqual([49, 171]);
  });

  it.each(cases.map((c) => [label(c), c] as const))("matches the reference: %s", (_, c) => {
    const r = appraiseStrata({ strata: c.strata, confidence: c.confidence, sided: "two" });
    expect(r.combined.projected).toBeCloseRelative(c.projected, 1e-12);
    if (c.normalUpper !== c.projected) {
      // The reference gives projected ± z·SE as computed; the library holds it inside the possible range.
      const { found, population, sample } = r.combined;
      const held = (x: number) => Math.min(Math.max(x, found), population - (sample - found));
      expect(r.combined.normal.lower).toBeCloseRelative(held(c.normalLower), 1e-9);
      expect(r.combined.normal.upper).toBeCloseRelative(held(c.normalUpper), 1e-9);
      expect(r.combined.normal.outsidePossible).toBe(
        held(c.normalLower) !== c.normalLower || held(c.normalUpper) !== c.normalUpper,
      );
    }
    if (r.combined.exact.method === "stratified-exact") {
      expect([r.combined.exact.lower, r.combined.exact.upper]).toEqual([c.exactLower, c.exactUpper]);
    } else {
      // The joint limits are checked against a brute force in test/intervals/stratifiedCount.test.ts. They
      // are usually inside the Bonferroni sums, not always: see the next test.
      expect(r.combined.exact.method).toBe("stratified-joint");
      expect(r.combined.exact.lower).toBeGreaterThanOrEqual(r.combined.found);
      expect(r.combined.exact.upper).toBeLessThanOrEqual(
        r.combined.population - r.combined.sample + r.combined.found,
      );
    }
  });

  it.each(
    joint
      .filter((c) => c.strata.length === 2 && c.strata[0]?.population === 1000)
      .map((c) => [label(c), c] as const),
  )("gives RAT-STATS' example the joint exact limits of the brute-force reference: %s", (_, c) => {
    const r = appraiseStrata({ strata: c.strata, confidence: c.confidence, sided: c.sided });
    expect(r.combined.exact.method).toBe("stratified-joint");
    expect([r.combined.exact.lower, r.combined.exact.upper]).toEqual([c.lower, c.upper]);
  });

  // The projected total orders outcomes mostly by the stratum with the heaviest weight; when most of the
  // found lie in a light stratum, the joint lower limit is below the Bonferroni one. Decided here by
  // summing P(projected ≥ observed) over every allocation with scipy (joint lower 40: at T = 40 the largest
  // is 0.005633 at K = (26, 14), at T = 39 it is 0.004854 ≤ 0.005).
  it("can give a lower limit below the Bonferroni sum's when the found lie in a lightly weighted stratum", () => {
    const r = appraiseStrata({
      strata: [
        { population: 421, sample: 125, found: 26 },
        { population: 18401, sample: 150, found: 1 },
      ],
      confidence: 0.99,
    });
    expect(r.combined.exact.method).toBe("stratified-joint");
    expect(r.combined.exact.lower).toBe(40);
  });

  it("falls back to the Bonferroni sum, and names it, when the joint limits would exceed their work limit", () => {
    const strata = Array.from({ length: 12 }, () => ({ population: 100_000, sample: 400, found: 40 }));
    const r = appraiseStrata({ strata, confidence: 0.95, sided: "upper" });
    expect(r.combined.exact.method).toBe("stratified-exact");
    expect(r.combined.exact.stratumConfidence).toBeCloseTo(1 - 0.05 / 12, 15);
  });

  it("keeps both sets of limits in [found, every unexamined case]", () => {
    const strata = fc.array(
      fc.integer({ min: 2, max: 5000 }).chain((population) =>
        fc.integer({ min: 2, max: Math.min(population, 300) }).chain((sample) =>
          fc.record({
            population: fc.constant(population),
            sample: fc.constant(sample),
            found: fc.integer({ min: 0, max: sample }),
          }),
        ),
      ),
      { minLength: 1, maxLength: 4 },
    );
    fc.assert(
      fc.property(strata, fc.double({ min: 0.6, max: 0.99, noNaN: true }), (s, confidence) => {
        const r = appraiseStrata({ strata: s, confidence });
        const { found, population, sample } = r.combined;
        expect(r.combined.exact.lower).toBeGreaterThanOrEqual(found);
        expect(r.combined.exact.upper).toBeLessThanOrEqual(population - (sample - found));
        expect(r.combined.normal.lower).toBeGreaterThanOrEqual(found);
        expect(r.combined.normal.upper).toBeLessThanOrEqual(population - (sample - found));
        expect(r.combined.normal.lower).toBeLessThanOrEqual(r.combined.projected);
        expect(r.combined.normal.upper).toBeGreaterThanOrEqual(r.combined.projected);
      }),
      { numRuns: 200 },
    );
    // Two hundred random designs of up to four strata of up to 5,000 cases: the joint limits take up to a
    // few seconds each on a loaded machine (up to 3·10⁸ table steps), where a Bonferroni fallback was instant.
  }, 120_000);

  it.each([
    [{ strata: [] }, "strata needs at least one stratum"],
    [
      { strata: [{ population: 100, sample: 101, found: 1 }] },
      "strata[0].sample must be a whole number from 1 to strata[0].population (100); got 101",
    ],
    [
      { strata: [{ population: 100, sample: 10, found: 11 }] },
      "strata[0].found must be a whole number from 0 to strata[0].sample (10); got 11",
    ],
  ])("rejects %j", (options, message) => {
    expect(() => appraiseStrata(options)).toThrow(message);
  });
});

describe("appraiseStrata with strata that are not a list", () => {
  it("names strata and says what it got", () => {
    for (const [strata, got] of [
      [null, "null"],
      ["A", 'the string "A"'],
      [undefined, "nothing"],
      [{ population: 10 }, "an object"],
      [true, "a boolean"],
    ] as const) {
      expect(() => appraiseStrata({ strata: strata as never })).toThrow(
        new InputError("strata", messages.wrongType("a list of strata", strata)),
      );
      expect(messages.wrongType("a list of strata", strata)).toBe(`must be a list of strata; got ${got}`);
    }
  });
});

describe("appraiseStrata(options) with a combined population beyond 2^53 − 1", () => {
  it("refuses three strata of 2^53 − 1 (it printed their sum as 27,021,597,764,222,972), naming strata", () => {
    const strata = [1, 2, 3].map(() => ({ population: Number.MAX_SAFE_INTEGER, sample: 100, found: 2 }));
    expect(() => appraiseStrata({ strata })).toThrow(
      new InputError("strata", messages.combinedBeyondCount(3n * BigInt(Number.MAX_SAFE_INTEGER))),
    );
    expect(messages.combinedBeyondCount(3n * BigInt(Number.MAX_SAFE_INTEGER))).toContain(
      "27,021,597,764,222,973",
    );
  });
});
