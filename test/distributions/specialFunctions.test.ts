import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { binomialCdf } from "../../src/distributions/binomialCdf.js";
import { incompleteGamma } from "../../src/distributions/incompleteGamma.js";
import { poissonCdf } from "../../src/distributions/poissonCdf.js";
import { stirlingError } from "../../src/distributions/stirlingError.js";
import { stirlingErrorReal } from "../../src/distributions/stirlingErrorReal.js";
import { label } from "../helpers/fixtures.js";

// Expected values: mpmath at 60 digits (test/fixtures/python/runner.py, special_cases).
const fixture = JSON.parse(
  readFileSync(join(import.meta.dirname, "../fixtures/reference/special-functions.json"), "utf8"),
).cases as {
  incompleteGamma: { a: number; x: number; lower: number; upper: number }[];
  binomialCdf: { k: number; n: number; p: number; cdf: number }[];
  stirling: { x: number; delta: number }[];
};

// Expected values: mpmath quadrature at 60 digits (test/fixtures/python/runner.py, large_gamma_cases).
const large = JSON.parse(
  readFileSync(join(import.meta.dirname, "../fixtures/reference/incomplete-gamma-large.json"), "utf8"),
).cases as { a: number; x: number; lower: number; upper: number }[];

describe("incompleteGamma(a, x, tail)", () => {
  it.each(fixture.incompleteGamma.map((c) => [label(c), c] as const))("matches mpmath: %s", (_, c) => {
    expect(incompleteGamma(c.a, c.x, "lower")).toBeCloseRelative(c.lower, 1e-12);
    expect(incompleteGamma(c.a, c.x, "upper")).toBeCloseRelative(c.upper, 1e-12);
  });
  it.each(large.map((c) => [label(c), c] as const))("matches mpmath at very large a: %s", (_, c) => {
    // Temme's expansion from a = 1e9 (the series below it): mpmath quadrature of the Gamma(a) density.
    expect(incompleteGamma(c.a, c.x, "lower")).toBeCloseRelative(c.lower, 1e-12);
    expect(incompleteGamma(c.a, c.x, "upper")).toBeCloseRelative(c.upper, 1e-12);
  });
  it("poissonCdf(k, mean) is Q(k + 1, mean)", () => {
    const c = fixture.incompleteGamma.find((g) => g.a === 18001 && g.x === 18001);
    expect(poissonCdf(18000, 18001)).toBeCloseRelative(c?.upper ?? Number.NaN, 1e-12);
  });
  it("returns NaN outside the domain", () => {
    expect(incompleteGamma(0, 1, "lower")).toBeNaN();
    expect(incompleteGamma(1, -1, "upper")).toBeNaN();
  });
});

describe("stirlingError(n) and stirlingErrorReal(x)", () => {
  it.each(fixture.stirling.map((c) => [label(c), c] as const))("match mpmath: %s", (_, c) => {
    // Table (whole n ≤ 15): 1e-15 relative. Series (n > 15): 5e-16 absolute (its truncation), which is what
    // matters inside a log-probability. Defining difference (other x ≤ 15): 1e-12.
    expect(stirlingErrorReal(c.x)).toBeCloseRelative(c.delta, 1e-12);
    if (Number.isInteger(c.x) && c.x <= 15) expect(stirlingError(c.x)).toBeCloseRelative(c.delta, 1e-15);
    if (c.x > 15) expect(Math.abs(stirlingError(c.x) - c.delta)).toBeLessThan(5e-16);
  });
  it("refuses a non-integer below 16 rather than guess", () => {
    expect(stirlingError(2.5)).toBeNaN();
  });
});

describe("binomialCdf(k, n, p)", () => {
  it.each(fixture.binomialCdf.map((c) => [label(c), c] as const))("matches mpmath: %s", (_, c) => {
    expect(binomialCdf(c.k, c.n, c.p)).toBeCloseRelative(c.cdf, 1e-10);
  });
});
