import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { readCaseFrame } from "../../src/planning/caseFrame.js";
import { forEachSelectedCase, type SelectedCase, selectCases } from "../../src/planning/selectCases.js";
import { selectionCsv } from "../../src/report/selectionCsv.js";

/** The rows of a selection's CSV as csv-parse reads them, its # header lines skipped. */
function parsedRows(csv: string): string[][] {
  return parse(csv, { comment: "#", relax_quotes: false }) as string[][];
}

describe("selectionCsv", () => {
  it("writes each selected case as one CSV row that csv-parse reads back exactly, whatever its id", async () => {
    // Plain ids, ids needing quotes, non-ASCII and non-BMP ids, and one id of 200,000 characters (longer
    // than a chunk) among 5,000 rows, so that rows cross chunk boundaries.
    const long = `L${"x".repeat(200_000)}`;
    const ids = Array.from({ length: 5000 }, (_, i) =>
      i === 2500 ? long : i % 5 === 0 ? `"q""x,${i}"` : i % 7 === 0 ? `ü€😀${i}` : `C${i}`,
    );
    const text = `id,date,reviewed,impact\n${ids.map((id, i) => `${id},2023-0${1 + (i % 9)}-01,0,0`).join("\n")}\n`;
    const frame = await readCaseFrame([text]);
    const selection = selectCases(frame, { size: 4990, spares: 10, stratify: "quarter", seed: "1" });
    const selected: SelectedCase[] = [];
    forEachSelectedCase(selection, frame, (c) => selected.push(c));
    expect(selected.some((c) => c.id === long)).toBe(true);
    const chunks: string[] = [];
    selectionCsv(
      selection,
      (visit) => forEachSelectedCase(selection, frame, visit),
      {},
      (chunk) => {
        chunks.push(chunk);
      },
    );
    expect(chunks.length).toBeGreaterThan(2);
    expect(parsedRows(chunks.join(""))).toEqual([
      ["order", "id", "stratum", "role"],
      ...selected.map((c) => [String(c.order), c.id, c.stratum, c.role]),
    ]);
  });

  it("numbers a frame's cases from its low number, negative ones included", () => {
    const selection = selectCases({ low: -50, high: 49 }, { size: 100, seed: "7", generator: "sha256" });
    let csv = "";
    selectionCsv(
      selection,
      (visit) => forEachSelectedCase(selection, undefined, visit),
      {},
      (chunk) => {
        csv += chunk;
      },
    );
    const rows = parsedRows(csv).slice(1);
    expect(rows.map((r) => r[0])).toEqual(Array.from({ length: 100 }, (_, i) => String(i + 1)));
    expect(rows.map((r) => Number(r[1])).sort((a, b) => a - b)).toEqual(
      Array.from({ length: 100 }, (_, i) => i - 50),
    );
  });
});
