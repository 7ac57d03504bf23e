import { describe, expect, it } from "vitest";
import { assessInvestigation } from "../../src/investigation/assessInvestigation.js";
import { buildReport } from "../../src/report/buildReport.js";
import { renderReportMarkdown } from "../../src/report/renderReportMarkdown.js";
import { statements } from "../../src/report/statements.js";
import { examples } from "../../src/scenario/examples.js";
import { screenedSpan, screenedWindow } from "../helpers/screened.js";

const context = {
  version: "0.0.0-test",
  generatedAt: "2026-01-01T00:00:00Z",
  command: "adequacy report",
  scenarioYaml: "",
};
const screened = assessInvestigation({
  name: "screened review",
  span: screenedSpan,
  windows: [screenedWindow],
});

describe("buildReport: the screen section", () => {
  it("states the elusion and recall bounds, tabulates them and draws where the affected cases could be", () => {
    const doc = buildReport(screened, context);
    const section = doc.sections.find((s) => s.id === "screen");
    expect(section?.heading).toBe("Did the screen miss affected cases?");
    const statement = statements(screened).find((s) => s.id === "screen")?.text as string;
    expect(section?.blocks[0]).toEqual({ kind: "paragraph", text: statement });
    const chart = section?.blocks.find((b) => b.kind === "chart");
    expect(chart && "alt" in chart ? chart.alt : "").toContain(
      `${screened.screen?.placement.undetected.upper} undetected in all`,
    );
    const md = renderReportMarkdown(doc);
    expect(md).toContain("Did the screen miss affected cases?");
  });

  it("is left out without an elusion sample", () => {
    const doc = buildReport(assessInvestigation(examples["hmcts-sscs"]), context);
    expect(doc.sections.some((s) => s.id === "screen")).toBe(false);
  });
});
