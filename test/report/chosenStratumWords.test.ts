import { describe, expect, it } from "vitest";
import { assessInvestigation } from "../../src/investigation/assessInvestigation.js";
import { stratumPlanCurve } from "../../src/investigation/stratumPlanCurve.js";
import { buildReport } from "../../src/report/buildReport.js";
import { chosenStratumWords } from "../../src/report/chosenStratumWords.js";
import { renderReportMarkdown } from "../../src/report/renderReportMarkdown.js";
import { examples } from "../../src/scenario/examples.js";

const context = {
  version: "test",
  generatedAt: "2026-01-01T00:00:00.000Z",
  command: "adequacy report",
  scenarioYaml: "",
};

describe("chosenStratumWords: which stratum a sample-size curve is drawn for", () => {
  it("one year with the most cases is named as such (hmcts-sscs: 2020 has 2,449, the others fewer)", () => {
    const a = assessInvestigation(examples["hmcts-sscs"]);
    const chosen = stratumPlanCurve(a.adequatePlan);
    const most = Math.max(...a.adequatePlan.strata.map((s) => s.population));
    expect(a.adequatePlan.strata.filter((s) => s.population === most)).toHaveLength(1);
    expect(chosen.tiedForLargest).toBe(1);
    expect(chosenStratumWords(chosen, "year")).toBe("2020, the year with the most cases");
  });

  it("years tied for the most cases are not presented as one standing out (family courts: 100 a year)", () => {
    const a = assessInvestigation(examples["family-court-documents"]);
    expect(a.adequatePlan.strata.map((s) => s.population)).toEqual([100, 100, 100, 100]);
    const chosen = stratumPlanCurve(a.adequatePlan);
    expect(chosen.stratum.label).toBe("2020");
    expect(chosen.tiedForLargest).toBe(4);
    const words = chosenStratumWords(chosen, "year");
    expect(words).toBe("2020, the first of the 4 years tied for the most cases (100 each)");
    expect(words).not.toContain("the year with the most cases");
  });

  it("a stratum the user named is named alone, with no claim about its size", () => {
    const a = assessInvestigation(examples["family-court-documents"]);
    const chosen = stratumPlanCurve(a.adequatePlan, "2022");
    expect(chosen.tiedForLargest).toBe(0);
    expect(chosenStratumWords(chosen, "year")).toBe("2022");
  });

  it("the report's sample-size caption says the years tie", () => {
    const report = buildReport(assessInvestigation(examples["family-court-documents"]), context);
    const text = JSON.stringify(report);
    expect(text).toContain(
      "Upper bound against sample size for 2020, the first of the 4 years tied for the most cases (100 each).",
    );
    expect(text).not.toContain("the year with the most cases");
  });

  it("the detection-power method assumes a random sample of the windows examined, or of a review yet to be made", () => {
    const words = (name: keyof typeof examples) =>
      renderReportMarkdown(buildReport(assessInvestigation(examples[name]), context), "charts");
    expect(words("hmcts-sscs")).toContain(
      "Assumes: a random sample within the examined window, and the spread",
    );
    const none = words("family-court-documents");
    expect(none).not.toContain("within the examined window");
    expect(none).toContain(
      "Assumes: that a review, once made, examines a random sample of its window, and the spread",
    );
  });
});
