import { describe, expect, it } from "vitest";
import { assessInvestigation } from "../../src/investigation/assessInvestigation.js";
import { assessmentBriefing } from "../../src/report/assessmentBriefing.js";
import { assumptionWords, detectionTargetWords, tolerableWords } from "../../src/report/assumptionWords.js";
import { statements } from "../../src/report/statements.js";
import { examples } from "../../src/scenario/examples.js";
import { screenedWindow } from "../helpers/screened.js";

// The results carry assumption and source ids; these are the sentences the library wrote into them
// before, which the report words the same for the same results.
const sscs = assessInvestigation(examples["hmcts-sscs"]);
const statement = (a: ReturnType<typeof assessInvestigation>, id: string) =>
  statements(a).find((s) => s.id === id);
const screened = assessInvestigation({
  name: "screened",
  span: "2019-01-01/2024-02-29",
  cases: 100_000,
  windows: [screenedWindow],
  materiality: 100,
});

describe("assumptionWords(ids, unit)", () => {
  it("words the constant-rate figures' assumptions, with the volume's spread when it is estimated", () => {
    expect(sscs.extrapolated?.assumptions).toEqual(["constant-rate", "random-sample", "volume-spread"]);
    expect(statement(sscs, "constant-rate")?.assumption).toBe(
      "the rate of affected cases was the same throughout the exposure period, and the reviewed cases were a random sample, and the flagged cases were spread over the span as the volume assumed (each in the windows with their share of it)",
    );
    expect(assumptionWords(["constant-rate", "random-sample"], "cases")).toBe(
      "the rate of affected cases was the same throughout the exposure period, and the reviewed cases were a random sample",
    );
  });

  it("words the screen's assumptions in its statement and briefing", () => {
    const words =
      "the unflagged cases reviewed were a random sample of the unflagged cases, drawn independently of the flagged review, and reviewers recognise affected cases as well among the unflagged as among the flagged";
    expect(screened.screen?.assumptions).toEqual(["unflagged-random-sample", "equal-recognition"]);
    expect(statement(screened, "screen")?.assumption).toBe(words);
    expect(JSON.stringify(assessmentBriefing(screened))).toContain(`Assumes ${words}.`);
  });

  it("words each bias model's assumption", () => {
    expect(assumptionWords(["wallenius-selection"])).toBe(
      "the reviewed cases were picked one after another, an affected case 1/ω times as likely as an unaffected one at each pick",
    );
    expect(assumptionWords(["fisher-selection"])).toBe(
      "each case was included in the review independently, an affected case with 1/ω times the odds of an unaffected one",
    );
  });
});

describe("tolerableWords(plan, unit) and detectionTargetWords(source)", () => {
  it("say where the plan's target came from: given, the materiality's share, or the default", () => {
    const given = assessInvestigation({ ...examples["hmcts-sscs"], tolerable: 0.02 }).adequatePlan;
    expect(given.target).toBe("tolerable");
    expect(tolerableWords(given, "flagged cases")).toBe("given");
    const material = assessInvestigation({ ...examples["hmcts-sscs"], materiality: 100 });
    expect(material.adequatePlan.materialityShare).toEqual({ materiality: 100, stageCases: 12_622 });
    expect(tolerableWords(material.adequatePlan, material.coverage.stageUnit)).toBe(
      "materiality: 100 of 12,622 flagged cases",
    );
    expect(sscs.adequatePlan.materialityShare).toBeNull();
    expect(tolerableWords(sscs.adequatePlan, sscs.coverage.stageUnit)).toBe(
      "the default target of 5%, an assumption: set tolerable or materiality to state your own",
    );
  });

  it("say where the detection plan's D came from", () => {
    expect(sscs.adequatePlan.detection.affectedSource).toBe("constant-rate-bound");
    expect(detectionTargetWords("constant-rate-bound")).toBe(
      "upper bound on affected cases over the whole span under a constant rate (found + undetected)",
    );
    const family = assessInvestigation(examples["family-court-documents"]).adequatePlan.detection;
    expect(family.affectedSource).toBe("materiality");
    expect(detectionTargetWords("tolerable-rate")).toBe("tolerable rate × cases over the whole span");
  });
});
