import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { positionStream, splitmixState } from "../../../src/planning/random/generators.js";
import { RAT_STATS_START, ratStatsSeeds, WichmannHill } from "../../../src/planning/random/ratStats.js";
import { CounterHash, digestModulo } from "../../../src/planning/random/sha256.js";
import { forEachSelectedCase, selectCases } from "../../../src/planning/selectCases.js";
import { label, published } from "../../helpers/fixtures.js";

interface RivestCase {
  readonly data: { readonly count: number; readonly seed: string; readonly total: number };
  readonly expected: readonly number[];
}

describe("sha256 generator (Rivest's sampler)", () => {
  const { tests } = published<{ tests: RivestCase[] }>("rivest-sampler-tests/tests.json");

  it.each(tests.map((t) => [label(t.data), t] as const))(
    "reproduces the public test vector %s (with duplicates)",
    (_, { data, expected }) => {
      const hash = new CounterHash(new TextEncoder().encode(`${data.seed},`));
      const drawn = Array.from(
        { length: data.count },
        (_, i) => digestModulo(hash.digest(i + 1), data.total) + 1,
      );
      expect(drawn).toEqual(expected);
    },
  );

  it("reproduces the transcript of Rivest's reference implementation, skipping the duplicate at draw 32", () => {
    const t = published<{ seed: string; low: number; high: number; size: number; expected: number[] }>(
      "rivest-sampler-transcript.json",
    );
    const drawn: number[] = [];
    positionStream("sha256", t.seed).draw(t.high - t.low + 1, t.size, (p) => drawn.push(t.low + p));
    expect(drawn).toEqual(t.expected);
  });
});

describe("rat-stats generator", () => {
  const r = published<{
    seed: number;
    low: number;
    high: number;
    size: number;
    spares: number;
    expectedSample: number[];
    expectedSpares: number[];
    expectedSum: number;
    startingState: number;
  }>("rat-stats-single-stage.json");

  it("starts from the specification's state 3758214 (VB6 Rnd(-1) then Rnd())", () => {
    expect(RAT_STATS_START).toBe(r.startingState);
  });

  it("reproduces the RAT-STATS 2010 User Guide's numbers for seed 48863.78, sample and spares, sum 6,520", () => {
    const drawn: number[] = [];
    positionStream("rat-stats", r.seed).draw(r.high - r.low + 1, r.size + r.spares, (p) =>
      drawn.push(r.low + p),
    );
    expect(drawn).toEqual([...r.expectedSample, ...r.expectedSpares]);
    expect(drawn.reduce((t, x) => t + x, 0)).toBe(r.expectedSum);
  });

  it("gives Wichmann–Hill uniforms in [0, 1) and its three seeds within their moduli", () => {
    const seeds = ratStatsSeeds(48863.78);
    expect(seeds[0]).toBeGreaterThanOrEqual(1);
    expect(seeds[0]).toBeLessThan(30269);
    expect(seeds[1]).toBeLessThan(30307);
    expect(seeds[2]).toBeLessThan(30323);
    const wh = new WichmannHill(seeds);
    for (let i = 0; i < 10_000; i++) {
      const u = wh.next();
      expect(u >= 0 && u < 1, `draw ${i}: ${u}`).toBe(true);
    }
  });
});

describe("rat-stats selections against the R fixture runner (test/fixtures/rat-stats/runner.R)", () => {
  // Computed in R from HHS-OIG's specification, independently of this code; the runner checks the User
  // Guide's published vector before writing. Each case is a selection of low to high with a sample and spares.
  const { cases } = JSON.parse(
    readFileSync(new URL("../../fixtures/rat-stats/vectors.json", import.meta.url), "utf8"),
  ) as {
    cases: {
      seed: string;
      low: number;
      high: number;
      size: number;
      spares: number;
      sample: number[];
      spareNumbers: number[];
    }[];
  };

  it("covers frames with low numbers other than 1, samples with and without spares, and a census", () => {
    expect(cases.length).toBeGreaterThanOrEqual(16);
    expect(cases.some((c) => c.low !== 1 && c.spares > 0)).toBe(true);
    expect(cases.some((c) => c.spares === 0)).toBe(true);
    expect(cases.some((c) => c.size + c.spares === c.high - c.low + 1 && c.high - c.low >= 1000)).toBe(true);
  });

  it.each(
    cases.map(
      (c) => [label({ seed: c.seed, low: c.low, high: c.high, size: c.size, spares: c.spares }), c] as const,
    ),
  )("selects %s: the sample, then the spares, exactly", (_, c) => {
    const selection = selectCases(
      { low: c.low, high: c.high },
      { generator: "rat-stats", seed: c.seed, size: c.size, spares: c.spares },
    );
    const sample: number[] = [];
    const spares: number[] = [];
    forEachSelectedCase(selection, undefined, (s) =>
      (s.role === "sample" ? sample : spares).push(Number(s.id)),
    );
    expect(sample).toEqual(c.sample);
    expect(spares).toEqual(c.spareNumbers);
  });
});

describe("xoroshiro generator", () => {
  it("seeds from splitmix64 (Vigna's reference: seed 0 gives 0xe220a8397b1dcdaf, then 0x6e789e6aa1b965f4)", () => {
    expect(splitmixState(0).map((w) => (w >>> 0).toString(16).padStart(8, "0"))).toEqual([
      "e220a839",
      "7b1dcdaf",
      "6e789e6a",
      "a1b965f4",
    ]);
  });

  it("no longer draws (2^31 − 1 − seed) mod N first, as the unmixed seeding did for every seed", () => {
    const first = (generator: "xoroshiro" | "xoroshiro-unmixed", seed: number) => {
      let position = -1;
      positionStream(generator, seed).draw(20, 1, (p) => {
        position = p;
      });
      return position;
    };
    const seeds = Array.from({ length: 100 }, (_, seed) => seed);
    expect(seeds.every((seed) => first("xoroshiro-unmixed", seed) === (2 ** 31 - 1 - seed) % 20)).toBe(true);
    expect(
      seeds.filter((seed) => first("xoroshiro", seed) === (2 ** 31 - 1 - seed) % 20).length,
    ).toBeLessThan(15);
  });
});
