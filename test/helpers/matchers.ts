import { expect } from "vitest";

/**
 * `toBeCloseRelative(expected, tolerance)`: |actual − expected| ≤ tolerance × |expected|
 * (absolute tolerance when expected is 0). vitest's toBeCloseTo is absolute and blind to tails.
 */
expect.extend({
  toBeCloseRelative(received: unknown, expected: number, tolerance: number) {
    const actual = received as number;
    const scale = expected === 0 ? 1 : Math.abs(expected);
    const error = Math.abs(actual - expected) / scale;
    const pass = Number.isFinite(actual) && error <= tolerance;
    return {
      pass,
      message: () =>
        `expected ${actual} ${pass ? "not " : ""}to be within ${tolerance} (relative) of ${expected}; ` +
        `relative error ${error.toExponential(3)}`,
    };
  },
});

interface CustomMatchers<R = unknown> {
  toBeCloseRelative(expected: number, tolerance: number): R;
}

declare module "vitest" {
  // biome-ignore lint/suspicious/noExplicitAny: must repeat vitest's own declaration to merge with it
  interface Matchers<T = any> extends CustomMatchers<T> {}
}
