import { describe, expect, it } from "vitest";
import { at } from "../../src/math/at.js";

describe("at", () => {
  it("at(values, index) returns the element of an array or typed array", () => {
    expect(at([3, 5, 8], 2)).toBe(8);
    expect(at(new Int32Array([-1, 7]), 0)).toBe(-1);
    expect(at(new Float64Array([0.25, 0.5]), 1)).toBe(0.5);
  });

  it("at(values, index) returns falsy elements (0, NaN, null) rather than treating them as missing", () => {
    expect(at([0], 0)).toBe(0);
    expect(at([Number.NaN], 0)).toBeNaN();
    expect(at([null], 0)).toBeNull();
  });

  it("at(values, index) throws, naming the index and the range, outside the array", () => {
    expect(() => at([1, 2], 2)).toThrow("at: index 2 outside an array of length 2");
    expect(() => at(new Float64Array(3), -1)).toThrow("at: index -1 outside an array of length 3");
    expect(() => at([], 0)).toThrow("at: index 0 outside an array of length 0");
    expect(() => at([1, 2], 0.5)).toThrow("at: index 0.5 outside an array of length 2");
  });
});
