import { describe, expect, it } from "vitest";
import { assessInvestigation } from "../../src/investigation/assessInvestigation.js";
import { rateHomogeneity } from "../../src/investigation/rateHomogeneity.js";
import { examples } from "../../src/scenario/examples.js";
import { messages } from "../../src/validation/messages.js";
import { label, reference } from "../helpers/fixtures.js";

interface Fixture {
  tests: {
    windows: { found: number; reviewed: number }[];
    statistic: number;
    degreesOfFreedom: number;
    pValue: number;
    smallestExpected: number;
  }[];
  sscsProfile: Record<string, number>;
}
// Expected values: scipy.stats.chi2_contingency(correction=False) and numpy (runner.py, homogeneity_cases).
const fixture = reference<Fixture>("rate-homogeneity.json");

describe("rateHomogeneity(windows)", () => {
  it.each(fixture.tests.map((c) => [label(c.windows), c] as const))("matches scipy: %s", (_, c) => {
    const r = rateHomogeneity(c.windows);
    expect(r?.method).toBe("chi-square-homogeneity");
    expect(r?.degreesOfFreedom).toBe(c.degreesOfFreedom);
    expect(r?.statistic).toBeCloseRelative(c.statistic, 1e-12);
    expect(r?.pValue).toBeCloseRelative(c.pValue, 1e-10);
    expect(r?.smallestExpected).toBeCloseRelative(c.smallestExpected, 1e-12);
  });

  it("is null with one window, or when no reviewed case (or every one) was affected", () => {
    expect(rateHomogeneity([{ found: 1, reviewed: 109 }])).toBeNull();
    expect(
      rateHomogeneity([
        { found: 0, reviewed: 50 },
        { found: 0, reviewed: 60 },
      ]),
    ).toBeNull();
    expect(
      rateHomogeneity([
        { found: 5, reviewed: 5 },
        { found: 6, reviewed: 6 },
      ]),
    ).toBeNull();
  });
});

describe("assessInvestigation(scenario) homogeneity and profile summary", () => {
  it("warns when the windows' rates differ (1 of 109 and 9 of 100: p = 0.0062 < 0.05)", () => {
    const a = assessInvestigation({
      name: "two windows",
      span: "2023-01-01/2024-02-29",
      windows: [
        { period: "2023-06-01/2023-08-31", flagged: 600, reviewed: 100, found: 9 },
        { period: "2023-12-01/2024-02-29", flagged: 609, reviewed: 109, found: 1 },
      ],
    });
    const c = fixture.tests[0] as Fixture["tests"][number];
    expect(a.homogeneity?.pValue).toBeCloseRelative(c.pValue, 1e-10);
    expect(a.warnings.map((w) => w.text)).toContain(
      messages.ratesDiffer(c.statistic.toPrecision(4), 1, c.pValue.toPrecision(2), true),
    );
  });

  it("says nothing when they agree (1 of 109 and 2 of 120), and is null with one window", () => {
    const a = assessInvestigation({
      name: "two windows",
      span: "2023-01-01/2024-02-29",
      windows: [
        { period: "2023-06-01/2023-08-31", flagged: 600, reviewed: 120, found: 2 },
        { period: "2023-12-01/2024-02-29", flagged: 609, reviewed: 109, found: 1 },
      ],
    });
    expect(a.homogeneity?.pValue).toBeGreaterThan(0.05);
    expect(a.warnings.map((w) => w.text).join(" ")).not.toContain("differ more than chance");
    expect(assessInvestigation(examples["hmcts-sscs"]).homogeneity).toBeNull();
  });

  it("summarises the monthly flagged cases as numpy does (hmcts-sscs)", () => {
    const summary = assessInvestigation(examples["hmcts-sscs"]).coverage.profileSummary;
    expect(summary.months).toBe(fixture.sscsProfile.months);
    for (const key of ["mean", "median", "standardDeviation", "min", "max"] as const) {
      expect(summary[key], key).toBeCloseRelative(fixture.sscsProfile[key] as number, 1e-12);
    }
  });
});
