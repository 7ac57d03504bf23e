import { describe, expect, it } from "vitest";
import { appraiseTwoStage } from "../../src/planning/appraiseTwoStage.js";

const units = [
  { universe: 50, sample: 10, found: 4 },
  { universe: 45, sample: 9, found: 2 },
  { universe: 52, sample: 10, found: 5 },
];

describe("appraiseTwoStage", () => {
  it("appraiseTwoStage with every unit examined in full and N = n has no sampling error at all", () => {
    // Hand count: 4 + 2 + 5 = 11 affected of 50 + 45 + 52 = 147 cases, every case of every unit seen.
    const r = appraiseTwoStage({
      primaryUnits: 3,
      clusters: units.map((u) => ({ ...u, sample: u.universe, found: u.found })),
    });
    expect(r.rate).toBeCloseTo(11 / 147, 15);
    expect(r.standardError).toBe(0);
    expect(r.degenerate).toBe(true);
  });

  it("appraiseTwoStage holds its limits inside the possible range and says so", () => {
    const r = appraiseTwoStage({
      primaryUnits: 40,
      universe: 2000,
      clusters: [
        { universe: 50, sample: 10, found: 0 },
        { universe: 45, sample: 9, found: 1 },
      ],
    });
    // 1 affected seen of 2,000: the rate is at least 1/2000, whatever the approximation says.
    expect(r.lower).toBe(1 / 2000);
    expect(r.outsidePossible).toBe(true);
    expect(r.total?.lower).toBe(1);
    // Two units given: the briefing's "2 sampled of 40" comes from this field.
    expect(r.sampledUnits).toBe(2);
  });

  it("appraiseTwoStage refuses what its formulas cannot take, naming the field", () => {
    expect(() => appraiseTwoStage({ primaryUnits: 10, clusters: [units[0] as (typeof units)[0]] })).toThrow(
      "clusters needs at least two sampled units (the variance between units divides by n − 1); got 1",
    );
    expect(() =>
      appraiseTwoStage({ primaryUnits: 10, clusters: [...units, { universe: 5, sample: 1, found: 0 }] }),
    ).toThrow("clusters[3].sample must be at least 2 unless the whole unit is examined");
    expect(() => appraiseTwoStage({ primaryUnits: 2, clusters: units })).toThrow(/primaryUnits must be/);
    expect(() => appraiseTwoStage({ primaryUnits: 10, universe: 100, clusters: units })).toThrow(
      /universe must be .* the sampled units' 147 cases/,
    );
  });
});
