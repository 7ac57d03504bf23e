import { uniformFloat64 } from "pure-rand/distribution/uniformFloat64";
import { xoroshiro128plus } from "pure-rand/generator/xoroshiro128plus";
import { describe, expect, it } from "vitest";
import { assessInvestigation } from "../../src/investigation/assessInvestigation.js";

const day = (d: number) => new Date(Date.UTC(2020, 0, 1) + d * 86_400_000).toISOString().slice(0, 10);

/**
 * Seeded simulation of the constant-rate model: every stage case (window and outside alike) is affected
 * independently with rate p; the review draws `reviewed` of the window's cases without replacement. The
 * truth is the affected cases left unreviewed, in and out of the window. The Thatcher prediction limit
 * must cover it at least as often as the stated confidence. A one-sided binomial test on the simulated
 * coverage (z = 3.09, p = 0.001) guards against Monte Carlo noise without hiding a real shortfall.
 */
describe("extrapolated.undetected.upper: coverage under the constant-rate model (seeded simulation)", () => {
  const configs = [
    { p: 0.005, windowCases: 200, reviewed: 30, spanDays: 1000, windowDays: 100 },
    { p: 0.03, windowCases: 200, reviewed: 30, spanDays: 1000, windowDays: 100 },
    { p: 0.15, windowCases: 200, reviewed: 30, spanDays: 1000, windowDays: 100 },
    // Outside volume comparable to the sample: a rate bound applied to the volume would under-cover here.
    { p: 0.3, windowCases: 400, reviewed: 200, spanDays: 200, windowDays: 100 },
  ];
  const runs = 800;
  const confidence = 0.95;

  it.each(configs.map((c) => [JSON.stringify(c), c] as const))("covers at least nominally: %s", (_, c) => {
    const rng = xoroshiro128plus(20261121);
    const uniform = () => uniformFloat64(rng);
    const outside = (c.windowCases * (c.spanDays - c.windowDays)) / c.windowDays;
    let covered = 0;
    for (let run = 0; run < runs; run++) {
      let affectedInWindow = 0;
      for (let i = 0; i < c.windowCases; i++) if (uniform() < c.p) affectedInWindow++;
      let affectedOutside = 0;
      for (let i = 0; i < outside; i++) if (uniform() < c.p) affectedOutside++;
      let found = 0;
      let remaining = c.windowCases;
      let remainingAffected = affectedInWindow;
      for (let i = 0; i < c.reviewed; i++, remaining--) {
        if (uniform() * remaining < remainingAffected) {
          found++;
          remainingAffected--;
        }
      }
      const truth = affectedInWindow - found + affectedOutside;
      const a = assessInvestigation({
        name: "simulation",
        span: `${day(0)}/${day(c.spanDays - 1)}`,
        windows: [
          {
            period: `${day(c.spanDays - c.windowDays)}/${day(c.spanDays - 1)}`,
            flagged: c.windowCases,
            reviewed: c.reviewed,
            found,
          },
        ],
        confidence,
        tolerable: 0.99,
      });
      if (truth <= (a.extrapolated?.undetected.upper as number)) covered++;
    }
    const coverage = covered / runs;
    const floor = confidence - 3.09 * Math.sqrt((confidence * (1 - confidence)) / runs);
    expect(coverage, `coverage ${coverage} over ${runs} runs`).toBeGreaterThanOrEqual(floor);
  });
});
