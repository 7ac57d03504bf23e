import { describe, expect, it } from "vitest";
import { countInterval } from "../../src/intervals/countInterval.js";
import { appraiseStrata } from "../../src/planning/appraiseStrata.js";
import { label, published } from "../helpers/fixtures.js";

type Level = "0.8" | "0.9" | "0.95";
interface Manual {
  unrestricted: {
    population: number;
    sample: number;
    found: number;
    projected: number;
    confidence: number;
    lower: number;
    upper: number;
    lowerPercent: number;
    upperPercent: number;
  }[];
  stratified: {
    strata: {
      label: string;
      population: number;
      sample: number;
      found: number;
      ratioPercent: number;
      projected: number;
      precisionPercent: Record<Level, number>;
    }[];
    combined: {
      population: number;
      sample: number;
      found: number;
      ratioPercent: number;
      projected: number;
      standardErrorPercent: number;
      standardError: number;
      limits: {
        confidence: number;
        precisionPercent: number;
        lower: number;
        upper: number;
        lowerPercent: number;
        upperPercent: number;
      }[];
    };
  };
}
const manual = published<Manual>("rat-stats-attribute-appraisal.json");
const { strata, combined } = manual.stratified;
const inputs = strata.map(({ population, sample, found }) => ({ population, sample, found }));
/** A percentage as RAT-STATS prints it: three decimals. */
const printed = (share: number) => Number((share * 100).toFixed(3));

// An independent implementation's printed output (the OIG's RAT-STATS, as published in its companion
// manual): whole counts must match exactly, percentages to the decimals printed.
describe("RAT-STATS Companion Manual, chapter 2: attribute appraisal", () => {
  it.each(manual.unrestricted.map(({ projected, ...c }) => [label(c), c, projected] as const))(
    "countInterval (unrestricted, two-sided): %s",
    (_, c, projected) => {
      const r = countInterval({ ...c, sided: "two" });
      expect([r.lower, r.upper]).toEqual([c.lower, c.upper]);
      expect(r.estimate).toBe(projected);
      expect([Number((r.rate.lower * 100).toFixed(2)), Number((r.rate.upper * 100).toFixed(2))]).toEqual([
        c.lowerPercent,
        c.upperPercent,
      ]);
    },
  );

  it("appraiseStrata: projections, ratios and the standard error (page 2-6)", () => {
    const r = appraiseStrata({ strata: inputs, confidence: 0.9 });
    expect(r.strata.map((s) => s.projected)).toEqual(strata.map((s) => s.projected));
    expect(r.strata.map((s) => printed(s.found / s.sample))).toEqual(strata.map((s) => s.ratioPercent));
    expect([r.combined.population, r.combined.sample, r.combined.found]).toEqual([
      combined.population,
      combined.sample,
      combined.found,
    ]);
    expect(r.combined.projected).toBe(combined.projected);
    expect(printed(r.combined.projected / r.combined.population)).toBe(combined.ratioPercent);
    expect(Math.round(r.combined.normal.standardError)).toBe(combined.standardError);
    expect(printed(r.combined.normal.standardError / r.combined.population)).toBe(
      combined.standardErrorPercent,
    );
  });

  it.each(combined.limits.map((c) => [label(c), c] as const))(
    "appraiseStrata (normal limits, combined): %s",
    (_, c) => {
      const r = appraiseStrata({ strata: inputs, confidence: c.confidence, sided: "two" });
      const { projected, population, normal } = r.combined;
      expect(printed((projected - normal.lower) / population)).toBe(c.precisionPercent);
      expect(printed(normal.lower / population)).toBe(c.lowerPercent);
      expect(printed(normal.upper / population)).toBe(c.upperPercent);
      expect([Math.round(normal.lower), Math.round(normal.upper)]).toEqual([c.lower, c.upper]);
      expect(normal.outsidePossible).toBe(false);
    },
  );

  // The manual's per-stratum precision is z times the stratum's standard error of the rate: the combined
  // standard error of that stratum appraised alone.
  it.each(
    strata.flatMap((s) =>
      (Object.entries(s.precisionPercent) as [Level, number][]).map(
        ([level, precision]) => [`stratum ${s.label} at ${level}`, s, Number(level), precision] as const,
      ),
    ),
  )("appraiseStrata (precision per stratum): %s", (_, s, confidence, precision) => {
    const { population, sample, found } = s;
    const r = appraiseStrata({ strata: [{ population, sample, found }], confidence, sided: "two" });
    expect(printed((r.combined.normal.upper - r.combined.projected) / population)).toBe(precision);
  });
});
