import { describe, expect, it } from "vitest";
import { assessInvestigation } from "../../src/investigation/assessInvestigation.js";
import { statements } from "../../src/report/statements.js";
import { examples } from "../../src/scenario/examples.js";
import type { ScenarioInput } from "../../src/scenario/scenario.js";

const sscs = examples["hmcts-sscs"] as ScenarioInput;
const window = sscs.windows[0] as ScenarioInput["windows"][number];
const withSelection = (selection: "random" | "judgmental" | "unknown" | undefined): ScenarioInput => {
  const { selection: _dropped, ...rest } = window;
  return {
    ...sscs,
    sources: [],
    windows: [selection === undefined ? rest : { ...rest, selection }],
  };
};
const text = (a: ReturnType<typeof assessInvestigation>, id: string) =>
  statements(a).find((s) => s.id === id)?.text ?? "";

describe("statements(assessment) carry the random-selection assumption in the sentence", () => {
  it("with selection unknown, the assumption-free range leads and every sampling sentence is conditional", () => {
    const a = assessInvestigation(sscs);
    expect(statements(a)[0]?.id).toBe("assumption-free");
    expect(text(a, "window")).toContain(
      "found 1 affected; if the 109 had been drawn at random (how they were chosen is not known), then with 95% confidence at most 24 of the 609 flagged cases were affected",
    );
    expect(text(a, "constant-rate")).toMatch(
      /^If the 109 had been drawn at random \(how they were chosen is not known\) and the rate/,
    );
    expect(text(a, "detection")).toContain("and the 109 reviewed had been drawn at random");
    for (const s of statements(a)) {
      if (/random sample|drawn at random/.test(s.assumption)) expect(s.text).toContain("drawn at random");
    }
  });

  it("with judgmental selection, says the cases were chosen by judgement", () => {
    const a = assessInvestigation(withSelection("judgmental"));
    expect(statements(a)[0]?.id).toBe("assumption-free");
    expect(text(a, "window")).toContain(
      "if the 109 had been drawn at random (they were chosen by judgement)",
    );
  });

  it("with random selection only by default, says how they were chosen was not given", () => {
    const a = assessInvestigation(withSelection(undefined));
    expect(statements(a)[0]?.id).toBe("window");
    expect(text(a, "window")).toContain(
      "if the 109 were drawn at random (how they were chosen was not given), then with 95% confidence at most 24",
    );
  });

  it("with random selection given, still states it", () => {
    const a = assessInvestigation(withSelection("random"));
    expect(statements(a)[0]?.id).toBe("window");
    expect(text(a, "window")).toContain("if the 109 were drawn at random, as stated, then with 95%");
  });
});

describe("statements(assessment) detection sentence", () => {
  it("uses the materiality given", () => {
    const a = assessInvestigation({ ...sscs, materiality: 100 });
    expect(text(a, "detection")).toMatch(/^If 100 cases were affected, spread evenly/);
    const index = a.detectionPower.totals.indexOf(100);
    const uniform = a.detectionPower.curves.find((c) => c.profile === "uniform");
    const chance = Math.round(((uniform as { review: readonly number[] }).review[index] as number) * 100);
    expect(text(a, "detection")).toContain(
      `then of 100 reviews like this one, about ${chance} would have found at least one affected case (a chance of ${chance}%).`,
    );
    // Ended before the window, the review could not have found it: none of 100, not "probability 0".
    expect(text(a, "detection")).toContain(
      "Had the problem ended before the window, none would have (a chance of 0%), however many were affected.",
    );
  });

  it("gives every chance as a percentage, never as a bare decimal", () => {
    // The tipping point's θ (a ratio of rates, "0.5 times") is no probability and may be a decimal.
    for (const s of statements(assessInvestigation({ ...sscs, materiality: 100 })))
      if (s.id !== "tipping-point") expect(s.text, s.id).not.toMatch(/probability \d|\b0\.\d+(?!\d*%)/);
  });

  it("starts the detection plan a sentence of its own after a census, not a clause beginning 'or'", () => {
    // Materiality 100 sets a target (0.7923%) below the observed rate (0.9174%): a census, no rate plan.
    const a = assessInvestigation({ ...sscs, materiality: 100 });
    expect(a.adequatePlan.reachable).toBe(false);
    expect(text(a, "adequate-plan")).toContain(
      "every period is shown as a census. A review could instead examine 372 cases drawn at random from the whole period",
    );
  });

  it("says 1 case was, not 1 cases were", () => {
    const a = assessInvestigation({ ...sscs, materiality: 1 });
    expect(text(a, "detection")).toMatch(/^If 1 case was affected, spread evenly/);
  });
});
