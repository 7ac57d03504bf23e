import { describe, expect, it } from "vitest";
import { assessInvestigation } from "../../src/investigation/assessInvestigation.js";
import { buildReport } from "../../src/report/buildReport.js";
import type { ReportDocument } from "../../src/report/ReportDocument.js";
import { examples } from "../../src/scenario/examples.js";
import type { ScenarioInput } from "../../src/scenario/scenario.js";
import { reference } from "../helpers/fixtures.js";

// Tails and bounds from scipy (test/fixtures/python/report_tails.py), never from the library.
interface WindowTailCase {
  population: number;
  reviewed: number;
  found: number;
  confidence: number;
  sided: "two" | "upper";
  tail: number;
  upper: number;
  cdfAtUpper: number;
  cdfAboveUpper: number;
}
interface BonferroniTailCase {
  windows: number;
  confidence: number;
  sided: "two" | "upper";
  tail: number;
  windowTail: number;
}
const fixture = reference<{ windows: WindowTailCase[]; bonferroni: BonferroniTailCase[] }>(
  "report-tails.json",
);
const sscsCase = (sided: "two" | "upper") => fixture.windows.find((c) => c.sided === sided) as WindowTailCase;
const shareOf = (sided: "two" | "upper") =>
  fixture.bonferroni.find((c) => c.sided === sided) as BonferroniTailCase;

const context = {
  version: "0.1.0",
  generatedAt: "2026-11-22T00:00:00.000Z",
  command: "adequacy report",
  scenarioYaml: "name: tails\n",
};

/** Every paragraph and list item of the report, as the renderers receive them. */
function texts(doc: ReportDocument): string[] {
  return doc.sections.flatMap((section) =>
    section.blocks.flatMap((block) =>
      block.kind === "paragraph"
        ? [block.text]
        : block.kind === "list"
          ? block.items
          : block.kind === "links"
            ? block.items.map((item) => item.text)
            : [],
    ),
  );
}
const report = (input: ScenarioInput) => {
  const a = assessInvestigation(input);
  return { a, text: texts(buildReport(a, context)).join("\n") };
};

const sscs = examples["hmcts-sscs"] as ScenarioInput;
const sscsWindow = (sscs.windows as NonNullable<ScenarioInput["windows"]>)[0];
// Three windows of the SSCS kind: the joint limits combine them; with a review sensitivity below 1 each
// window's bound is taken at a Bonferroni share of the tail and summed.
const three: ScenarioInput = {
  ...sscs,
  sources: [],
  windows: [
    { ...sscsWindow, label: "a", period: "2023-06-01/2023-06-30", flagged: 200, reviewed: 40, found: 1 },
    { ...sscsWindow, label: "b", period: "2023-09-01/2023-09-30", flagged: 220, reviewed: 40, found: 0 },
    { ...sscsWindow, label: "c", period: "2023-12-01/2023-12-31", flagged: 180, reviewed: 40, found: 2 },
  ],
};

describe("the tail the report says each bound was computed at", () => {
  it("scipy places the published bounds for 1 found in 109 of 609 where the lower tail crosses the tail", () => {
    for (const c of fixture.windows) {
      expect(c.cdfAtUpper).toBeGreaterThanOrEqual(c.tail);
      expect(c.cdfAboveUpper).toBeLessThan(c.tail);
    }
    // The case studies' published two-sided 95% range is 1 to 28 (2.5% in each tail).
    expect(sscsCase("two").upper).toBe(28);
    expect(sscsCase("two").tail).toBe(0.025);
  });

  it("two-sided, one window: each bound leaves 2.5%, and every sentence says so", () => {
    const c = sscsCase("two");
    const { a, text } = report({ ...sscs, sided: "two" });
    expect(a.window?.affected.upper).toBe(c.upper);
    expect(a.upperTail).toBeCloseTo(c.tail, 15);
    expect(a.window?.upperTail).toBeCloseTo(c.tail, 15);
    expect(a.window?.windowTail).toBeCloseTo(c.tail, 15);
    expect(text).toContain(
      "An upper bound at 95% confidence, two-sided, is a number computed so that, if the method were used again and again on new random samples, it would fall below the true count at most 2.5% of the time (at most 5% for a bound stated as one-sided).",
    );
    expect(text).toContain(
      "the lower bound would exceed the true count at most 2.5% of the time, and the two together miss it at most 5% of the time.",
    );
    expect(text).toContain(
      "The upper bound is the largest number of affected flagged cases for which finding as few as 1 would still happen more than 2.5% of the time; the lower bound is the smallest for which finding as many would still happen more than 2.5% of the time.",
    );
    expect(text).toContain(
      "Every bound is at 95% confidence, two-sided unless stated: if the method were applied again and again to new random samples, the upper bound would fall short of the true count at most 2.5% of the time, and the lower bound would exceed it at most 2.5% of the time.",
    );
    // The only 5% left: the two bounds' joint miss, and a bound stated as one-sided (the adequate review's).
    expect(
      text
        .replace("the two together miss it at most 5% of the time", "")
        .replace("(at most 5% for a bound stated as one-sided)", ""),
    ).not.toMatch(/(?<![\d.])5% of the time/);
  });

  it("one-sided, one window (hmcts-sscs): the sentences and the 5% are unchanged", () => {
    const c = sscsCase("upper");
    const { a, text } = report(sscs);
    expect(a.window?.affected.upper).toBe(c.upper);
    expect(a.upperTail).toBeCloseTo(c.tail, 15);
    expect(text).toContain(
      "How to read the numbers. An upper bound at 95% confidence is a number computed so that, if the method were used again and again on new random samples, it would fall below the true count at most 5% of the time. One-sided means only an upper bound is given: the question is how much could have been missed, not how little.",
    );
    expect(text).toContain(
      "In the window: exact hypergeometric bounds (Buonaccorsi 1987). The 109 reviewed cases are treated as drawn at random, without replacement, from the 609 flagged cases in the window. The bound is the largest number of affected flagged cases for which finding as few as 1 would still happen more than 5% of the time. Assumes: a random sample, and that reviewers recognise every affected case they examine.",
    );
    expect(text).toContain(
      "Every bound is at 95% confidence, one-sided: if the method were applied again and again to new random samples, the bound would fall short of the true count at most 5% of the time.",
    );
  });

  it("several windows, joint limits: the total is tested at the whole tail, with no per-window share", () => {
    for (const sided of ["upper", "two"] as const) {
      const c = shareOf(sided);
      const { a, text } = report({ ...three, sided });
      expect(a.window?.method).toBe("window-joint");
      expect(a.window?.windowTail).toBeNull();
      expect(a.window?.upperTail).toBeCloseTo(c.tail, 15);
      const tail = sided === "upper" ? "5%" : "2.5%";
      expect(text).toContain(
        `In the windows: exact joint limits on the total over the ${c.windows} windows (Wendell & Schmee 1996).`,
      );
      expect(text).toContain(
        `a projected total as low as the one found (each window's count scaled up by its flagged cases over its reviewed) would still happen more than ${tail} of the time`,
      );
      expect(text).toContain(
        `The total is tested as a whole, so the ${tail} needs no sharing among the windows.`,
      );
      expect(text).toContain("Wendell and Schmee (1996). Exact inference");
    }
  });

  it("several windows, Bonferroni: each window's bound at the tail ÷ m, the adjustment named", () => {
    const one = shareOf("upper");
    const onesided = report({ ...three, reviewSensitivity: 0.8 });
    expect(onesided.a.window?.method).toBe("window-thinned-bonferroni");
    expect(onesided.a.window?.windowTail).toBeCloseTo(one.windowTail, 15);
    expect(onesided.a.window?.upperTail).toBeCloseTo(one.tail, 15);
    expect(onesided.text).toContain(
      "Each window's bound is the largest number of affected flagged cases for which recognising as few as that window's count would still happen more than 1.667% of the time: a Bonferroni adjustment divides the 5% among the 3 windows, so that the summed bound falls below the true total at most 5% of the time.",
    );
    const two = shareOf("two");
    const twosided = report({ ...three, reviewSensitivity: 0.8, sided: "two" });
    expect(twosided.a.window?.windowTail).toBeCloseTo(two.windowTail, 15);
    expect(twosided.text).toContain(
      "would still happen more than 0.8333% of the time, and its lower bound the smallest for which recognising as many would still happen more than 0.8333% of the time: a Bonferroni adjustment divides the 2.5% of each tail among the 3 windows, so that the summed upper bound falls below the true total at most 2.5% of the time, and the summed lower bound above it at most 2.5%.",
    );
  });
});
