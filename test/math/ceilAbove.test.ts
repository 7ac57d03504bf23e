import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ceilAbove } from "../../src/math/ceilAbove.js";

describe("ceilAbove(x)", () => {
  it("ceilAbove(0) and ceilAbove(-0.5) are +0, never -0 (which prints as -0)", () => {
    expect(Object.is(ceilAbove(0), 0)).toBe(true);
    expect(Object.is(ceilAbove(-0), 0)).toBe(true);
    expect(Object.is(ceilAbove(-0.5), 0)).toBe(true);
  });

  it("ceilAbove(x) takes a count just above a whole number as that number, else rounds up", () => {
    expect(ceilAbove(3.0000000001)).toBe(3);
    expect(ceilAbove(3.01)).toBe(4);
    fc.assert(
      fc.property(fc.integer({ min: -1e6, max: 1e6 }), (n) => {
        expect(ceilAbove(n)).toBe(n);
        expect(ceilAbove(n + 0.5)).toBe(n + 1);
      }),
    );
  });
});
