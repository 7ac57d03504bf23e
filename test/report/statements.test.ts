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
    expect(text(a, "detection")).toContain(
      `with probability ${(uniform as { review: readonly number[] }).review[index]?.toFixed(2)};`,
    );
  });

  it("says 1 case was, not 1 cases were", () => {
    const a = assessInvestigation({ ...sscs, materiality: 1 });
    expect(text(a, "detection")).toMatch(/^If 1 case was affected, spread evenly/);
  });
});
