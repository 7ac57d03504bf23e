import { createReadStream, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readCases } from "../../src/data/readCases.js";
import { appraiseCases } from "../../src/planning/appraiseCases.js";
import { appraiseStrata } from "../../src/planning/appraiseStrata.js";
import { appraisalBriefing } from "../../src/report/appraisalBriefing.js";
import { renderBriefing } from "../../src/report/Briefing.js";
import { messages } from "../../src/validation/messages.js";
import { label, reference } from "../helpers/fixtures.js";
import { run } from "../helpers/runCli.js";

/** A case file from rows of [date, flagged, reviewed, impact]; ids are the row numbers. */
function caseFile(rows: readonly (readonly [string, 0 | 1, 0 | 1, 0 | 1])[]): string {
  return `id,date,flagged,reviewed,impact\n${rows.map((r, i) => `C${i},${r.join(",")}`).join("\n")}\n`;
}

/** count rows on `date`: the first `reviewed` of them reviewed, the first `found` of those with impact. */
function day(date: string, count: number, reviewed = 0, found = 0, flagged: 0 | 1 = 1) {
  return Array.from(
    { length: count },
    (_, i) => [date, flagged, i < reviewed ? 1 : 0, i < found ? 1 : 0] as [string, 0 | 1, 0 | 1, 0 | 1],
  );
}

interface Expected {
  stratify: "month" | "quarter" | "year";
  confidence: number;
  sided: "two" | "upper";
  strata: {
    label: string;
    period: string;
    months: string[];
    population: number;
    sample: number;
    found: number;
    lower: number;
    upper: number;
  }[];
  combined: {
    population: number;
    sample: number;
    found: number;
    projected: number;
    standardError: number;
    normalLower: number;
    normalUpper: number;
    exactLower: number;
    exactUpper: number;
  };
  notSampled: {
    periods: {
      label: string;
      period: string;
      months: string[];
      population: number;
      lower: number;
      upper: number;
    }[];
    population: number;
    lower: number;
    upper: number;
  };
  total: { population: number; found: number; lower: number; upper: number };
}

const fixture = join(import.meta.dirname, "..", "fixtures", "cases", "part-sampled-2023.csv");

describe("appraiseCases", () => {
  it("makes a stratum of each period with a reviewed case, flagged cases as its population, and lists the rest as not sampled", async () => {
    const text = caseFile([
      ...day("2023-02-10", 40, 10, 1),
      ...day("2023-02-11", 5, 0, 0, 0),
      ...day("2023-05-03", 25),
      ...day("2023-08-20", 30, 12, 0),
    ]);
    const appraisal = appraiseCases(await readCases([text]), { stratify: "quarter", confidence: 0.9 });
    const strata = appraiseStrata({
      strata: [
        { label: "2023-Q1", population: 40, sample: 10, found: 1 },
        { label: "2023-Q3", population: 30, sample: 12, found: 0 },
      ],
      confidence: 0.9,
    });
    expect(appraisal).toEqual({
      ...strata,
      strata: [
        { ...strata.strata[0], period: "2023-Q1", months: ["2023-02"] },
        { ...strata.strata[1], period: "2023-Q3", months: ["2023-08"] },
      ],
      stratify: "quarter",
      counted: "flagged",
      notSampled: {
        method: "assumption-free",
        periods: [
          { label: "2023-Q2", period: "2023-Q2", months: ["2023-05"], population: 25, lower: 0, upper: 25 },
        ],
        population: 25,
        lower: 0,
        upper: 25,
      },
      total: {
        methods: ["stratified-joint", "assumption-free"],
        population: 95,
        found: 1,
        lower: strata.combined.exact.lower,
        upper: strata.combined.exact.upper + 25,
      },
      warnings: [
        { id: "periods-not-sampled", text: messages.periodsNotSampled(["2023-Q2"], 25, "flagged", 95) },
      ],
    });
  });

  it("forms a quarter's stratum from its reviewed months only: the issue's 2023-Q4, reviewed in December alone", async () => {
    // October and November: 30 flagged cases each, none reviewed; December: 22 flagged, 16 reviewed, 1 found.
    const text = caseFile([
      ...day("2023-10-05", 30),
      ...day("2023-11-05", 30),
      ...day("2023-12-05", 22, 16, 1),
    ]);
    const appraisal = appraiseCases(await readCases([text]), { stratify: "quarter" });
    expect(
      appraisal.strata.map(({ label, period, months, population, sample, found }) => ({
        label,
        period,
        months,
        population,
        sample,
        found,
      })),
    ).toEqual([
      {
        label: "2023-Q4 (2023-12)",
        period: "2023-Q4",
        months: ["2023-12"],
        population: 22,
        sample: 16,
        found: 1,
      },
    ]);
    expect(appraisal.notSampled.periods).toEqual([
      {
        label: "2023-Q4 (2023-10 to 2023-11)",
        period: "2023-Q4",
        months: ["2023-10", "2023-11"],
        population: 60,
        lower: 0,
        upper: 60,
      },
    ]);
    expect(appraisal.total.population).toBe(82);
    expect(appraisal.total.upper).toBe(appraisal.combined.exact.upper + 60);
    expect(appraisal.warnings).toEqual([
      {
        id: "periods-not-sampled",
        text: messages.periodsNotSampled(["2023-Q4 (2023-10 to 2023-11)"], 60, "flagged", 82),
      },
    ]);
  });

  it("counts a month as sampled only when a flagged case was reviewed in it, not an unflagged one", async () => {
    const text = caseFile([
      ...day("2023-01-05", 10, 4, 1),
      ...day("2023-02-05", 6),
      ...day("2023-02-06", 3, 1, 0, 0),
    ]);
    const appraisal = appraiseCases(await readCases([text]), { stratify: "quarter" });
    expect(appraisal.strata.map((s) => s.label)).toEqual(["2023-Q1 (2023-01)"]);
    expect(appraisal.notSampled.periods.map((p) => [p.label, p.population])).toEqual([
      ["2023-Q1 (2023-02)", 6],
    ]);
  });

  describe.each(reference<Expected[]>("appraise-part-sampled.json"))(
    "test/fixtures/cases/part-sampled-2023.csv by $stratify, $confidence, $sided (appraise_cases.py: Python csv counts, mpmath bounds, brute-force joint limits)",
    (c) => {
      it("matches every stratum, the sampled total, the part not sampled and the whole file's total", async () => {
        const name = label({ stratify: c.stratify, confidence: c.confidence, sided: c.sided });
        const a = appraiseCases(await readCases(createReadStream(fixture)), {
          stratify: c.stratify,
          confidence: c.confidence,
          sided: c.sided,
        });
        expect(
          a.strata.map(({ label, period, months, population, sample, found, lower, upper }) => ({
            label,
            period,
            months,
            population,
            sample,
            found,
            lower,
            upper,
          })),
          name,
        ).toEqual(c.strata);
        const k = a.combined;
        expect(
          {
            population: k.population,
            sample: k.sample,
            found: k.found,
            lower: k.exact.lower,
            upper: k.exact.upper,
          },
          name,
        ).toEqual({
          population: c.combined.population,
          sample: c.combined.sample,
          found: c.combined.found,
          lower: c.combined.exactLower,
          upper: c.combined.exactUpper,
        });
        expect(k.exact.method, name).toBe("stratified-joint");
        expect(k.projected).toBeCloseRelative(c.combined.projected, 1e-12);
        expect(k.normal.standardError).toBeCloseRelative(c.combined.standardError, 1e-12);
        expect(k.normal.lower).toBeCloseRelative(c.combined.normalLower, 1e-9);
        expect(k.normal.upper).toBeCloseRelative(c.combined.normalUpper, 1e-9);
        expect({ ...a.notSampled, method: undefined }, name).toEqual({ ...c.notSampled, method: undefined });
        expect(a.notSampled.method).toBe("assumption-free");
        expect({ ...a.total, methods: undefined }, name).toEqual({ ...c.total, methods: undefined });
        expect(a.total.methods).toEqual(["stratified-joint", "assumption-free"]);
      });
    },
  );

  it("the whole file's total covers at the confidence for every true count, whatever the months not sampled hold (exact enumeration)", async () => {
    // Two months sampled month by month (6 flagged, 3 reviewed; 5 flagged, 2 reviewed), each its own stratum,
    // and one not sampled (4 flagged).
    // Every outcome (x1, x2) is appraised once; for every true (K1, K2, K3) the probability of an outcome whose
    // total range holds K1 + K2 + K3 is summed from exact hypergeometric probabilities (binomial coefficients).
    const unsampled = 4;
    const choose = (a: number, b: number): number => {
      if (b < 0 || b > a) return 0;
      let r = 1;
      for (let i = 1; i <= b; i++) r = (r * (a - b + i)) / i;
      return r;
    };
    const pmf = (x: number, N: number, K: number, n: number) =>
      (choose(K, x) * choose(N - K, n - x)) / choose(N, n);
    for (const [confidence, sided, stratify] of [
      [0.9, "two", "month"],
      [0.8, "upper", "month"],
      [0.8, "upper", "quarter"],
    ] as const) {
      const ranges = new Map<string, { lower: number; upper: number }>();
      for (let x1 = 0; x1 <= 3; x1++) {
        for (let x2 = 0; x2 <= 2; x2++) {
          const text = caseFile([
            ...day("2023-01-05", 6, 3, x1),
            ...day("2023-02-05", 5, 2, x2),
            ...day("2023-03-05", unsampled),
          ]);
          const a = appraiseCases(await readCases([text]), { stratify, confidence, sided });
          expect(a.strata.map((s) => s.label)).toEqual(
            stratify === "month" ? ["2023-01", "2023-02"] : ["2023-Q1 (2023-01 to 2023-02)"],
          );
          expect(a.notSampled.population).toBe(unsampled);
          ranges.set(`${x1},${x2}`, a.total);
        }
      }
      let worst = 1;
      for (let K1 = 0; K1 <= 6; K1++) {
        for (let K2 = 0; K2 <= 5; K2++) {
          for (let K3 = 0; K3 <= unsampled; K3++) {
            let covered = 0;
            for (let x1 = 0; x1 <= 3; x1++) {
              for (let x2 = 0; x2 <= 2; x2++) {
                const r = ranges.get(`${x1},${x2}`) as { lower: number; upper: number };
                const T = K1 + K2 + K3;
                if (r.lower <= T && T <= r.upper) covered += pmf(x1, 6, K1, 3) * pmf(x2, 5, K2, 2);
              }
            }
            worst = Math.min(worst, covered);
          }
        }
      }
      if (stratify === "month") {
        expect(worst, `confidence ${confidence} ${sided}`).toBeGreaterThanOrEqual(confidence - 1e-12);
      } else {
        // Pooled into one quarter, the two months' samples are treated as one random sample of 5 of 11, which
        // they were not: the limit then undercovers, as docs/methods.md says.
        expect(worst).toBeCloseRelative(0.77, 1e-9);
      }
    }
  });

  it("refuses a file with no reviewed case, naming cases", async () => {
    const summary = await readCases([caseFile(day("2023-02-10", 4))]);
    expect(() => appraiseCases(summary)).toThrow("cases has no period with a reviewed case to appraise");
  });

  it("is what adequacy appraise --case-file prints as JSON", async () => {
    const text = caseFile([...day("2023-02-10", 40, 10, 1), ...day("2023-11-20", 30, 12, 2)]);
    const path = join(mkdtempSync(join(tmpdir(), "adequacy-appraise-")), "cases.csv");
    writeFileSync(path, text);
    const cli = await run("appraise", "--case-file", path, "--stratify", "quarter", "--format", "json");
    expect(cli.code, cli.stderr).toBe(0);
    expect(JSON.parse(cli.stdout)).toEqual(
      appraiseCases(await readCases([text]), { stratify: "quarter", sided: "two" }),
    );
  });

  it("adequacy appraise --case-file shows the part not sampled, the whole file's total and the warning as a table", async () => {
    const cli = await run("appraise", "--case-file", fixture, "--stratify", "quarter");
    expect(cli.code, cli.stderr).toBe(0);
    const [c] = reference<Expected[]>("appraise-part-sampled.json");
    const expected = c as Expected;
    expect(cli.stdout).toContain(
      `  2023-Q4 (2023-12)           1 of 4 sampled from 9: projected 2.3, 1 to ${expected.strata[2]?.upper} (exact hypergeometric)`,
    );
    expect(cli.stdout).toContain(
      `Not sampled (assumption-free)\n  2023-Q2                       ${messages.notSampledRange(8, "flagged", "two")}\n  2023-Q3 (2023-08)             ${messages.notSampledRange(4, "flagged", "two")}\n  2023-Q4 (2023-10 to 2023-11)  ${messages.notSampledRange(22, "flagged", "two")}\n`,
    );
    expect(cli.stdout).toContain(
      `${messages.appraisalTotalTitle(69, "flagged")}\n  Sampled months, exact         3 to ${expected.combined.exactUpper}\n  Not sampled, assumption-free  0 to 34\n  Total                         3 to ${expected.total.upper}\n`,
    );
    expect(cli.stdout).toContain(
      `Warnings\n  - ${messages.periodsNotSampled(["2023-Q2", "2023-Q3 (2023-08)", "2023-Q4 (2023-10 to 2023-11)"], 34, "flagged", 69)}\n`,
    );
  });

  it("appraisalBriefing of a fully sampled file has no not-sampled sections", async () => {
    const text = caseFile([...day("2023-02-10", 40, 10, 1), ...day("2023-11-20", 30, 12, 2)]);
    const text2 = renderBriefing(appraisalBriefing(appraiseCases(await readCases([text]))), "table");
    expect(text2).toContain("Combined\n");
    expect(text2).not.toContain("Not sampled");
    expect(text2).not.toContain("Warnings");
  });
});
