import { createHash } from "node:crypto";
import { createReadStream, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { readCaseFrame } from "../../src/planning/caseFrame.js";
import { drawSample } from "../../src/planning/drawSample.js";
import { GENERATORS } from "../../src/planning/random/generatorIds.js";
import { forEachSelectedCase, type SelectedCase, selectCases } from "../../src/planning/selectCases.js";
import { selectionCsv } from "../../src/report/selectionCsv.js";
import { run } from "../helpers/runCli.js";
import { xlsx } from "../helpers/xlsx.js";

// A case file with what a reader must get right: a BOM, CRLF, quoted ids with commas and quotes,
// non-ASCII and non-BMP ids, rows out of date order, and rejected rows (a bad date, a duplicate id).
const dir = mkdtempSync(join(tmpdir(), "adequacy-select-"));
const lines = ["id,date,flagged,reviewed,impact"];
for (let i = 0; i < 2000; i++) {
  const day = new Date(Date.UTC(2022, 0, 1) + ((i * 7919) % 500) * 86_400_000).toISOString().slice(0, 10);
  const id = i % 7 === 0 ? `ü€😀${i}` : i % 11 === 0 ? `"q""x,${i}"` : `C${i}`;
  lines.push(`${id},${i % 97 === 0 ? "2022-13-01" : day},${i % 3 === 0 ? 1 : 0},0,0`);
}
lines.push("C5,2022-03-01,0,0,0");
const file = join(dir, "cases.csv");
writeFileSync(file, `\ufeff${lines.join("\r\n")}\r\n`);

/** The accepted rows, read independently of the library: csv-parse, and the rejections the file was built with. */
function acceptedRows(): { id: string; date: string }[] {
  const records = parse(readFileSync(file, "utf8"), { bom: true, columns: true }) as Record<string, string>[];
  const seen = new Set<string>();
  return records.filter((r) => {
    if (r.date === "2022-13-01" || seen.has(r.id as string)) return false;
    seen.add(r.id as string);
    return true;
  }) as { id: string; date: string }[];
}

function quarterOf(date: string): string {
  return `${date.slice(0, 4)}-Q${Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1}`;
}

const SEEDS = { sha256: "a seed", "rat-stats": "48863.78", xoroshiro: "12345", "xoroshiro-unmixed": "7" };

describe("selectCases", () => {
  it.each(GENERATORS)(
    "with readCaseFrame and selectionCsv reproduces adequacy select byte for byte (%s, by quarter, with spares)",
    async (generator) => {
      const args = [
        "select",
        "--cases",
        file,
        "--size",
        "60",
        "--spares",
        "3",
        "--stratify",
        "quarter",
        "--skip-invalid",
        "--generator",
        generator,
        "--seed",
        SEEDS[generator],
      ];
      const cli = await run(...args);
      expect(cli.code, cli.stderr).toBe(0);
      // The library's own SHA-256 here; the CLI hashes with node:crypto.
      const frame = await readCaseFrame(createReadStream(file));
      const selection = selectCases(frame, {
        size: 60,
        spares: 3,
        stratify: "quarter",
        generator,
        seed: SEEDS[generator],
      });
      let csv = "";
      selectionCsv(
        selection,
        (visit) => forEachSelectedCase(selection, frame, visit),
        { source: file, command: args },
        (chunk) => {
          csv += chunk;
        },
      );
      expect(csv).toBe(cli.stdout);
    },
  );

  it("turns stratum positions into the ids of that stratum's rows in file order, and records the file's SHA-256", async () => {
    const frame = await readCaseFrame(createReadStream(file));
    const options = { size: 60, spares: 3, seed: "a seed" } as const;
    const selection = selectCases(frame, { ...options, stratify: "quarter" });
    const selected: SelectedCase[] = [];
    forEachSelectedCase(selection, frame, (c) => selected.push(c));

    const rows = acceptedRows();
    const labels = [...new Set(rows.map((r) => quarterOf(r.date)))].sort();
    const byQuarter = labels.map((q) => rows.filter((r) => quarterOf(r.date) === q).map((r) => r.id));
    const drawn = drawSample({
      ...options,
      strata: labels.map((label, h) => ({ label, population: (byQuarter[h] as string[]).length })),
    });
    expect(selected).toEqual(
      drawn.draws.map((d) => ({
        order: d.order,
        id: byQuarter[d.stratum]?.[d.position],
        stratum: labels[d.stratum],
        role: d.role,
      })),
    );
    expect(selection.frame).toMatchObject({
      kind: "cases",
      rowsRead: 2001,
      rowsUsed: rows.length,
      rowsRejected: 2001 - rows.length,
      sha256: createHash("sha256").update(readFileSync(file)).digest("hex"),
    });
  });

  it("draws from cases numbered low to high: Rivest's reference example (876 cases: 740, 180, 264, 789, 238)", () => {
    const selection = selectCases({ low: 1, high: 876 }, { size: 5, seed: "3546311556112163624615351222" });
    const ids: string[] = [];
    forEachSelectedCase(selection, undefined, (c) => ids.push(c.id));
    expect(ids).toEqual(["740", "180", "264", "789", "238"]);
    expect(selection.frame).toEqual({ kind: "numbers", low: 1, high: 876 });
  });

  it("records the kept rows' span in its provenance, not one widened by a rejected repeated id", async () => {
    const text =
      "id,date,flagged,reviewed,impact\nA,2023-03-05,1,1,0\nB,2023-04-02,1,0,0\nA,2023-07-30,1,1,0\n";
    const selection = selectCases(await readCaseFrame([text]), { size: 1, seed: "1" });
    const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;
    expect(selection.frame).toMatchObject({
      kind: "cases",
      rowsRejected: 1,
      span: { start: day("2023-03-05"), end: day("2023-04-02") },
    });
  });

  it("takes sizes by stratum label and refuses a label the file has no stratum for", async () => {
    const frame = await readCaseFrame(createReadStream(file));
    const selection = selectCases(frame, { sizes: { "2022-Q2": 4 }, stratify: "quarter", seed: "1" });
    expect(selection.strata.map((s) => s.size)).toEqual([0, 4, 0, 0, 0, 0]);
    expect(() => selectCases(frame, { sizes: { "2022-Q9": 4 }, stratify: "quarter", seed: "1" })).toThrow(
      "sizes names strata that do not exist: 2022-Q9 (strata: 2022-Q1, 2022-Q2, 2022-Q3, 2022-Q4, 2023-Q1, 2023-Q2)",
    );
  });

  it("forEachSelectedCase refuses a case file other than the one selected from", async () => {
    const frame = await readCaseFrame(createReadStream(file));
    const other = await readCaseFrame(["id,date,reviewed,impact\nA,2022-01-01,0,0\n"]);
    const selection = selectCases(frame, { size: 3, seed: "1" });
    expect(() => forEachSelectedCase(selection, other, () => {})).toThrow(
      "frame is not the case file this selection was drawn from",
    );
  });
});

describe("readCaseFrame", () => {
  it("keeps every accepted id exactly, in file order, whatever the chunking, with the SHA-256 of the bytes", async () => {
    const bytes = readFileSync(file);
    const expected = acceptedRows().map((r) => r.id);
    for (const size of [1, 5, 4096]) {
      const chunks: Buffer[] = [];
      for (let i = 0; i < bytes.length; i += size) chunks.push(bytes.subarray(i, i + size));
      const frame = await readCaseFrame(chunks);
      expect(
        Array.from({ length: frame.rows.count }, (_, i) => frame.rows.id(i)),
        `chunks of ${size}`,
      ).toEqual(expected);
      expect(frame.sha256).toBe(createHash("sha256").update(bytes).digest("hex"));
    }
  });

  it("reads a workbook's sheet with workbook: true, hashing the workbook's bytes; adequacy select takes it too", async () => {
    const rows = acceptedRows().slice(0, 50);
    const bytes = xlsx({
      notes: [["not the cases"]],
      cases: [["id", "date", "reviewed", "impact"], ...rows.map((r) => [r.id, r.date, 0, 0])],
    });
    const frame = await readCaseFrame(bytes, { workbook: true, sheet: "cases" });
    expect(Array.from({ length: frame.rows.count }, (_, i) => frame.rows.id(i))).toEqual(
      rows.map((r) => r.id),
    );
    expect(frame.sha256).toBe(createHash("sha256").update(bytes).digest("hex"));
    const path = join(dir, "cases.xlsx");
    writeFileSync(path, bytes);
    const args = ["select", "--cases", path, "--sheet", "cases", "--size", "5", "--seed", "1"];
    const cli = await run(...args);
    expect(cli.code, cli.stderr).toBe(0);
    let csv = "";
    const small = selectCases(frame, { size: 5, seed: "1" });
    selectionCsv(
      small,
      (visit) => forEachSelectedCase(small, frame, visit),
      { source: path, command: args },
      (chunk) => {
        csv += chunk;
      },
    );
    expect(csv).toBe(cli.stdout);
  });
});
