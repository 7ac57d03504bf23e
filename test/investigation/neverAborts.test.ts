import { describe, expect, it } from "vitest";
import { assessInvestigation } from "../../src/investigation/assessInvestigation.js";
import { detectionPlan } from "../../src/planning/detectionSampleSize.js";
import { statements } from "../../src/report/statements.js";
import { examples } from "../../src/scenario/examples.js";
import { messages } from "../../src/validation/messages.js";

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
    expect(d.unreachableReason).toContain("a chance of only 75%, below the 95% asked for");
    const text = statements(a).find((s) => s.id === "adequate-plan")?.text ?? "";
    expect(text).toMatch(/No detection plan meets the target either\. No random sample finds/);
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

// 10^15 cases over 2020–2024 with one reviewed quarter: θ × the outside cases passes 2^53 − 1 between
// θ = 9.43 and 9.44 (about 9.4964·10^14 outside cases, 5.04·10^13 in the window).
describe("an assessment of 10^15 cases: drift rows beyond 2^53 − 1 cases are left out with a note", () => {
  const scenario = {
    name: "large",
    span: "2020-01-01/2024-12-31",
    cases: 1e15,
    windows: [{ period: "2024-10-01/2024-12-31", reviewed: 1000, found: 0 }],
  };

  it("computes the rows within 2^53 − 1 cases and names the rest, instead of refusing the assessment", () => {
    const a = assessInvestigation({ ...scenario, drift: [1, 5, 9.43, 9.44, 10] });
    expect(a.sensitivity?.rows.map((r) => r.drift)).toEqual([1, 5, 9.43]);
    const note = a.warnings.find((w) => w.text.startsWith("The drift rows"))?.text;
    expect(note).toMatch(
      /^The drift rows θ = 9\.44, 10 are not computed: .* θ up to 9\.43 can be computed here\.$/,
    );
    const rows = a.sensitivity?.rows ?? [];
    for (const [before, after] of rows.slice(1).map((r, i) => [rows[i], r])) {
      expect(after?.undetected.upper).toBeGreaterThan(before?.undetected.upper as number);
    }
    expect(rows.at(-1)?.undetected.upper).toBeLessThanOrEqual(a.unrestricted.total.upper);
  });

  it("the default grid keeps θ = 0.5 to 5 and the constant-rate figures", () => {
    const a = assessInvestigation(scenario);
    expect(a.sensitivity?.rows.map((r) => r.drift)).toEqual([0.5, 1, 2, 5]);
    expect(a.extrapolated?.undetected.upper).toBe(a.sensitivity?.rows[1]?.undetected.upper);
  });

  it("a tipping point beyond the counts computed exactly is said to be unsearched there, not unreachable", () => {
    const a = assessInvestigation({ ...scenario, materiality: 1e14 });
    expect(a.sensitivity?.tippingPoint).toBeNull();
    const searched = a.sensitivity?.tippingPointSearchedTo as number;
    expect(searched).toBeGreaterThan(9.43);
    expect(searched).toBeLessThan(9.44);
    expect(a.warnings.map((w) => w.text)).toContain(messages.tippingPointSearchedTo(searched));
    expect(statements(a).find((s) => s.id === "tipping-point")?.text).toContain(
      "no rate outside the window up to θ = 9.43 brings the upper bound to 100,000,000,000,000 missed cases; larger θ are beyond the counts computed exactly",
    );
  });
});
