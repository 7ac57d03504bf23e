import { describe, expect, it } from "vitest";
import { assessInvestigation } from "../../src/investigation/assessInvestigation.js";
import { buildReport } from "../../src/report/buildReport.js";
import { examples } from "../../src/scenario/examples.js";

const context = {
  version: "0.1.0",
  generatedAt: "2026-11-30T00:00:00.000Z",
  command: "adequacy report --example hmcts-sscs --selection-bias 1,1.5,2,3,5,10",
  scenarioYaml: "name: hmcts-sscs\n",
};

describe("buildReport: the selection-bias section", () => {
  it("tabulates the bounds per ω, draws the chart and carries the statement with its model", () => {
    const a = assessInvestigation({ ...examples["hmcts-sscs"], selectionBias: [1, 1.5, 2, 3, 5, 10] });
    const section = buildReport(a, context).sections.find((s) => s.id === "selection-bias");
    expect(section?.heading).toBe("If the reviewed cases were not picked at random");
    const table = section?.blocks.find((b) => b.kind === "table");
    expect(table?.kind === "table" ? table.rows.map((r) => [r[0], r[1]]) : []).toEqual([
      ["1", "24"],
      ["1.5", "35"],
      ["2", "45"],
      ["3", "65"],
      ["5", "101"],
      ["10", "171"],
    ]);
    expect(section?.blocks.some((b) => b.kind === "chart" && b.id === "selection-bias")).toBe(true);
    const texts = section?.blocks.flatMap((b) => (b.kind === "paragraph" ? [b.text] : [])) ?? [];
    expect(texts.some((t) => t.includes("at least 2.05 times less likely"))).toBe(true);
    expect(texts.some((t) => t.includes("Wallenius' model"))).toBe(true);
  });

  it("is absent when the assessment has no selection-bias grid", () => {
    const a = assessInvestigation(examples["hmcts-sscs"]);
    expect(buildReport(a, context).sections.some((s) => s.id === "selection-bias")).toBe(false);
  });
});
