import { describe, expect, it } from "vitest";
import { assessInvestigation } from "../../src/investigation/assessInvestigation.js";
import type { StageWindow } from "../../src/investigation/stageModel.js";
import { windowInference } from "../../src/investigation/windowInference.js";
import { messages } from "../../src/validation/messages.js";
import { reference } from "../helpers/fixtures.js";

interface Twelve {
  twelve: {
    strata: { population: number; sample: number; found: number }[];
    alpha: number;
    evenAccepted: number;
  }[];
}
// The even allocation's largest accepted total for twelve identical strata, in exact fractions, from
// test/fixtures/python/joint_extra_runner.py.
const twelve = reference<Twelve>("stratified-joint-extra.json").twelve;

const windows = (population: number, sample: number, found: number, count: number): StageWindow[] =>
  Array.from({ length: count }, (_, i) => ({
    label: `window ${i + 1}`,
    period: { start: 31 * i, end: 31 * i + 30 },
    days: 31,
    casesProRated: false,
    stage: population,
    reviewed: sample,
    found,
    selection: "random",
  }));

const perfect = { screening: 1, review: 1 };

describe("windowInference over several windows", () => {
  it("says when the joint limit kept a total its search could not decide (12 windows, 2 of 50 of 1,000 each)", () => {
    const c = twelve.find((t) => t.strata[0]?.found === 2 && t.strata[0]?.population === 1000);
    expect(c).toBeDefined();
    const finding = windowInference(windows(1000, 50, 2, 12), 1 - (c?.alpha ?? 0), "upper", perfect);
    expect(finding.method).toBe("window-joint");
    expect(finding.decided).toBe(false);
    // Still valid: at least the total the even allocation accepts, at most one case wider.
    expect(finding.affected.upper).toBeGreaterThanOrEqual(c?.evenAccepted ?? Number.NaN);
    expect(finding.affected.upper).toBeLessThanOrEqual((c?.evenAccepted ?? Number.NaN) + 1);
  });

  it("is decided when every total is decided (12 windows, 1 of 50 of 1,000 each)", () => {
    const c = twelve.find((t) => t.strata[0]?.found === 1 && t.strata[0]?.population === 1000);
    const finding = windowInference(windows(1000, 50, 1, 12), 1 - (c?.alpha ?? 0), "upper", perfect);
    expect(finding.method).toBe("window-joint");
    expect(finding.decided).toBe(true);
    expect(finding.affected.upper).toBe(c?.evenAccepted);
  });

  it("is decided for one window and for the Bonferroni sum", () => {
    expect(windowInference(windows(609, 109, 1, 1), 0.95, "upper", perfect).decided).toBe(true);
    const thinned = windowInference(windows(609, 109, 1, 2), 0.95, "upper", { screening: 1, review: 0.8 });
    expect(thinned.method).toBe("window-thinned-bonferroni");
    expect(thinned.decided).toBe(true);
  });
});

describe("an assessment whose joint limit kept an undecided total", () => {
  it("warns that the limit may be a few cases wider than the exact one", () => {
    const month = (m: number) => {
      const start = `2023-${String(m).padStart(2, "0")}-01`;
      const end = new Date(Date.UTC(2023, m, 0)).toISOString().slice(0, 10);
      return { period: `${start}/${end}`, flagged: 1000, reviewed: 50, found: 2 };
    };
    const a = assessInvestigation({
      name: "twelve months, two found in each",
      span: "2023-01-01/2023-12-31",
      windows: Array.from({ length: 12 }, (_, i) => month(i + 1)),
      confidence: 0.95,
    });
    expect(a.window?.decided).toBe(false);
    expect(a.warnings).toContainEqual({ id: "joint-limit-undecided", text: messages.jointLimitUndecided() });
  });
});
