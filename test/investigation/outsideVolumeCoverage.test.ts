import { uniformFloat64 } from "pure-rand/distribution/uniformFloat64";
import { xoroshiro128plus } from "pure-rand/generator/xoroshiro128plus";
import { describe, expect, it } from "vitest";
import { countInterval } from "../../src/intervals/countInterval.js";
import { assessInvestigation } from "../../src/investigation/assessInvestigation.js";
import { type ExtrapolationBasis, undetectedUnderDrift } from "../../src/investigation/extrapolation.js";
import { outsideVolumeBounds, VOLUME_RISK_SHARE } from "../../src/investigation/outsideVolume.js";
import type { StageWindow } from "../../src/investigation/stageModel.js";

/**
 * Seeded simulation of an outside volume estimated from the window's own count: S flagged cases over a
 * span each fall in the window with probability r (its share of the days) and are affected with rate p;
 * the review draws n of the F in the window. Without case counts the outside volume is estimated as
 * F·(1 − r)/r, so it is as uncertain as F. The truth is the affected cases left unreviewed, in and out of
 * the window. A one-sided binomial test on the simulated coverage (z = 3.09) allows for Monte Carlo noise.
 */
describe("extrapolated.undetected.upper with an estimated outside volume (seeded simulation)", () => {
  const configs = [
    // A census of the window: the rate is known well, so the volume's uncertainty dominates.
    { p: 0.5, total: 2000, share: 0.1, reviewed: "all" as const },
    { p: 0.3, total: 2000, share: 0.1, reviewed: 100 },
    { p: 0.5, total: 1000, share: 0.25, reviewed: 60 },
    { p: 0.02, total: 2000, share: 0.1, reviewed: 100 },
  ];
  const runs = 1000;
  const confidence = 0.95;

  it.each(configs.map((c) => [JSON.stringify(c), c] as const))("covers at least nominally: %s", (_, c) => {
    const rng = xoroshiro128plus(20261130);
    const uniform = () => uniformFloat64(rng);
    let covered = 0;
    let coveredAtEstimate = 0;
    for (let run = 0; run < runs; run++) {
      let flagged = 0;
      let affectedInWindow = 0;
      let affectedOutside = 0;
      for (let i = 0; i < c.total; i++) {
        const affected = uniform() < c.p;
        if (uniform() < c.share) {
          flagged++;
          if (affected) affectedInWindow++;
        } else if (affected) affectedOutside++;
      }
      const reviewed = c.reviewed === "all" ? flagged : Math.min(flagged, c.reviewed);
      let found = 0;
      let remainingAffected = affectedInWindow;
      for (let i = 0, remaining = flagged; i < reviewed; i++, remaining--) {
        if (uniform() * remaining < remainingAffected) {
          found++;
          remainingAffected--;
        }
      }
      const truth = affectedInWindow - found + affectedOutside;
      const outsideStage = (flagged * (1 - c.share)) / c.share;
      const window: StageWindow = {
        label: "window",
        period: { start: 0, end: 0 },
        days: 1,
        casesProRated: false,
        stage: flagged,
        reviewed,
        found,
        selection: "random",
      };
      const basis: ExtrapolationBasis = {
        windows: [window],
        outsideStage,
        outsideStageWhole: Math.ceil(outsideStage),
        outsideStageBounds: outsideVolumeBounds(flagged, c.share, confidence, "upper"),
        limits: {
          total: { lower: 0, upper: Number.MAX_SAFE_INTEGER },
          outside: { lower: 0, upper: Number.MAX_SAFE_INTEGER },
        },
        confidence,
        sided: "upper",
        sensitivity: { screening: 1, review: 1 },
      };
      if (truth <= undetectedUnderDrift(basis, 1).undetected.upper) covered++;
      // The bound taken at the estimated volume, as if it were known.
      const atEstimate = countInterval({
        found,
        sample: reviewed,
        population: flagged + Math.ceil(outsideStage),
        confidence,
        sided: "upper",
      });
      if (truth <= atEstimate.upper - found) coveredAtEstimate++;
    }
    const coverage = covered / runs;
    const floor = confidence - 3.09 * Math.sqrt((confidence * (1 - confidence)) / runs);
    expect(
      coverage,
      `coverage ${coverage} over ${runs} runs (${coveredAtEstimate / runs} at the estimate)`,
    ).toBeGreaterThanOrEqual(floor);
    // Where the volume's uncertainty dominates, ignoring it falls far below the confidence.
    if (c.reviewed === "all") expect(coveredAtEstimate / runs).toBeLessThan(0.9);
  });

  it("is taken over the volume's bounds only when the volume is estimated from the windows' count", () => {
    const base = {
      name: "volume",
      span: "2020-01-01/2020-12-31",
      windows: [
        { period: "2020-12-01/2020-12-31", flagged: 200, reviewed: 50, found: 5, selection: "random" },
      ],
      tolerable: 0.5,
    };
    const estimated = assessInvestigation(base).extrapolated;
    const { lower, upper } = outsideVolumeBounds(200, 31 / 366, 0.95, "upper");
    expect(estimated?.outsideVolumeBounds).toEqual({ lower, upper, riskShare: VOLUME_RISK_SHARE });
    expect(estimated?.assumptions).toEqual(["constant-rate", "random-sample", "volume-spread"]);
    const given = assessInvestigation({
      ...base,
      windows: [{ period: "2020-12-01/2020-12-31", reviewed: 50, found: 5, selection: "random" }],
      cases: 2400,
    }).extrapolated;
    expect(given?.outsideVolumeBounds).toBeNull();
    expect(given?.assumptions).toEqual(["constant-rate", "random-sample"]);
  });
});
