import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { assessInvestigation } from "../../src/investigation/assessInvestigation.js";

describe("assessInvestigation(scenario) whole counts, decided exactly", () => {
  it("the assumption-free maximum outside the window is 156 (149 + 70 × 12/120), not 155", () => {
    // Python: Fraction(149) + Fraction(70 * 12, 120) == 156 (12 of April 2019's 120 days lie before the window).
    const a = assessInvestigation({
      name: "volume rows",
      span: "2018-03/2019-04",
      volume: [
        { period: "2018-03-01/2018-12-31", cases: 149 },
        { period: "2019-01-01/2019-04-30", cases: 70 },
      ],
      windows: [{ period: "2019-01-13/2019-04-30", flagged: 55, reviewed: 6, found: 0 }],
    });
    expect(a.unrestricted.outside.upper).toBe(156);
  });

  it("a plan never exceeds its population: 10 cases split 5.5 and 4.5 over two years give 10, not 11", () => {
    // 2020-12-21 to 2021-01-09: 11 days in 2020 and 9 in 2021, so 10 cases split 5.5 and 4.5; rounded one by
    // one they made 6 + 5 = 11. At a 5% target every case of so few must be reviewed: a census of exactly 10.
    const plan = assessInvestigation({
      name: "ten cases",
      span: "2020-12-21/2021-01-09",
      cases: 10,
      windows: [],
      tolerable: 0.05,
    }).adequatePlan;
    expect(plan.strata.map((s) => s.population)).toEqual([6, 4]);
    expect(plan.total).toBe(10);
  });

  it("strata add up to the span's cases and the plan stays within them (property, seed 31)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5000 }),
        fc.integer({ min: 2000, max: 2010 }),
        fc.integer({ min: 1, max: 360 }),
        fc.integer({ min: 1, max: 1500 }),
        fc.constantFrom("month", "quarter", "year"),
        (cases, year, startDay, days, stratify) => {
          const start = new Date(Date.UTC(year, 0, startDay));
          const end = new Date(start.getTime() + days * 86_400_000);
          const span = `${start.toISOString().slice(0, 10)}/${end.toISOString().slice(0, 10)}`;
          const plan = assessInvestigation({
            name: "p",
            span,
            cases,
            windows: [],
            tolerable: 0.05,
            stratify,
          }).adequatePlan;
          const total = plan.strata.reduce((sum, s) => sum + s.population, 0);
          expect(total, JSON.stringify({ span, cases, stratify })).toBe(cases);
          expect(plan.total).toBeLessThanOrEqual(cases);
          for (const s of plan.strata) expect(s.sampleSize).toBeLessThanOrEqual(s.population);
        },
      ),
      { seed: 31, numRuns: 60 },
    );
  });
});
