import { describe, expect, it } from "vitest";
import { betaQuantile } from "../../src/distributions/betaQuantile.js";
import { gammaQuantile } from "../../src/distributions/gammaQuantile.js";
import { label, reference } from "../helpers/fixtures.js";

// Expected values: solved in mpmath at 60 digits (beta at a, b near 10^8 from scipy, marked in the fixture).
describe("gammaQuantile(p, shape)", () => {
  const cases = reference<{ p: number; shape: number; quantile: number }[]>("gamma-quantiles.json");
  it.each(cases.map((c) => [label(c), c] as const))("matches mpmath: %s", (_, c) => {
    expect(gammaQuantile(c.p, c.shape)).toBeCloseRelative(c.quantile, 1e-12);
  });
  it("returns NaN outside the domain", () => {
    expect(gammaQuantile(1.5, 2)).toBeNaN();
    expect(gammaQuantile(0.5, 0)).toBeNaN();
  });
});

// Expected values: Newton steps in mpmath at 60 digits on the incomplete gamma by quadrature of the density
// (runner.py, huge_gamma_quantile_cases); mpmath's own gammainc gives up at these shapes, and scipy's
// gammaincinv is off by 6e6 at shape 5e14.
describe("gammaQuantile(p, shape) at shapes from 1e12 to 1e16", () => {
  const cases = reference<{ p: number; shape: number; quantile: number }[]>("gamma-quantiles-huge.json");
  it.each(cases.map((c) => [label(c), c] as const))("matches mpmath: %s", (_, c) => {
    expect(gammaQuantile(c.p, c.shape)).toBeCloseRelative(c.quantile, 1e-14);
  });
});

describe("betaQuantile(p, a, b)", () => {
  const cases = reference<{ p: number; a: number; b: number; quantile: number }[]>("beta-quantiles.json");
  it.each(cases.map((c) => [label(c), c] as const))("matches the reference: %s", (_, c) => {
    expect(betaQuantile(c.p, c.a, c.b)).toBeCloseRelative(c.quantile, 1e-12);
  });
});
