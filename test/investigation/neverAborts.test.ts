import { describe, expect, it } from "vitest";
import { assessInvestigation } from "../../src/investigation/assessInvestigation.js";
import { detectionPlan } from "../../src/planning/detectionSampleSize.js";
import { statements } from "../../src/report/statements.js";
import { examples } from "../../src/scenario/examples.js";

// An assessment shows everything it can compute; a plan that cannot meet its target says why instead of
// aborting the whole assessment. References are exact arithmetic, not our own output.
describe("an assessment never aborts because one part cannot be computed", () => {
  it("an unreachable detection plan: a census recognises one of D affected with probability 1 − (1 − s)^D", () => {
    const a = assessInvestigation({ ...examples["hmcts-sscs"], reviewSensitivity: 0.5, materiality: 2 });
    const d = a.adequatePlan.detection;
    expect(d.reachable).toBe(false);
    // Every case reviewed, each of the 2 affected recognised with chance 0.5: 1 − 0.5² = 0.75 exactly.
    expect(d.probability).toBeCloseTo(0.75, 12);
    expect(d.sampleSize).toBe(d.population);
    expect(d.unreachableReason).toMatch(/0\.7500/);
    const text = statements(a).find((s) => s.id === "adequate-plan")?.text ?? "";
    expect(text).toMatch(/no detection plan meets the target/);
    expect(text).not.toMatch(/confidence cannot/);
    expect(a.window?.affected.upper).toBeGreaterThan(0);
  });

  it("the non-throwing core returns reachable: false with the census probability", () => {
    const plan = detectionPlan({ population: 609, affected: 3, sensitivity: 0.5, confidence: 0.95 });
    expect(plan.reachable).toBe(false);
    if (!plan.reachable) expect(plan.best).toBeCloseTo(1 - 0.5 ** 3, 12);
    expect(detectionPlan({ population: 609, affected: 5 }).reachable).toBe(true);
  });

  it("every reviewed case affected: the rate observed (100%) is not below the target, so no plan, but the rest is shown", () => {
    const a = assessInvestigation({
      name: "all affected",
      span: "2020-12-01/2020-12-31",
      windows: [{ period: "2020-12-01/2020-12-31", flagged: 40, reviewed: 5, found: 5 }],
    });
    expect(a.adequatePlan.reachable).toBe(false);
    expect(a.adequatePlan.unreachableReason).toMatch(/No review keeps/);
    // 5 of 5 affected, 35 unreviewed: at most every one of the 40 flagged cases (exact: 5 found + 35).
    expect(a.window?.affected.upper).toBe(40);
    for (const s of a.adequatePlan.strata) expect(s.census).toBe(true);
    expect(statements(a).find((s) => s.id === "adequate-plan")?.text).toMatch(/No review keeps/);
  });

  it("no reviewed window and no tolerable rate: the plan takes the default target of 5%, stated", () => {
    const a = assessInvestigation({
      name: "no review",
      span: "2020-01-01/2020-12-31",
      cases: 200,
      windows: [],
    });
    expect(a.window).toBeNull();
    expect(a.adequatePlan.target).toBe("default");
    expect(a.adequatePlan.tolerable).toBe(0.05);
    expect(a.adequatePlan.reachable).toBe(true);
    // scipy.stats.hypergeom: the smallest n with P(X = 0 | N = 200, K = ceil(0.05 * 200) = 10, n) <= 0.05 is 51.
    expect(a.adequatePlan.total).toBe(51);
    expect(statements(a).find((s) => s.id === "adequate-plan")?.text).toContain(
      "below 5% (the default target, an assumption), assuming the rate of 0% (none reviewed yet)",
    );
  });

  it.each([55, 80, 109])(
    "found %i of 109 at review sensitivity 0.5 gives an answer (55/109/0.5 > 1)",
    (found) => {
      const base = examples["hmcts-sscs"] as NonNullable<(typeof examples)["hmcts-sscs"]>;
      const windows = base.windows.map((w) => ({ ...w, found }));
      const a = assessInvestigation({ ...base, windows, reviewSensitivity: 0.5 });
      expect(a.adequatePlan.reachable).toBe(false);
      expect(a.window?.found).toBe(found);
      expect(a.extrapolated?.undetected.upper).toBeGreaterThan(0);
    },
  );
});
