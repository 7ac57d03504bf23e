import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatDecimal } from "../../src/text/formatDecimal.js";

// The reference is Intl itself: formatDecimal must print exactly what toLocaleString("en-US") prints
// with signDisplay "negative", which never prints a negative zero.
const intl = (value: number, minimum: number, maximum: number) =>
  value.toLocaleString("en-US", {
    minimumFractionDigits: minimum,
    maximumFractionDigits: Math.max(minimum, maximum),
    // An ES2023 option that TypeScript's lib does not list yet.
    signDisplay: "negative" as Intl.NumberFormatOptions["signDisplay"],
  });

const digitsPairs = fc.tuple(fc.integer({ min: 0, max: 20 }), fc.integer({ min: 0, max: 20 }));

describe("formatDecimal(value, minimum, maximum)", () => {
  it.each([
    [1886, 0, 0, "1,886"],
    [1234567.5, 0, 0, "1,234,568"],
    [1.005, 2, 2, "1.01"],
    [4.2780001, 0, 3, "4.278"],
    [5.6, 1, 1, "5.6"],
    [999.96, 1, 1, "1,000.0"],
    [0.5, 0, 0, "1"],
    [-2.5, 0, 0, "-3"],
    [-0, 0, 0, "0"],
    [-0.3, 0, 0, "0"],
    [-0.04, 1, 1, "0.0"],
    [-0.06, 1, 1, "-0.1"],
    [5e-324, 0, 20, "0"],
    [1.5e22, 0, 0, "15,000,000,000,000,000,000,000"],
  ])("formatDecimal(%d, %d, %d) is %s, as Intl prints it", (value, minimum, maximum, expected) => {
    expect(intl(value, minimum, maximum)).toBe(expected);
    expect(formatDecimal(value, minimum, maximum)).toBe(expected);
  });

  it("formatDecimal(value, minimum, maximum) equals Intl for any double", () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true }), digitsPairs, (value, [minimum, maximum]) => {
        expect(formatDecimal(value, minimum, maximum)).toBe(intl(value, minimum, maximum));
      }),
      { numRuns: 20_000 },
    );
  });

  it("formatDecimal(value, minimum, maximum) equals Intl at decimal ties and across magnitudes", () => {
    // Values written with few decimals land on or next to rounding ties, where the two could differ.
    const tie = fc
      .tuple(fc.integer({ min: -1e9, max: 1e9 }), fc.integer({ min: 0, max: 12 }))
      .map(([units, scale]) => units / 10 ** scale);
    fc.assert(
      fc.property(tie, digitsPairs, (value, [minimum, maximum]) => {
        expect(formatDecimal(value, minimum, maximum)).toBe(intl(value, minimum, maximum));
      }),
      { numRuns: 20_000 },
    );
  });

  it("formatDecimal(±Infinity) is left to Intl", () => {
    expect(formatDecimal(Number.POSITIVE_INFINITY)).toBe(intl(Number.POSITIVE_INFINITY, 0, 0));
    expect(formatDecimal(Number.NEGATIVE_INFINITY)).toBe(intl(Number.NEGATIVE_INFINITY, 0, 0));
  });
});
