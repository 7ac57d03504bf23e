import { describe, expect, it } from "vitest";
import {
  formatChance,
  formatCountOf,
  formatFrequency,
  formatPercent,
  formatPerHundred,
} from "../../src/text/format.js";

describe("formatPercent(rate, decimals?)", () => {
  it("formatPercent(rate) keeps four significant figures: 4.278%, 4.999% (never the 5% it is below)", () => {
    expect(formatPercent(0.0427813)).toBe("4.278%");
    expect(formatPercent(0.049994)).toBe("4.999%");
    expect(formatPercent(0)).toBe("0%");
    expect(formatPercent(1)).toBe("100%");
  });

  it("formatPercent(1e-15) is 1×10⁻¹³%, never 0% (plan --tolerable 1e-15 said the rate is below 0%)", () => {
    expect(formatPercent(1e-15)).toBe("1×10⁻¹³%");
    expect(formatPercent(1.2345e-9)).toBe("1.235×10⁻⁷%");
    expect(formatPercent(1.234567e-8)).toBe("0.000001235%");
  });

  it("formatPercent(rate) below 1 is never 100%: as many figures as it takes", () => {
    expect(formatPercent(0.99999999)).toBe("99.999999%");
    expect(formatPercent(0.999999999999)).toBe("99.9999999999%");
  });

  it("formatPercent(rate, 1) says <0.1% or >99.9% rather than round to 0% or 100%", () => {
    expect(formatPercent(0.0004, 1)).toBe("<0.1%");
    expect(formatPercent(0.9996, 1)).toBe(">99.9%");
    expect(formatPercent(0.179, 1)).toBe("17.9%");
  });
});

describe("formatCountOf(count, plural)", () => {
  it("formatCountOf(count, plural) is singular for exactly one", () => {
    expect(formatCountOf(1, "flagged cases")).toBe("1 flagged case");
    expect(formatCountOf(0, "flagged cases")).toBe("0 flagged cases");
    expect(formatCountOf(1886, "cases")).toBe("1,886 cases");
    expect(formatCountOf(1, "unreviewed cases")).toBe("1 unreviewed case");
  });
});

describe("formatPerHundred(probability)", () => {
  it("formatPerHundred(probability) is the nearest whole number out of 100, an exact half rounded up", () => {
    // 0.125 × 100 is exactly 12.5; 0.285 × 100 is 28.499999999999996 in floating point.
    expect([0.583, 0.125, 0.285, 0.9951].map(formatPerHundred)).toEqual(["58", "13", "28", "100"]);
  });
});

describe("formatChance(probability) and formatFrequency(probability)", () => {
  it("formatChance(p) is a whole percentage, formatFrequency(p) the same count of 100", () => {
    expect(formatChance(0.5799)).toBe("58%");
    expect(formatFrequency(0.5799)).toBe("about 58");
    expect(formatChance(0.0831)).toBe("8%");
    expect(formatFrequency(0.0831)).toBe("about 8");
    expect(formatChance(0.015)).toBe("2%");
    expect(formatFrequency(0.015)).toBe("about 2");
  });

  it("formatChance(p) says <1% and >99% rather than round a chance to 0% or 100%", () => {
    expect(formatChance(0)).toBe("0%");
    expect(formatFrequency(0)).toBe("none");
    expect(formatChance(0.004)).toBe("<1%");
    expect(formatFrequency(0.004)).toBe("fewer than 1");
    expect(formatChance(0.9951)).toBe(">99%");
    expect(formatFrequency(0.9951)).toBe("more than 99");
  });

  it("formatChance(1) is >99%: 1 − 10⁻¹⁷ is 1 in floating point, and a review is never shown as certain", () => {
    expect(1 - 1e-17).toBe(1);
    expect(formatChance(1)).toBe(">99%");
    expect(formatFrequency(1)).toBe("more than 99");
  });
});
