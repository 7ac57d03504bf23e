import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { hypergeometricLogPmf } from "../../src/distributions/hypergeometricLogPmf.js";
import { recallInterval, type ScreenStratum } from "../../src/intervals/recallInterval.js";
import { InputError } from "../../src/validation/InputError.js";
import { label, reference } from "../helpers/fixtures.js";

interface RecallCase {
  flagged: ScreenStratum;
  unflagged: ScreenStratum;
  confidence: number;
  sided: "two" | "upper";
  flaggedBounds: [number, number];
  unflaggedBounds: [number, number];
  lower: number;
  upper: number;
}
// Expected values: test/fixtures/python/screen.py (each side's exact interval decided by mpmath at 60
// digits, at confidence c^(1/m); the ratio in exact rationals).
const cases = reference<{ recall: RecallCase[] }>("screen.json").recall;

describe("recallInterval({ flagged, unflagged, confidence, sided })", () => {
  it.each(cases.map((c) => [label(c), c] as const))("matches the exact reference: %s", (_, c) => {
    const r = recallInterval(c);
    expect([r.flagged.lower, r.flagged.upper]).toEqual(c.flaggedBounds);
    expect([r.unflagged.lower, r.unflagged.upper]).toEqual(c.unflaggedBounds);
    expect(r.lower).toBeCloseRelative(c.lower, 1e-15);
    expect(r.upper).toBeCloseRelative(c.upper, 1e-15);
    expect(r.method).toBe("sidak-hypergeometric");
  });

  // Callaghan & Müller-Hansen (2020), worked example of their hypergeometric stopping rule (R, in
  // mcallaghan/rapid-screening, analysis/hyper_criteriaR.md): 100 documents; the first 20 screened are
  // all relevant, a further 70 screened as a random sample of the remaining 80 hold none. Recall < 0.9
  // needs at least ⌊20/0.9 − 20 + 1⌋ = 3 relevant among those 80; their p-value is
  // phyper(0, 3, 77, 70) = 0.001460565. So recall ≥ 0.9 is shown exactly at confidences up to 1 − p.
  const callaghan = (confidence: number) =>
    recallInterval({
      flagged: { population: 20, sample: 20, found: 20 },
      unflagged: { population: 80, sample: 70, found: 0 },
      confidence,
      sided: "upper",
    });
  it("reproduces Callaghan & Müller-Hansen's stopping rule: recall ≥ 0.9 at p = 0.001460565", () => {
    const p = 0.001460565;
    expect(callaghan(1 - p * 1.001).lower).toBeGreaterThanOrEqual(0.9);
    expect(callaghan(1 - p * 0.999).lower).toBeLessThan(0.9);
    expect(callaghan(0.95).lower).toBe(20 / 21);
    expect(callaghan(0.95).sideConfidence).toBe(0.95);
  });

  it("has no estimate when neither side found an affected case, and recall 1 when no unflagged case can be affected", () => {
    const none = recallInterval({
      flagged: { population: 500, sample: 100, found: 0 },
      unflagged: { population: 5000, sample: 100, found: 0 },
    });
    expect(none.estimate).toBeNull();
    expect(none.lower).toBe(0);
    expect(none.upper).toBe(1);
    const clean = recallInterval({
      flagged: { population: 50, sample: 10, found: 3 },
      unflagged: { population: 200, sample: 200, found: 0 },
    });
    expect([clean.lower, clean.estimate, clean.upper]).toEqual([1, 1, 1]);
  });

  it("names the field and the allowed range for counts out of order", () => {
    expect(() =>
      recallInterval({
        flagged: { population: 100, sample: 120, found: 1 },
        unflagged: { population: 1000, sample: 10, found: 0 },
      }),
    ).toThrow(
      new InputError("flagged.sample", "must be a whole number from 0 to flagged.population (100); got 120"),
    );
    expect(() =>
      recallInterval({
        flagged: { population: 100, sample: 10, found: 1 },
        unflagged: { population: 1000, sample: 10, found: 11 },
      }),
    ).toThrow(
      new InputError("unflagged.found", "must be a whole number from 0 to unflagged.sample (10); got 11"),
    );
  });

  const side = fc.integer({ min: 1, max: 20_000 }).chain((population) =>
    fc.integer({ min: 0, max: Math.min(population, 400) }).chain((sample) =>
      fc.record({
        population: fc.constant(population),
        sample: fc.constant(sample),
        found: fc.integer({ min: 0, max: sample }),
      }),
    ),
  );
  it("lies in [0, 1] and contains its estimate", () => {
    fc.assert(
      fc.property(
        side,
        side,
        fc.double({ min: 0.5, max: 0.999, noNaN: true }),
        fc.constantFrom("two" as const, "upper" as const),
        (flagged, unflagged, confidence, sided) => {
          const r = recallInterval({ flagged, unflagged, confidence, sided });
          expect(r.lower).toBeGreaterThanOrEqual(0);
          expect(r.upper).toBeLessThanOrEqual(1);
          expect(r.lower).toBeLessThanOrEqual(r.upper);
          if (r.estimate !== null) {
            // The count bounds are whole numbers and the estimates need not be (see countInterval).
            const slack = 1e-9 + 1 / Math.max(1, flagged.population);
            expect(r.estimate).toBeGreaterThanOrEqual(r.lower - slack);
            expect(r.estimate).toBeLessThanOrEqual(r.upper + slack);
          }
        },
      ),
      { numRuns: 200, seed: 20261130 },
    );
  });
});

/**
 * Coverage by exact enumeration: for true counts (Kf, Ku), P(lower ≤ R ≤ upper) = Σ P(kf) P(ku) over every
 * outcome whose interval contains R = Kf/(Kf + Ku), with the two independent hypergeometric draws. The
 * interval of each outcome does not depend on (Kf, Ku), so it is computed once per design.
 */
describe("recallInterval: coverage by exact enumeration", () => {
  const designs = [
    { F: 200, nf: 40, U: 2000, nu: 100, sided: "upper" as const },
    { F: 200, nf: 40, U: 2000, nu: 100, sided: "two" as const },
    { F: 150, nf: 150, U: 3000, nu: 150, sided: "upper" as const },
  ];
  const truths = [
    [1, 0],
    [2, 3],
    [5, 1],
    [10, 30],
    [20, 2],
    [40, 10],
    [80, 40],
    [150, 5],
    [150, 300],
    [40, 200],
    [100, 900],
  ] as const;
  const confidence = 0.95;

  function pmf(N: number, K: number, n: number): number[] {
    return Array.from({ length: n + 1 }, (_, k) => Math.exp(hypergeometricLogPmf(k, N, K, n)));
  }
  function coverage(
    d: (typeof designs)[number],
    intervalOf: (kf: number, ku: number) => { lower: number; upper: number },
  ) {
    const table = Array.from({ length: d.nf + 1 }, (_, kf) =>
      Array.from({ length: d.nu + 1 }, (_, ku) => intervalOf(kf, ku)),
    );
    return truths
      .filter(([Kf]) => Kf <= d.F)
      .map(([Kf, Ku]) => {
        const recall = Kf / (Kf + Ku);
        const pf = pmf(d.F, Kf, d.nf);
        const pu = pmf(d.U, Ku, d.nu);
        let covered = 0;
        for (let kf = 0; kf <= d.nf; kf++) {
          for (let ku = 0; ku <= d.nu; ku++) {
            const r = (table[kf] as { lower: number; upper: number }[])[ku] as {
              lower: number;
              upper: number;
            };
            if (r.lower <= recall + 1e-12 && recall <= r.upper + 1e-12)
              covered += (pf[kf] ?? 0) * (pu[ku] ?? 0);
          }
        }
        return { Kf, Ku, covered };
      });
  }

  it.each(designs.map((d) => [JSON.stringify(d), d] as const))("covers at least 95%: %s", (_, d) => {
    const result = coverage(d, (kf, ku) =>
      kf > d.nf || ku > d.nu
        ? { lower: 0, upper: 1 }
        : recallInterval({
            flagged: { population: d.F, sample: d.nf, found: kf },
            unflagged: { population: d.U, sample: d.nu, found: ku },
            confidence,
            sided: d.sided,
          }),
    );
    for (const row of result)
      expect(row.covered, JSON.stringify({ ...d, ...row })).toBeGreaterThanOrEqual(confidence);
    // Conservative, not vacuous: at its worst truth the coverage stays below 0.999 (docs/methods.md).
    expect(Math.min(...result.map((r) => r.covered))).toBeLessThan(0.999);
  });
});
