import { describe, expect, it } from "vitest";
import { detectionProbability } from "../../src/planning/detectionProbability.js";
import { detectionSampleSize } from "../../src/planning/detectionSampleSize.js";
import { detectionBriefing } from "../../src/report/detectionBriefing.js";

const row = (rows: readonly (readonly [string, string])[], label: string) =>
  rows.find(([l]) => l === label)?.[1];

describe("detectionBriefing(result) gives chances as percentages and natural frequencies", () => {
  it("detectionBriefing(detectionProbability(609, 5, 109)): 62.83%, about 63 of 100", () => {
    // scipy: 1 − hypergeom(609, 5, 109).pmf(0) = 0.628293 (also 1 − C(604, 109)/C(609, 109)).
    const b = detectionBriefing(detectionProbability({ population: 609, affected: 5, sample: 109 }));
    expect(row(b.rows, "Chance of finding at least one")).toBe("62.83%");
    expect(row(b.rows, "Chance of finding none")).toBe("37.17%");
    expect(b.notes).toEqual([
      "Of 100 reviews of 109 cases drawn at random, about 63 would find at least one affected case.",
    ]);
  });

  it("detectionBriefing(detectionSampleSize(1%, 95%)): 299 cases, 95.05%, about 95 of 100", () => {
    // 1 − 0.99^299 = 0.950464 ≥ 0.95 > 1 − 0.99^298 = 0.949963 (binomial, computed in Python).
    const b = detectionBriefing(detectionSampleSize({ prevalence: 0.01, confidence: 0.95 }));
    expect(row(b.rows, "Sample size")).toBe("299");
    expect(row(b.rows, "Chance of finding at least one")).toBe("95.05%");
    expect(b.notes[0]).toBe(
      "Reviewing 299 cases drawn at random finds at least one affected case with a chance of 95.05%: of 100 such reviews, about 95 would find one.",
    );
  });

  it("shows no chance as a bare decimal", () => {
    for (const b of [
      detectionBriefing(detectionProbability({ population: 609, affected: 5, sample: 109 })),
      detectionBriefing(detectionSampleSize({ prevalence: 0.01, confidence: 0.95 })),
    ]) {
      const text = [b.title, ...b.rows.flat(), ...b.notes].join("\n");
      expect(text).not.toMatch(/\b0\.\d|probability \d/);
    }
  });
});
