import { describe, expect, it } from "vitest";
import { sampleSize } from "../../src/planning/sampleSize.js";
import { published } from "../helpers/fixtures.js";

interface TableC1 {
  tolerablePercent: number[];
  rows: { riskPercent: number; expectedToTolerable: number; sampleSizes: number[] }[];
}
const table = published<TableC1>("aicpa-2017-appendix-c.json");
const rate = (percent: number) => Number((percent / 100).toPrecision(12));

const cells = table.rows.flatMap((row) =>
  table.tolerablePercent.map((tolerable, col) => ({
    risk: row.riskPercent,
    ratio: row.expectedToTolerable,
    tolerable,
    printed: row.sampleSizes[col] as number,
  })),
);

describe('AICPA (2017) Table C-1: sampleSize({ model: "poisson" })', () => {
  const title = (c: (typeof cells)[number]) =>
    `risk ${c.risk}%, expected/tolerable ${c.ratio}, tolerable ${c.tolerable}% → ${c.printed} as printed`;
  it.each(cells.map((c) => [title(c), c] as const))("%s", (_, c) => {
    const tolerable = rate(c.tolerable);
    const plan = sampleSize({
      model: "poisson",
      tolerable,
      confidence: Number((1 - c.risk / 100).toPrecision(12)),
      ...(c.ratio === 0 ? {} : { expectedRate: Number((c.ratio * tolerable).toPrecision(12)) }),
    });
    expect(plan.sampleSize).toBe(c.printed);
  });
});
