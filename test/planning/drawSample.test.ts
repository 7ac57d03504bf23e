import { describe, expect, it } from "vitest";
import { incompleteGamma } from "../../src/distributions/incompleteGamma.js";
import { drawSample } from "../../src/planning/drawSample.js";

const strata = [
  { label: "2022", population: 1000 },
  { label: "2023", population: 3000 },
  { label: "2024", population: 500 },
];

describe("drawSample", () => {
  it("gives the same selection for the same seed, and a different one for another seed", () => {
    const a = drawSample({ strata, size: 90, seed: 7, spares: 3 });
    expect(drawSample({ strata, size: 90, seed: 7, spares: 3 })).toEqual(a);
    expect(drawSample({ strata, size: 90, seed: 8, spares: 3 }).draws).not.toEqual(a.draws);
  });

  it("pins the selection for seed 7, so that a change of generator or algorithm cannot pass unnoticed", () => {
    const positions = drawSample({
      strata: [{ label: "all", population: 10_000 }],
      size: 5,
      seed: 7,
    }).draws.map((d) => d.position + 1);
    // The first five of cases 1 to 10,000 under seed 7: recorded when the generator was chosen, and printed
    // by `adequacy select --frame 10000 --size 5 --seed 7`. A different list means selections made with
    // earlier versions can no longer be reproduced: that needs a note and a new pin, never a silent change.
    expect(positions).toEqual([3641, 1604, 8078, 6686, 7840]);
  });

  it("draws without replacement, with the allocated sizes and spares per stratum", () => {
    const d = drawSample({ strata, size: 90, seed: 11, spares: 3 });
    expect(d.strata.map((s) => [s.size, s.spares])).toEqual([
      [20, 3],
      [60, 3],
      [10, 3],
    ]);
    for (let h = 0; h < strata.length; h++) {
      const positions = d.draws.filter((x) => x.stratum === h).map((x) => x.position);
      expect(new Set(positions).size).toBe(positions.length);
      expect(positions.every((p) => p >= 0 && p < (strata[h]?.population as number))).toBe(true);
    }
    expect(d.draws.map((x) => x.order)).toEqual(d.draws.map((_, i) => i + 1));
  });

  it("allocates proportionally by largest remainder, and equally on request", () => {
    expect(drawSample({ strata, size: 10, seed: 1 }).strata.map((s) => s.size)).toEqual([2, 7, 1]);
    expect(drawSample({ strata, size: 10, seed: 1, allocation: "equal" }).strata.map((s) => s.size)).toEqual([
      4, 3, 3,
    ]);
    expect(drawSample({ strata, sizes: [5, 0, 2], seed: 1 }).strata.map((s) => s.size)).toEqual([5, 0, 2]);
  });

  it("selects every case with equal probability (chi-square over 4,000 seeded draws)", () => {
    const N = 40;
    const counts = new Array<number>(N).fill(0);
    const runs = 4000;
    for (let seed = 0; seed < runs; seed++) {
      for (const d of drawSample({ strata: [{ label: "all", population: N }], size: 5, seed }).draws) {
        counts[d.position] = (counts[d.position] as number) + 1;
      }
    }
    const expected = (runs * 5) / N;
    const chi2 = counts.reduce((t, c) => t + (c - expected) ** 2 / expected, 0);
    // P(χ²₃₉ > chi2): uniform selection should not be rejected at 0.1%.
    const p = incompleteGamma((N - 1) / 2, chi2 / 2, "upper");
    expect(p, `chi-square ${chi2.toFixed(1)}, p = ${p.toFixed(4)}`).toBeGreaterThan(0.001);
  });

  it.each([
    [
      { strata, size: 5000, seed: 1 },
      "size must be a whole number from 1 to the frame's 4500 cases; got 5000",
    ],
    [{ strata, size: 5, seed: -1 }, "seed must be a whole number from 0 to 4294967295; got -1"],
    [{ strata, size: 5, seed: 1.5 }, "seed must be a whole number from 0 to 4294967295; got 1.5"],
    [{ strata, sizes: [1, 2], seed: 1 }, "sizes gives 2 sizes for 3 strata"],
    [
      { strata, sizes: [1, 2, 600], seed: 1 },
      "sizes[2] must be a whole number from 0 to the stratum's 500 cases; got 600",
    ],
  ])("rejects %j", (options, message) => {
    expect(() => drawSample(options)).toThrow(message);
  });
});
