import { describe, expect, it } from "vitest";
import { assessInvestigation } from "../../src/investigation/assessInvestigation.js";
import { statements } from "../../src/report/statements.js";
import { examples } from "../../src/scenario/examples.js";
import { messages } from "../../src/validation/messages.js";
import { label, reference } from "../helpers/fixtures.js";

type SscsCase =
  | { model: "wallenius" | "fisher"; region: "window" | "span"; bias: number; upper: number }
  | { model: "wallenius" | "fisher"; region: "window" | "span"; tippingTarget: number; tippingBias: number };

// Expected values: exact noncentral bounds (mpmath, exact fractions) and mpmath's root of
// P(X ≤ 1 | K = target + 1, odds 1/ω) = 0.05 for the tipping bias (test/fixtures/python/noncentral.py sscs).
const cases = reference<SscsCase[]>("selection-bias-sscs.json");

// The SSCS example with the default grid requested (the assessment computes it only on request).
const sscs = { ...examples["hmcts-sscs"], biasModel: "wallenius" as const };

/** Three significant figures, rounded down: how the tipping bias is reported. */
function floor3(x: number): number {
  const scale = 10 ** (2 - Math.floor(Math.log10(x)));
  return Math.floor(x * scale) / scale;
}

describe("assessInvestigation(scenario).selectionBias", () => {
  for (const model of ["wallenius", "fisher"] as const) {
    it(`reproduces the exact SSCS bounds and tipping biases under ${model === "wallenius" ? "Wallenius'" : "Fisher's"} model`, () => {
      const result = assessInvestigation({ ...sscs, biasModel: model }).selectionBias;
      expect(result).not.toBeNull();
      if (result === null) return;
      expect(result.model).toBe(model);
      expect(result.rows.map((r) => r.bias)).toEqual([1, 1.5, 2, 3, 5, 10]);
      for (const c of cases.filter((c) => c.model === model)) {
        if ("bias" in c) {
          const row = result.rows.find((r) => r.bias === c.bias);
          // The fixture bounds affected cases; undetected = affected − the 1 found.
          const actual = c.region === "window" ? row?.affected : (row?.spanUndetected ?? 0) + 1;
          expect(actual, label(c)).toBe(c.upper);
        } else {
          const target = c.region === "window" ? result.target.undetected : result.target.spanUndetected;
          expect(target, label(c)).toBe(c.tippingTarget);
          expect(result.tippingBias[c.region], label(c)).toBe(floor3(c.tippingBias));
        }
      }
      expect(result.target.source).toBe("twice the random-sample bound");
      expect(result.assumptionFree).toEqual({ undetected: 500, spanUndetected: 12_513 });
    });
  }

  it("is computed only when asked for (selectionBias or biasModel given)", () => {
    expect(assessInvestigation(examples["hmcts-sscs"]).selectionBias).toBeNull();
    expect(
      assessInvestigation({ ...examples["hmcts-sscs"], selectionBias: [2] }).selectionBias?.rows,
    ).toHaveLength(1);
  });

  it("at ω = 1 repeats the window's sampling bound", () => {
    const assessment = assessInvestigation(sscs);
    const first = assessment.selectionBias?.rows[0];
    expect(first?.bias).toBe(1);
    expect(first?.affected).toBe(assessment.window?.affected.upper);
    expect(first?.undetected).toBe(assessment.window?.undetected.upper);
  });

  it("measures the tipping bias against materiality when given (1 when a random sample already reaches it)", () => {
    const result = assessInvestigation({ ...sscs, materiality: 100 }).selectionBias;
    expect(result?.target).toEqual({ undetected: 100, spanUndetected: 100, source: "materiality" });
    // The fixture puts 101 affected (100 undetected) at ω = 5 and 65 at ω = 3: the window tips in (3, 5].
    expect(result?.tippingBias.window).toBeGreaterThan(3);
    expect(result?.tippingBias.window).toBeLessThanOrEqual(5);
    expect(result?.tippingBias.span).toBe(1);
    const never = assessInvestigation({ ...sscs, materiality: 20_000 }).selectionBias;
    expect(never?.tippingBias).toEqual({ window: null, span: null });
  });

  it("rises with ω and stays at or below the assumption-free worst case", () => {
    const result = assessInvestigation({
      ...examples["hmcts-sscs"],
      selectionBias: [1, 2, 10, 100, 1000],
    }).selectionBias;
    const rows = result?.rows ?? [];
    for (let i = 1; i < rows.length; i++) {
      const [before, after] = [rows[i - 1], rows[i]];
      expect(after?.undetected).toBeGreaterThanOrEqual(before?.undetected ?? 0);
      expect(after?.spanUndetected).toBeGreaterThanOrEqual(before?.spanUndetected ?? 0);
    }
    expect(rows.at(-1)?.undetected).toBe(500);
    expect(rows.at(-1)?.spanUndetected).toBeLessThanOrEqual(12_513);
  });

  it("gives a statement that carries the tipping bias and the model it rests on", () => {
    const statement = statements(assessInvestigation(sscs)).find((s) => s.id === "selection-bias");
    expect(statement?.value).toBe(2.05);
    expect(statement?.text).toContain(
      "only if reviewers were at least 2.05 times less likely to pick an affected case",
    );
    expect(statement?.text).toContain("Wallenius' model: cases picked one after another");
    expect(statement?.assumption).toContain("picked one after another");
  });

  it("is left out, with a warning, when a sensitivity is below 1", () => {
    const assessment = assessInvestigation({ ...sscs, reviewSensitivity: 0.9 });
    expect(assessment.selectionBias).toBeNull();
    expect(assessment.warnings.map((w) => w.text)).toContain(messages.selectionBiasNeedsPerfectReview());
  });

  it("rejects a bias outside [0.001, 1000], naming its place in the list", () => {
    expect(() => assessInvestigation({ ...sscs, selectionBias: [1, 0] })).toThrow(
      `selectionBias[1] ${messages.biasRange(0)}`,
    );
  });
});
