import { describe, expect, it } from "vitest";
import { assessInvestigation } from "../../../src/investigation/assessInvestigation.js";
import { statements } from "../../../src/report/statements.js";
import { examples } from "../../../src/scenario/examples.js";
import { messages } from "../../../src/validation/messages.js";
import {
  assess,
  assessFieldOf,
  assessGroups,
  exampleState,
  scenarioOf,
} from "../../../src/web/pages/assess.js";
import { run } from "../../helpers/runCli.js";
import { sscsFlags } from "../../helpers/sscs.js";

// The SSCS figures as a reader types them: 1 found in 109 reviewed of 609 flagged (BBC, August 2025).
const SSCS = {
  windows: "1",
  spanStart: "2019-01-01",
  spanEnd: "2024-02-29",
  "w1.start": "2023-12-01",
  "w1.end": "2024-02-29",
  "w1.flagged": "609",
  "w1.reviewed": "109",
  "w1.found": "1",
  "w1.selection": "unknown",
};

describe("the assess page's inputs", () => {
  it("assess(SSCS figures) is the record adequacy assess prints for the same flags, with at most 24 of 609", async () => {
    const outcome = assess(SSCS);
    if (outcome.kind !== "result") throw new Error(`no result: ${JSON.stringify(outcome)}`);
    const cli = await run("assess", ...sscsFlags, "--name", "web calculator scenario", "--format", "json");
    expect(cli.code).toBe(0);
    expect(JSON.parse(JSON.stringify(outcome.result))).toEqual(JSON.parse(cli.stdout));
    // 24: the exact hypergeometric bound for 1 in 109 of 609 (bound -N 609 -n 109 -k 1 --sided upper).
    expect(outcome.result.window?.affected.upper).toBe(24);
  });

  it("assess(found > reviewed) puts the library's range message beside found, naming reviewed as the page does", () => {
    const outcome = assess({ ...SSCS, "w1.found": "110" });
    expect(outcome).toEqual({
      kind: "errors",
      errors: new Map([["w1.found", messages.wholeInRange(0, "reviewed (109)", 110)]]),
    });
  });

  it("assess marks every unreadable or missing number at once, with the CLI's parse messages", () => {
    const outcome = assess({ ...SSCS, "w1.reviewed": "1O9", "w1.found": "", confidence: "1e400" });
    expect(outcome).toEqual({
      kind: "errors",
      errors: new Map([
        ["w1.reviewed", messages.notANumber("1O9")],
        ["w1.found", messages.required()],
        ["confidence", messages.notFinite("1e400")],
      ]),
    });
  });

  it("assess of an untouched form is incomplete, not a page of 'is required'", () => {
    expect(assess({ windows: "1" })).toEqual({ kind: "incomplete" });
  });

  it("exampleState(hmcts-sscs) reads back as the example's own figures", () => {
    const { scenario } = scenarioOf(exampleState("hmcts-sscs"));
    const fromPage = assessInvestigation(scenario);
    const fromExample = assessInvestigation({
      ...examples["hmcts-sscs"],
      sources: undefined,
      description: undefined,
    });
    expect(fromPage.window).toEqual(fromExample.window);
    expect(statements(fromPage).map((s) => s.text)).toEqual(statements(fromExample).map((s) => s.text));
  });

  it("exampleState(family-court-documents) offers every value it states among the page's choices", () => {
    const state = exampleState("family-court-documents");
    const choices = assessGroups(state).flatMap((g) => g.fields.filter((f) => f.kind === "select"));
    for (const field of choices) {
      const value = state[field.key];
      if (value !== undefined) expect(field.choices?.map((c) => c.value)).toContain(value);
    }
    expect(state.stratify).toBe("year");
  });

  it("assessFieldOf maps the library's scenario paths onto the page's fields", () => {
    expect(assessFieldOf("windows[1].found")).toBe("w2.found");
    expect(assessFieldOf("windows[0]")).toBe("w1.reviewed");
    expect(assessFieldOf("drift[3]")).toBe("drift");
    expect(assessFieldOf("confidence")).toBe("confidence");
  });
});
