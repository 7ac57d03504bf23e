import { describe, expect, it } from "vitest";
import { hypergeometricCount } from "../../src/intervals/hypergeometricCount.js";
import { precisionSampleSize } from "../../src/planning/precisionSampleSize.js";
import { InputError } from "../../src/validation/InputError.js";

describe("precisionSampleSize", () => {
  it("uses the manual's interval: 133 of 666 at 95% is 1,710 to 2,310, 60 of 300 is 1,569 to 2,490 (pp. 4-26, 4-30)", () => {
    expect(hypergeometricCount(133, 666, 10000, 0.025)).toEqual({ lower: 1710, upper: 2310 });
    expect(hypergeometricCount(60, 300, 10000, 0.025)).toEqual({ lower: 1569, upper: 2490 });
    const plan = precisionSampleSize({ population: 10000, precision: 0.06, anticipated: 0.2 });
    expect(plan).toMatchObject({
      sampleSize: 666,
      anticipatedFound: 133,
      lower: 1710,
      upper: 2310,
      width: 600,
    });
  });

  it("returns the size just before the width first falls below the target", () => {
    const plan = precisionSampleSize({ population: 2000, precision: 0.1, anticipated: 0.3, confidence: 0.9 });
    const width = (n: number) => {
      const b = hypergeometricCount(Math.floor(n * 0.3 + 0.5), n, 2000, 0.05);
      return b.upper - b.lower;
    };
    expect(width(plan.sampleSize)).toBeGreaterThanOrEqual(200);
    expect(width(plan.sampleSize + 1)).toBeLessThan(200);
    for (let n = 1; n <= plan.sampleSize; n++) expect(width(n)).toBeGreaterThanOrEqual(200);
  });

  it("names the field on bad input", () => {
    expect(() => precisionSampleSize({ population: 10000, precision: 0, anticipated: 0.2 })).toThrow(
      /precision/,
    );
    expect(() => precisionSampleSize({ population: 10000, precision: 0.06, anticipated: 1 })).toThrow(
      InputError,
    );
    expect(() => precisionSampleSize({ population: 1.5, precision: 0.06, anticipated: 0.2 })).toThrow(
      /population/,
    );
    expect(() => precisionSampleSize({ population: 1e9, precision: 1e-5, anticipated: 0.5 })).toThrow(
      /precision/,
    );
  });
});
