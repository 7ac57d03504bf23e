import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { asFlagError, parseNumber } from "../../src/cli/flags.js";
import { InputError } from "../../src/validation/InputError.js";
import { messages } from "../../src/validation/messages.js";

/** Whether mantissa × 10^exponent is a whole number, decided in exact integer arithmetic. */
function exactlyWhole(mantissa: bigint, exponent: number): boolean {
  return exponent >= 0 || mantissa % 10n ** BigInt(-exponent) === 0n;
}

describe("parseNumber(flag, raw)", () => {
  it.each([
    ["0.05", 0.05],
    ["5e-2", 0.05],
    [" 109 ", 109],
    ["1e3", 1000],
    ["10e-1", 1],
    ["1.000", 1],
    ["-0", -0],
    ["0e-400", 0],
    ["1e-320", 1e-320],
  ])("parseNumber(--x, %j) is %d", (raw, value) => {
    expect(parseNumber("--x", raw)).toBe(value);
  });

  it.each([
    ["1e-400", messages.underflow("1e-400")],
    ["0.000e-999", null],
    ["5.0000000000000001", messages.beyondPrecision("5.0000000000000001", 5)],
    ["100000000000000001e-17", messages.beyondPrecision("100000000000000001e-17", 1)],
  ])("parseNumber(--x, %j) refuses a number a double cannot hold", (raw, detail) => {
    if (detail === null) {
      expect(parseNumber("--x", raw)).toBe(0);
      return;
    }
    expect(() => parseNumber("--x", raw)).toThrow(new InputError("--x", detail));
  });

  it("parseNumber(--x, m·10^e) refuses exactly the fractions that a double would read as whole numbers", () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: -(10n ** 20n), max: 10n ** 20n }),
        fc.integer({ min: -25, max: 5 }),
        (mantissa, exponent) => {
          const raw = `${mantissa}e${exponent}`;
          const value = Number(raw);
          const refused = !exactlyWhole(mantissa, exponent) && Number.isInteger(value) && value !== 0;
          if (refused) {
            expect(() => parseNumber("--x", raw)).toThrow(messages.beyondPrecision(raw, value));
          } else if (value === 0 && mantissa !== 0n) {
            expect(() => parseNumber("--x", raw)).toThrow(messages.underflow(raw));
          } else {
            expect(parseNumber("--x", raw)).toBe(value);
          }
        },
      ),
      { numRuns: 5_000 },
    );
  });
});

describe("asFlagError(error)", () => {
  it("names the field and the options its detail mentions as flags, and nothing else", () => {
    const error = new InputError("allowed", "cannot be given together with expectedRate", ["expectedRate"]);
    expect(asFlagError(error).message).toBe("--allowed cannot be given together with --expected-rate");
    const prefix = new InputError("sample", "is not sample or sampleSize", ["sample", "sampleSize"]);
    expect(asFlagError(prefix).message).toBe("--sample is not --sample or --sample-size");
    const unmentioned = new InputError("found", "must be a whole number from 0 to sample (109); got 110");
    expect(asFlagError(unmentioned).message).toBe(
      "--found must be a whole number from 0 to sample (109); got 110",
    );
  });

  it("leaves a path-named error as it is", () => {
    const error = new InputError("review.yaml: windows[0].found", "is required");
    expect(asFlagError(error)).toBe(error);
  });
});
