import { describe, expect, it } from "vitest";
import { appraiseTwoStage } from "../../src/planning/appraiseTwoStage.js";
import { published } from "../helpers/fixtures.js";

interface Limit {
  confidence: number;
  lowerPercent: number;
  upperPercent: number;
  lower?: number;
  upper?: number;
}
interface Manual {
  primaryUnits: number;
  clusters: { label: string; universe: number; sample: number; found: number }[];
  ratio: { ratePercent: number; standardErrorPercent: number; limits: Limit[] };
  unbiased: {
    universe: number;
    ratePercent: number;
    standardErrorPercent: number;
    projected: number;
    standardError: number;
    projectedPerUnit: Record<string, number>;
    limits: Limit[];
  };
}
const manual = published<Manual>("rat-stats-two-stage.json");
const { primaryUnits, clusters } = manual;
/** A percentage as RAT-STATS prints it: two decimals. */
const printed = (share: number) => Number((share * 100).toFixed(2));

// RAT-STATS' own program output, printed in its companion manual: percentages must match to the two
// decimals printed, counts exactly (the manual rounds them to whole cases).
describe("RAT-STATS Companion Manual, chapter 2: two-stage unrestricted attribute appraisal", () => {
  it.each(manual.ratio.limits)("Example 3 (M unknown, ratio estimator) at $confidence", (limit) => {
    const r = appraiseTwoStage({ primaryUnits, clusters, confidence: limit.confidence });
    expect(r.method).toBe("two-stage-ratio");
    expect(printed(r.rate)).toBe(manual.ratio.ratePercent);
    expect(printed(r.standardError)).toBe(manual.ratio.standardErrorPercent);
    expect(printed(r.lower)).toBe(limit.lowerPercent);
    expect(printed(r.upper)).toBe(limit.upperPercent);
    expect(r.total).toBeUndefined();
    expect(r.meanUniverse).toBe(52.2);
  });

  it.each(manual.unbiased.limits)("Example 4 (M = 4,500, unbiased estimator) at $confidence", (limit) => {
    const r = appraiseTwoStage({
      primaryUnits,
      clusters,
      universe: manual.unbiased.universe,
      confidence: limit.confidence,
    });
    expect(r.method).toBe("two-stage-unbiased");
    expect(printed(r.rate)).toBe(manual.unbiased.ratePercent);
    expect(printed(r.standardError)).toBe(manual.unbiased.standardErrorPercent);
    expect(printed(r.lower)).toBe(limit.lowerPercent);
    expect(printed(r.upper)).toBe(limit.upperPercent);
    expect(Math.round(r.total?.projected ?? Number.NaN)).toBe(manual.unbiased.projected);
    expect(Math.round(r.total?.standardError ?? Number.NaN)).toBe(manual.unbiased.standardError);
    expect(Math.round(r.total?.lower ?? Number.NaN)).toBe(limit.lower);
    expect(Math.round(r.total?.upper ?? Number.NaN)).toBe(limit.upper);
    for (const c of r.clusters)
      expect(Math.round(c.projected)).toBe(manual.unbiased.projectedPerUnit[c.label]);
  });
});
