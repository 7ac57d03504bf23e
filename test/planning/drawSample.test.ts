import { describe, expect, it } from "vitest";
import { incompleteGamma } from "../../src/distributions/incompleteGamma.js";
import { drawSample, planSelection } from "../../src/planning/drawSample.js";
import { GENERATORS } from "../../src/planning/random/generatorIds.js";

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

  it("pins the selection of versions up to 0.1.0 for seed 7 under xoroshiro-unmixed, so old selections still reproduce", () => {
    const positions = drawSample({
      strata: [{ label: "all", population: 10_000 }],
      size: 5,
      seed: 7,
      generator: "xoroshiro-unmixed",
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

  it("draws with sha256 by default, and reproduces Rivest's sampler without replacement", () => {
    const d = drawSample({
      strata: [{ label: "all", population: 876 }],
      size: 5,
      seed: "3546311556112163624615351222",
    });
    expect(d.generator).toBe("sha256");
    // sampler.py's own example (its documentation's transcript): 740, 180, 264, 789, 238.
    expect(d.draws.map((x) => x.position + 1)).toEqual([740, 180, 264, 789, 238]);
  });

  it.each(GENERATORS)(
    "%s selects every case with equal probability (chi-square over 4,000 seeds)",
    (generator) => {
      const N = 40;
      const counts = new Array<number>(N).fill(0);
      const runs = 4000;
      for (let seed = 0; seed < runs; seed++) {
        for (const d of drawSample({
          strata: [{ label: "all", population: N }],
          size: 5,
          seed: generator === "rat-stats" ? seed + 0.37 : seed,
          generator,
        }).draws) {
          counts[d.position] = (counts[d.position] as number) + 1;
        }
      }
      const expected = (runs * 5) / N;
      const chi2 = counts.reduce((t, c) => t + (c - expected) ** 2 / expected, 0);
      // P(χ²₃₉ > chi2): uniform selection should not be rejected at 0.1%.
      const p = incompleteGamma((N - 1) / 2, chi2 / 2, "upper");
      expect(p, `chi-square ${chi2.toFixed(1)}, p = ${p.toFixed(4)}`).toBeGreaterThan(0.001);
    },
  );

  it("plans 1e7 of 1e9 (sha256) and 2e7 of 3e7 (xoroshiro) within the limits, and says how many it draws", () => {
    expect(planSelection({ strata: [{ label: "all", population: 1e9 }], size: 1e7, seed: 1 }).drawCount).toBe(
      1e7,
    );
    expect(
      planSelection({
        strata: [{ label: "all", population: 3e7 }],
        size: 2e7,
        seed: 1,
        generator: "xoroshiro",
      }).drawCount,
    ).toBe(2e7);
  });

  it.each([
    [
      { strata, size: 5000, seed: 1 },
      "size must be a whole number from 1 to the frame's 4500 cases; got 5000",
    ],
    [
      { strata, size: 5, seed: -1, generator: "xoroshiro-unmixed" as const },
      "seed must be a whole number from 0 to 4294967295; got -1",
    ],
    [
      { strata, size: 5, seed: 1.5, generator: "xoroshiro" as const },
      "seed must be a whole number from 0 to 9007199254740991; got 1.5",
    ],
    [{ strata, size: 5, seed: " 7" }, "seed must be text without control characters or blanks at either end"],
    [
      { strata, size: 5, seed: "abc", generator: "rat-stats" as const },
      'seed must be a number, as RAT-STATS reads its seed (e.g. 48863.78); got "abc"',
    ],
    [
      {
        strata: [{ label: "all", population: Number.MAX_SAFE_INTEGER }],
        size: Number.MAX_SAFE_INTEGER,
        seed: 1,
      },
      "size asks for 9,007,199,254,740,991 cases with the spares; one selection draws at most 25,000,000",
    ],
    [
      { strata: [{ label: "all", population: 30_000_000 }], size: 20_000_000, seed: 1 },
      // mpmath: 3e7·(H(3e7) − H(1e7)) = 32,958,367.66 expected draws.
      "size needs about 32,958,368 draws with sha256, which skips repeats; it makes at most 12,000,000",
    ],
    [
      {
        strata: [{ label: "all", population: 2_000_000_000 }],
        size: 5,
        seed: 1,
        generator: "rat-stats" as const,
      },
      "frame has 2,000,000,000 cases; the rat-stats generator takes frames of at most 1,000,000,000",
    ],
    [{ strata, sizes: [1, 2], seed: 1 }, "sizes gives 2 sizes for 3 strata"],
    [
      { strata, sizes: [1, 2, 600], seed: 1 },
      "sizes[2] must be a whole number from 0 to the stratum's 500 cases; got 600",
    ],
  ])("rejects %j", (options, message) => {
    expect(() => drawSample(options)).toThrow(message);
  });
});
