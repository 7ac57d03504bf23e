import { describe, expect, it } from "vitest";
import {
  MAX_COUNT,
  requireBias,
  requireClosedUnit,
  requireConfidence,
  requireCount,
  requireDrift,
  requireHalfOpenUnit,
  requireOneOf,
  requireOpenUnit,
  requirePositive,
} from "../../src/validation/checks.js";
import { InputError, InputTypeError } from "../../src/validation/InputError.js";
import { messages } from "../../src/validation/messages.js";

/** The error `run` throws, asserted to be `type` with `field` and the detail from the messages module. */
function thrown(run: () => unknown): InputError | InputTypeError {
  try {
    run();
  } catch (error) {
    if (error instanceof InputError || error instanceof InputTypeError) return error;
    throw error;
  }
  throw new Error("expected an input error, got none");
}

describe("the shared number checks (every one names the field and states the allowed range)", () => {
  it("require*(field, undefined) says the field is required; a string is a type error; NaN and ±Infinity are refused", () => {
    for (const check of [requireOpenUnit, requireClosedUnit, requirePositive, requireDrift]) {
      expect(thrown(() => check("rate", undefined))).toMatchObject({
        field: "rate",
        detail: messages.required(),
      });
      const typed = thrown(() => check("rate", "0.5"));
      expect(typed).toBeInstanceOf(InputTypeError);
      expect(typed.detail).toBe(messages.wrongType("a number", "0.5"));
      expect(thrown(() => check("rate", Number.NaN)).detail).toBe(messages.notANumber("NaN"));
      expect(thrown(() => check("rate", Number.POSITIVE_INFINITY)).detail).toBe(
        messages.notFinite("Infinity"),
      );
      expect(thrown(() => check("rate", Number.NEGATIVE_INFINITY)).detail).toBe(
        messages.notFinite("-Infinity"),
      );
    }
  });

  it("requireCount(field, x, min, max) takes whole numbers in [min, max] and refuses fractions and out-of-range counts", () => {
    expect(requireCount("sample", 0, 0, 10)).toBe(0);
    expect(requireCount("sample", 10, 0, 10)).toBe(10);
    expect(requireCount("population", MAX_COUNT, 1)).toBe(MAX_COUNT);
    expect(thrown(() => requireCount("sample", 11, 0, 10)).detail).toBe(messages.wholeInRange(0, 10, 11));
    expect(thrown(() => requireCount("sample", 2.5, 0, 10)).detail).toBe(messages.wholeInRange(0, 10, 2.5));
    expect(thrown(() => requireCount("sample", -1, 0)).detail).toBe(messages.wholeInRange(0, MAX_COUNT, -1));
    expect(thrown(() => requireCount("found", 5, 0, 3, "sample (3)")).detail).toBe(
      messages.wholeInRange(0, "sample (3)", 5),
    );
  });

  it("requireOpenUnit is (0, 1), requireHalfOpenUnit (0, 1], requireClosedUnit [0, 1], at their edges", () => {
    expect(requireOpenUnit("tolerable", Number.MIN_VALUE)).toBe(Number.MIN_VALUE);
    expect(thrown(() => requireOpenUnit("tolerable", 0)).detail).toBe(messages.openUnit(0));
    expect(thrown(() => requireOpenUnit("tolerable", 1)).detail).toBe(messages.openUnit(1));
    expect(requireHalfOpenUnit("sensitivity", 1)).toBe(1);
    expect(thrown(() => requireHalfOpenUnit("sensitivity", 0)).detail).toBe(messages.halfOpenUnit(0));
    expect(requireClosedUnit("rate", 0)).toBe(0);
    expect(requireClosedUnit("rate", 1)).toBe(1);
    expect(thrown(() => requireClosedUnit("rate", 1.0000001)).detail).toBe(messages.closedUnit(1.0000001));
    expect(thrown(() => requireClosedUnit("rate", -0.1)).detail).toBe(messages.closedUnit(-0.1));
  });

  it("requireConfidence is [0.5, 1): below one half it is refused as a likely slip", () => {
    expect(requireConfidence("confidence", 0.5)).toBe(0.5);
    expect(requireConfidence("confidence", 0.95)).toBe(0.95);
    expect(thrown(() => requireConfidence("confidence", 0.05)).detail).toBe(
      messages.confidenceBelowHalf(0.05),
    );
    expect(thrown(() => requireConfidence("confidence", 1)).detail).toBe(messages.openUnit(1));
  });

  it("requirePositive is (0, ∞); requireDrift (0, 1000]; requireBias [0.001, 1000]", () => {
    expect(requirePositive("prior.alpha", 1e-300)).toBe(1e-300);
    expect(thrown(() => requirePositive("prior.alpha", 0)).detail).toBe(messages.positive(0));
    expect(requireDrift("drift", 1000)).toBe(1000);
    expect(thrown(() => requireDrift("drift", 1000.5)).detail).toBe(messages.driftRange(1000.5));
    expect(thrown(() => requireDrift("drift", 0)).detail).toBe(messages.driftRange(0));
    expect(requireBias("bias", 0.001)).toBe(0.001);
    expect(requireBias("bias", 1000)).toBe(1000);
    expect(thrown(() => requireBias("bias", 0.0009)).detail).toBe(messages.biasRange(0.0009));
  });

  it("requireOneOf(field, value, allowed) returns a listed name and refuses anything else, naming the list", () => {
    const methods = ["wilson", "jeffreys"] as const;
    expect(requireOneOf("method", "wilson", methods)).toBe("wilson");
    expect(thrown(() => requireOneOf("method", "exact", methods)).detail).toBe(
      messages.oneOf(methods, "exact"),
    );
    expect(thrown(() => requireOneOf("method", 3, methods)).detail).toBe(messages.oneOf(methods, 3));
  });
});
