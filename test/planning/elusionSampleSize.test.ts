import { describe, expect, it } from "vitest";
import { recallInterval, type ScreenStratum } from "../../src/intervals/recallInterval.js";
import { elusionSampleSize } from "../../src/planning/elusionSampleSize.js";
import { InputError } from "../../src/validation/InputError.js";
import { label, reference } from "../helpers/fixtures.js";

interface PlanCase {
  unflagged: number;
  maxElusion?: number;
  recall?: number;
  flagged?: ScreenStratum;
  confidence: number;
  allowed: number;
  flaggedAffected?: number;
  tolerableAffected: number;
  sampleSize: number;
  achievedUpper: number;
}
// Expected values: test/fixtures/python/screen.py (bisection on scipy's CDF, boundary decided by mpmath).
const cases = reference<{ plans: PlanCase[] }>("screen.json").plans;

describe("elusionSampleSize({ unflagged, maxElusion | recall + flagged, confidence, allowed })", () => {
  it.each(cases.map((c) => [label(c), c] as const))("matches the exact reference: %s", (_, c) => {
    const plan = elusionSampleSize(c);
    expect(plan.sampleSize).toBe(c.sampleSize);
    expect(plan.tolerableAffected).toBe(c.tolerableAffected);
    expect(plan.achievedUpper).toBe(c.achievedUpper);
    if (c.flaggedAffected !== undefined) {
      expect(plan).toMatchObject({ target: "recall", flaggedAffected: c.flaggedAffected });
    }
    expect(plan.risk).toBeLessThanOrEqual(1 - plan.sideConfidence);
  });

  it("a recall plan met by the review shows the target with recallInterval, and one case fewer does not", () => {
    for (const c of cases.filter((p) => p.recall !== undefined)) {
      const plan = elusionSampleSize(c);
      const at = (sample: number) =>
        recallInterval({
          flagged: c.flagged as ScreenStratum,
          unflagged: { population: c.unflagged, sample, found: 0 },
          confidence: c.confidence,
          sided: "upper",
        }).lower;
      expect(at(plan.sampleSize), label(c)).toBeGreaterThanOrEqual(c.recall as number);
      expect(at(plan.sampleSize - 1), label(c)).toBeLessThan(c.recall as number);
    }
  });

  it("needs exactly one target, and a recall target needs the flagged side", () => {
    expect(() => elusionSampleSize({ unflagged: 1000 })).toThrow(
      new InputError("maxElusion", "needs one of maxElusion or recall", ["maxElusion", "recall"]),
    );
    expect(() => elusionSampleSize({ unflagged: 1000, maxElusion: 0.01, recall: 0.9 })).toThrow(
      new InputError("maxElusion", "cannot be given together with recall", ["recall"]),
    );
    expect(() => elusionSampleSize({ unflagged: 1000, recall: 0.9 })).toThrow(
      new InputError("flagged", "is required", ["recall"]),
    );
  });

  it("refuses a target that tolerates fewer affected cases than the plan allows", () => {
    expect(() => elusionSampleSize({ unflagged: 1000, maxElusion: 0.001, allowed: 2 })).toThrow(
      new InputError(
        "maxElusion",
        "cannot be met: no sample size up to 1,000 reaches it (it tolerates 1 affected unflagged case, fewer than the 2 allowed)",
      ),
    );
  });

  it("needs no review when every unflagged case could be affected and the target still hold", () => {
    const plan = elusionSampleSize({
      unflagged: 5,
      recall: 0.5,
      flagged: { population: 10, sample: 10, found: 10 },
    });
    expect(plan.sampleSize).toBe(0);
    expect(plan.achievedUpper).toBe(5);
  });
});
