import { describe, expect, it } from "vitest";
import { assessInvestigation } from "../../src/investigation/assessInvestigation.js";
import { assessmentBriefing } from "../../src/report/assessmentBriefing.js";
import { renderBriefing } from "../../src/report/Briefing.js";
import { buildReport } from "../../src/report/buildReport.js";
import { renderReportMarkdown } from "../../src/report/renderReportMarkdown.js";

const context = {
  version: "0.1.0",
  generatedAt: "2026-11-22T00:00:00.000Z",
  command: "adequacy report",
  scenarioYaml: "name: one\n",
};

// One flagged case in the window, reviewed, and one flagged case outside it: every count that names its
// unit is 1 somewhere in the outputs.
const one = assessInvestigation({
  name: "one",
  span: "2023-01-01/2023-12-31",
  windows: [{ label: "window 1", period: "2023-12-01/2023-12-31", flagged: 1, reviewed: 1, found: 0 }],
  volume: [
    { period: "2023-01-01/2023-11-30", cases: 5, flagged: 1 },
    { period: "2023-12-01/2023-12-31", cases: 1, flagged: 1 },
  ],
});
const PLURAL_AFTER_ONE = /(?<![\d.,])1 (?:[a-z]+ )?cases\b/g;

describe("outputs of an assessment with single cases", () => {
  it("assessmentBriefing says '1 flagged case', never '1 flagged cases'", () => {
    const text = renderBriefing(assessmentBriefing(one), "table");
    expect(text).toContain("Sampled from           1 flagged case\n");
    expect(text.match(PLURAL_AFTER_ONE)).toBeNull();
  });

  it("the report and its statements say '1 flagged case', never '1 flagged cases'", () => {
    const md = renderReportMarkdown(buildReport(one, context), "charts");
    expect(md).toContain("A review of 1 of the 1 flagged case (100%)");
    expect(md).toContain("The 1 reviewed case is treated as drawn at random");
    expect(md).toContain(
      "window 1: the 1 reviewed case is taken to be a simple random sample. If it was chosen another way",
    );
    expect(md.match(PLURAL_AFTER_ONE)).toBeNull();
  });
});
