import { describe, expect, it } from "vitest";
import { detectionProbability } from "../../src/planning/detectionProbability.js";
import { detectionSampleSize } from "../../src/planning/detectionSampleSize.js";
import { label, reference } from "../helpers/fixtures.js";

interface Fixture {
  probabilities: {
    population?: number;
    affected?: number;
    prevalence?: number;
    sample: number;
    sensitivity: number;
    probability: number;
  }[];
  sampleSizes: {
    population?: number;
    affected?: number;
    prevalence?: number;
    confidence: number;
    sensitivity: number;
    sampleSize: number;
  }[];
}
// Expected values: exact sums in mpmath at 60 digits (runner.py, detection_cases).
const fixture = reference<Fixture>("detection.json");

describe("detectionProbability({ population, affected | prevalence, sample, sensitivity })", () => {
  it.each(fixture.probabilities.map((c) => [label(c), c] as const))("matches mpmath: %s", (_, c) => {
    const { probability, ...options } = c;
    const r = detectionProbability(options);
    if (probability === 0) expect(r.probability).toBe(0);
    else expect(r.probability).toBeCloseRelative(probability, 1e-11);
    expect(r.probability + r.missProbability).toBeCloseRelative(1, 1e-14);
  });

  it.each([
    [
      { population: 609, affected: 610, sample: 109 },
      "affected must be a whole number from 0 to population (609); got 610",
    ],
    [
      { population: 609, affected: 5, sample: 109, sensitivity: 0 },
      "sensitivity must be greater than 0 and at most 1; got 0",
    ],
    [
      { population: 609, affected: 5, prevalence: 0.1, sample: 10 },
      "affected cannot be given together with prevalence",
    ],
    [{ sample: 10 }, "prevalence needs one of population with affected or prevalence"],
  ])("rejects %j", (options, message) => {
    expect(() => detectionProbability(options)).toThrow(message);
  });
});

describe("detectionSampleSize({ population, affected | prevalence, confidence, sensitivity })", () => {
  it.each(fixture.sampleSizes.map((c) => [label(c), c] as const))(
    "matches the exact reference: %s",
    (_, c) => {
      const { sampleSize, ...options } = c;
      const r = detectionSampleSize(options);
      expect(r.sampleSize).toBe(sampleSize);
      expect(r.probability).toBeGreaterThanOrEqual(c.confidence);
    },
  );

  it("refuses a target that even a census cannot reach", () => {
    expect(() =>
      detectionSampleSize({ population: 10, affected: 1, sensitivity: 0.5, confidence: 0.9 }),
    ).toThrow(
      "confidence cannot be met: even reviewing every case finds one with a chance of only 50%, below the 90% asked for",
    );
  });
});
