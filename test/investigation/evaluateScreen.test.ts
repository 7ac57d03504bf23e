import { describe, expect, it } from "vitest";
import { evaluateScreen } from "../../src/investigation/evaluateScreen.js";
import { InputError } from "../../src/validation/InputError.js";
import { type CountBoundCase, label, reference } from "../helpers/fixtures.js";

// Expected values: test/fixtures/python/screen.py (scipy bisection, boundaries decided by mpmath at 60 digits).
const cases = reference<{ elusion: CountBoundCase[] }>("screen.json").elusion;

describe("evaluateScreen({ unflagged, flagged, confidence, sided })", () => {
  it.each(cases.map((c) => [label(c), c] as const))("elusion matches the exact reference: %s", (_, c) => {
    const { elusion } = evaluateScreen({
      unflagged: { population: c.population, sample: c.sample, found: c.found },
      confidence: c.confidence,
      sided: c.sided,
    });
    expect([elusion.affected.lower, elusion.affected.upper]).toEqual([c.lower, c.upper]);
    expect(elusion.rate.upper).toBe(c.upper / c.population);
    expect(elusion.rate.estimate).toBe(c.found / c.sample);
  });

  it("0 found in 200 reviewed of 10,000 unflagged: at most 147 affected unflagged cases (one-sided 95%)", () => {
    const { elusion, recall, placement } = evaluateScreen({
      unflagged: { population: 10_000, sample: 200, found: 0 },
      sided: "upper",
    });
    expect(elusion.affected).toEqual({ estimate: 0, lower: 0, upper: 147 });
    expect(elusion.rate.upper).toBe(0.0147);
    expect(recall).toBeNull();
    expect(placement).toBeNull();
  });

  it("places the affected cases: found, flagged unreviewed and unflagged unreviewed, jointly bounded", () => {
    const { recall, placement } = evaluateScreen({
      flagged: { population: 609, sample: 109, found: 1 },
      unflagged: { population: 9391, sample: 200, found: 0 },
      sided: "upper",
    });
    const side = { population: 609, sample: 109, found: 1 };
    expect(recall?.sideConfidence).toBe(Math.sqrt(0.95));
    // Each side's one-sided upper bound at √0.95, less the cases found there (screen.json's recall cases
    // give the same bounds, decided in mpmath).
    const reference609 = reference<{
      recall: { flagged: typeof side; sided: string; confidence: number; unflaggedBounds: number[] }[];
    }>("screen.json").recall.find(
      (c) =>
        c.flagged.sample === 109 && c.flagged.found === 1 && c.sided === "upper" && c.confidence === 0.95,
    );
    expect(placement?.unflaggedUnreviewed.upper).toBe((reference609?.unflaggedBounds[1] as number) - 0);
    expect(placement?.found).toBe(1);
    expect(placement?.undetected.upper).toBe(
      (placement?.flaggedUnreviewed.upper as number) + (placement?.unflaggedUnreviewed.upper as number),
    );
  });

  it("bounds an unreviewed discard pile only by its size", () => {
    const { elusion } = evaluateScreen({ unflagged: { population: 5000, sample: 0, found: 0 } });
    expect(elusion.affected).toEqual({ estimate: null, lower: 0, upper: 5000 });
    expect(elusion.rate).toEqual({ estimate: null, lower: 0, upper: 1 });
  });

  it("names the field for counts out of order", () => {
    expect(() => evaluateScreen({ unflagged: { population: 100, sample: 10, found: 11 } })).toThrow(
      new InputError("unflagged.found", "must be a whole number from 0 to unflagged.sample (10); got 11"),
    );
  });
});
