import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  assessInvestigation,
  countInterval,
  detectionSampleSize,
  drawSample,
  examples,
  sampleSize,
} from "../../src/index.js";

// The notebooks' key numbers, recomputed here with the library from the same inputs, so a notebook cannot
// drift from the code. scripts/run-notebooks.mjs (npm run notebooks) executes the notebooks into a
// temporary folder and runs this file on those fresh copies, with NOTEBOOKS_EXECUTED naming the folder.
const executed = process.env.NOTEBOOKS_EXECUTED;
if (executed === undefined) throw new Error("test/notebooks runs through npm run notebooks");
const folder: string = executed;
interface Cell {
  cell_type: string;
  outputs?: { output_type: string; data?: Record<string, unknown> }[];
}

function keyNumbers(name: string): Record<string, unknown> {
  const notebook = JSON.parse(readFileSync(join(folder, `${name}.ipynb`), "utf8")) as { cells: Cell[] };
  const record = notebook.cells
    .flatMap((c) => c.outputs ?? [])
    .map(
      (o) =>
        o.data?.["application/json"] as
          | { notebook?: string; keyNumbers?: Record<string, unknown> }
          | undefined,
    )
    .find((d) => d?.notebook === name);
  if (!record?.keyNumbers) throw new Error(`${name}: no key numbers in the executed notebook`);
  return record.keyNumbers;
}

describe("notebooks", () => {
  it.each(readdirSync(folder).filter((f) => f.endsWith(".ipynb")))(
    "%s is executed, with no error output",
    (file) => {
      const notebook = JSON.parse(readFileSync(join(folder, file), "utf8")) as {
        cells: Cell[];
        metadata: { kernelspec: { name: string } };
      };
      expect(notebook.metadata.kernelspec.name).toBe("deno");
      const code = notebook.cells.filter((c) => c.cell_type === "code");
      expect(code.every((c) => (c.outputs ?? []).every((o) => o.output_type !== "error"))).toBe(true);
      expect(code.filter((c) => (c.outputs ?? []).length > 0).length).toBeGreaterThan(code.length / 2);
    },
  );

  it("01-sscs-review states the library's figures", () => {
    const k = keyNumbers("01-sscs-review");
    const window = countInterval({ found: 1, sample: 109, population: 609, sided: "upper" });
    const two = countInterval({ found: 1, sample: 109, population: 609 });
    const a = assessInvestigation({ ...examples["hmcts-sscs"], materiality: 100 });
    expect(k).toEqual({
      windowUpper: window.upper,
      windowUndetectedUpper: window.upper - 1,
      twoSided: [two.lower, two.upper],
      examinedDays: a.coverage.examinedDays,
      spanDays: a.coverage.spanDays,
      extrapolatedUndetectedUpper: a.extrapolated?.undetected.upper,
      outsideUpper: a.extrapolated?.outside.upper,
      driftUppers: a.sensitivity?.rows.map((r) => r.undetected.upper),
      tippingPoint: a.sensitivity?.tippingPoint,
      unrestrictedTotalUpper: a.unrestricted.total.upper,
      planTotal: a.adequatePlan.total,
      detectionSampleSize: a.adequatePlan.detection.sampleSize,
    });
  });

  it("02-family-court-documents states the library's figures", () => {
    const k = keyNumbers("02-family-court-documents");
    const a = assessInvestigation(examples["family-court-documents"]);
    const strata = a.adequatePlan.strata;
    const n = a.adequatePlan.total;
    expect(k).toEqual({
      sampleSizes: [0, 1, 3].map(
        (allowed) =>
          sampleSize({ model: "hypergeometric", population: 400, tolerable: 0.05, allowed }).sampleSize,
      ),
      detectionSampleSize: detectionSampleSize({ population: 400, affected: 10 }).sampleSize,
      stratifiedTotal: n,
      strataSizes: strata.map((s) => s.sampleSize),
      claimUppers: [0, 1, 3].map(
        (found) => countInterval({ found, sample: n, population: 400, sided: "upper" }).upper,
      ),
      firstDraws: drawSample({
        strata: strata.map((s) => ({ label: s.label, population: s.population })),
        sizes: strata.map((s) => s.sampleSize),
        seed: 2023,
        spares: 3,
      })
        .draws.slice(0, 5)
        .map((d) => d.position + 1),
    });
  });

  it("03-planning-an-adequate-review states the library's figures", () => {
    const k = keyNumbers("03-planning-an-adequate-review");
    const volume = [];
    for (let year = 2019; year <= 2024; year++) {
      for (let month = 1; month <= 12; month++) {
        const i = (year - 2019) * 12 + month - 1;
        volume.push({
          period: `${year}-${String(month).padStart(2, "0")}`,
          cases: Math.round(800 + (600 * i) / 71),
        });
      }
    }
    const base = {
      name: "six-year exposure",
      span: "2019-01/2024-12",
      volume,
      windows: [],
      tolerable: 0.02,
      materiality: 50,
    };
    const designs = (["year", "quarter", "month"] as const).map((stratify) =>
      assessInvestigation({ ...base, stratify }),
    );
    const at = designs[0]?.detectionPower.totals.indexOf(50) as number;
    expect(k).toEqual({
      totalCases: volume.reduce((t, v) => t + v.cases, 0),
      designTotals: designs.map((d) => d.adequatePlan.total),
      tradeOffTotals: [0.01, 0.015, 0.02, 0.03, 0.05, 0.08, 0.1].map(
        (tolerable) => assessInvestigation({ ...base, tolerable, stratify: "year" }).adequatePlan.total,
      ),
      power50: designs.flatMap((d) =>
        d.detectionPower.curves.map((c) => Number((c.adequatePlan[at] as number).toFixed(6))),
      ),
    });
  });
});
