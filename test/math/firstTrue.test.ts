import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { firstTrue } from "../../src/math/firstTrue.js";

// The reference is a linear scan over the range: the first x where the predicate holds, else hi + 1.
function scan(lo: number, hi: number, holds: (x: number) => boolean): number {
  for (let x = lo; x <= hi; x++) if (holds(x)) return x;
  return hi + 1;
}

describe("firstTrue(lo, hi, holds, guess)", () => {
  it("firstTrue(lo, hi, x ≥ t, guess) is the linear scan's answer for every threshold and starting guess", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -50, max: 50 }),
        fc.integer({ min: 0, max: 60 }),
        fc.integer({ min: -70, max: 130 }),
        fc.integer({ min: -200, max: 200 }),
        (lo, width, threshold, guess) => {
          const hi = lo + width;
          const holds = (x: number) => x >= threshold;
          expect(firstTrue(lo, hi, holds, guess), `lo ${lo}, hi ${hi}, t ${threshold}, guess ${guess}`).toBe(
            scan(lo, hi, holds),
          );
        },
      ),
    );
  });

  it("firstTrue(lo, hi, …) is hi + 1 when the predicate holds nowhere, and lo when it holds everywhere", () => {
    expect(firstTrue(0, 10, () => false)).toBe(11);
    expect(firstTrue(0, 10, () => true, 7)).toBe(0);
    expect(firstTrue(5, 4, () => true)).toBe(5);
  });

  it("firstTrue(0, 10^15, x ≥ t, guess) needs O(log |t − guess|) evaluations, never a scan", () => {
    const threshold = 123_456_789_012;
    let calls = 0;
    const holds = (x: number) => {
      calls++;
      return x >= threshold;
    };
    expect(firstTrue(0, 1e15, holds, threshold - 3)).toBe(threshold);
    expect(calls).toBeLessThanOrEqual(8);
    calls = 0;
    expect(firstTrue(0, 1e15, holds)).toBe(threshold);
    // Galloping from 0 to 1.2e11 and bisecting back: about 2 × log2(1.2e11) ≈ 74 evaluations.
    expect(calls).toBeLessThanOrEqual(2 * Math.ceil(Math.log2(threshold)) + 2);
  });

  it("firstTrue(lo, hi, holds, guess) rounds a fractional guess and clamps one outside [lo, hi]", () => {
    const holds = (x: number) => x >= 7;
    expect(firstTrue(0, 20, holds, 6.6)).toBe(7);
    expect(firstTrue(0, 20, holds, -1e9)).toBe(7);
    expect(firstTrue(0, 20, holds, 1e9)).toBe(7);
  });
});
