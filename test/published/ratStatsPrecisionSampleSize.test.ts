import { describe, expect, it } from "vitest";
import { precisionSampleSize } from "../../src/planning/precisionSampleSize.js";
import { published } from "../helpers/fixtures.js";

interface Table {
  population: number;
  precision: number;
  confidences: number[];
  sampleSizes: Record<string, number[]>;
  knownDifferences: { anticipated: number; confidence: number; printed: number; ours: number }[];
}
const table = published<Table>("rat-stats-precision-sample-size.json");

describe("RAT-STATS attribute sample size by precision (Companion Manual pp. 4-25, 4-27)", () => {
  for (const [rate, sizes] of Object.entries(table.sampleSizes)) {
    table.confidences.forEach((confidence, i) => {
      const printed = sizes[i];
      const known = table.knownDifferences.find(
        (d) => d.anticipated === Number(rate) && d.confidence === confidence,
      );
      it(`anticipated ${rate}, ${confidence}: ${known ? `known difference (printed ${printed})` : printed}`, () => {
        const plan = precisionSampleSize({
          population: table.population,
          precision: table.precision,
          anticipated: Number(rate),
          confidence,
        });
        if (known) {
          expect(known.printed).toBe(printed);
          expect(plan.sampleSize).toBe(known.ours);
        } else {
          expect(plan.sampleSize).toBe(printed);
        }
      });
    });
  }
});
