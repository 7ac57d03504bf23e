import { describe, expect, it } from "vitest";
import { proportionInterval } from "../../src/intervals/proportionInterval.js";
import { sampleSize } from "../../src/planning/sampleSize.js";
import { published } from "../helpers/fixtures.js";

interface SizeTable {
  confidence: number;
  expectedRatesPercent: number[];
  tolerableRatesPercent: number[];
  sampleSizes: Record<string, (number | null)[]>;
  errata: { tolerablePercent: number; expectedPercent: number; printed: number; reason: string }[];
}
interface LimitTable {
  confidence: number;
  sampleSizes: number[];
  deviationsFound: number[];
  upperLimitsPercent: number[][];
}
const appendix = published<Record<"A-1" | "A-2", SizeTable> & Record<"A-3" | "A-4", LimitTable>>(
  "aicpa-2017-appendix-a.json",
);

// Percentages as exact decimals: 3.5% is 0.035, not 3.5 / 100 = 0.035000000000000003.
const rate = (percent: number) => Number((percent / 100).toPrecision(12));

for (const name of ["A-1", "A-2"] as const) {
  const table = appendix[name];
  const cells = table.tolerableRatesPercent.flatMap((tolerable) =>
    table.expectedRatesPercent.flatMap((expected, row) => {
      const printed = table.sampleSizes[String(tolerable)]?.[row];
      if (printed === null || printed === undefined) return [];
      const erratum = table.errata.find(
        (e) => e.tolerablePercent === tolerable && e.expectedPercent === expected,
      );
      return [{ tolerable, expected, printed, erratum }];
    }),
  );
  describe(`AICPA (2017) Table ${name}: sampleSize({ model: "binomial", confidence: ${table.confidence} })`, () => {
    const title = (c: (typeof cells)[number]) => `tolerable ${c.tolerable}%, expected ${c.expected}%`;
    it.each(
      cells.filter((c) => !c.erratum).map((c) => [`${title(c)} → ${c.printed} as printed`, c] as const),
    )("%s", (_, c) => {
      const plan = sampleSize({
        model: "binomial",
        tolerable: rate(c.tolerable),
        confidence: table.confidence,
        ...(c.expected === 0 ? {} : { expectedRate: rate(c.expected) }),
      });
      expect(plan.sampleSize).toBe(c.printed);
    });
    const errata = cells.filter((c) => c.erratum);
    if (errata.length > 0) {
      it.each(errata.map((c) => [`${title(c)}: printed ${c.printed} is a documented erratum`, c] as const))(
        "%s",
        (_, c) => {
          const plan = sampleSize({
            model: "binomial",
            tolerable: rate(c.tolerable),
            confidence: table.confidence,
            expectedRate: rate(c.expected),
          });
          expect(plan.sampleSize).not.toBe(c.printed);
          const allowed = Math.ceil(Number((c.printed * rate(c.expected)).toPrecision(12)));
          const atPrinted = proportionInterval({
            found: allowed,
            sample: c.printed,
            confidence: table.confidence,
            sided: "upper",
          });
          if (c.printed < plan.sampleSize) expect(atPrinted.upper).toBeGreaterThanOrEqual(rate(c.tolerable));
        },
      );
    }
  });
}

for (const name of ["A-3", "A-4"] as const) {
  const table = appendix[name];
  const cells = table.sampleSizes.flatMap((n, row) =>
    table.deviationsFound.map((k, col) => ({
      n,
      k,
      printed: table.upperLimitsPercent[row]?.[col] as number,
    })),
  );
  describe(`AICPA (2017) Table ${name}: proportionInterval clopper-pearson upper, ${table.confidence}`, () => {
    it.each(cells.map((c) => [`n = ${c.n}, ${c.k} found → ${c.printed}% (rounded up to 0.1%)`, c] as const))(
      "%s",
      (_, c) => {
        const { upper } = proportionInterval({
          found: c.k,
          sample: c.n,
          confidence: table.confidence,
          sided: "upper",
        });
        expect(Math.ceil(Number((upper * 1000).toPrecision(12))) / 10).toBe(c.printed);
      },
    );
  });
}
