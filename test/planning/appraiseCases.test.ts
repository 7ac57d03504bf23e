import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readCases } from "../../src/data/readCases.js";
import { appraiseCases } from "../../src/planning/appraiseCases.js";
import { appraiseStrata } from "../../src/planning/appraiseStrata.js";
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

describe("appraiseCases", () => {
  it("makes a stratum of each period with a reviewed case, flagged cases as its population, and lists the rest as not sampled", async () => {
    const text = caseFile([
      ...day("2023-02-10", 40, 10, 1),
      ...day("2023-02-11", 5, 0, 0, 0),
      ...day("2023-05-03", 25),
      ...day("2023-08-20", 30, 12, 0),
    ]);
    const appraisal = appraiseCases(await readCases([text]), { stratify: "quarter", confidence: 0.9 });
    expect(appraisal).toEqual({
      ...appraiseStrata({
        strata: [
          { label: "2023-Q1", population: 40, sample: 10, found: 1 },
          { label: "2023-Q3", population: 30, sample: 12, found: 0 },
        ],
        confidence: 0.9,
      }),
      stratify: "quarter",
      counted: "flagged",
      notSampled: { periods: [{ label: "2023-Q2", population: 25 }], population: 25 },
    });
  });

  it("refuses a file with no reviewed case, naming cases", async () => {
    const summary = await readCases([caseFile(day("2023-02-10", 4))]);
    expect(() => appraiseCases(summary)).toThrow("cases has no period with a reviewed case to appraise");
  });

  it("is what adequacy appraise --cases prints as JSON", async () => {
    const text = caseFile([...day("2023-02-10", 40, 10, 1), ...day("2023-11-20", 30, 12, 2)]);
    const path = join(mkdtempSync(join(tmpdir(), "adequacy-appraise-")), "cases.csv");
    writeFileSync(path, text);
    const cli = await run("appraise", "--cases", path, "--stratify", "quarter", "--format", "json");
    expect(cli.code, cli.stderr).toBe(0);
    expect(JSON.parse(cli.stdout)).toEqual(
      appraiseCases(await readCases([text]), { stratify: "quarter", sided: "two" }),
    );
  });
});
