import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { messages } from "../../src/validation/messages.js";
import { reference } from "../helpers/fixtures.js";
import { run } from "../helpers/runCli.js";
import { type XlsxCell, xlsx } from "../helpers/xlsx.js";

const here = dirname(fileURLToPath(import.meta.url));
const fixture = join(here, "..", "fixtures", "cases", "screened-2023.csv");
const dir = mkdtempSync(join(tmpdir(), "adequacy-case-formats-"));
// The fixture's figures, counted row by row by test/fixtures/python/case_file.py.
const expected = reference<{
  derived: { windows: object[]; outsideVolume: number; undetectedUpper: number; outsideUpper: number };
}>("case-file-screened-2023.json").derived;

const rows = readFileSync(fixture, "utf8")
  .trim()
  .split("\n")
  .map((line) => line.split(","));
const [header, ...body] = rows as [string[], ...string[][]];
const dmy = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

/** The same cases written another way. */
function variant(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

async function figures(...args: string[]) {
  const r = await run("assess", ...args, "--format", "json");
  expect(r.code, r.stderr).toBe(0);
  const a = JSON.parse(r.stdout);
  return {
    windows: a.scenario.windows.map(({ cases, flagged, reviewed, found }: Record<string, number>) => ({
      cases,
      flagged,
      reviewed,
      found,
    })),
    outsideVolume: a.extrapolated.outsideVolume,
    undetectedUpper: a.extrapolated.undetected.upper,
    outsideUpper: a.extrapolated.outside.upper,
  };
}
const want = {
  windows: expected.windows,
  outsideVolume: expected.outsideVolume,
  undetectedUpper: expected.undetectedUpper,
  outsideUpper: expected.outsideUpper,
};

describe("case files as users have them", () => {
  it("semicolons and DD/MM/YYYY dates (--date-format dmy; the separator detected) give the same figures", async () => {
    const path = variant(
      "dmy.csv",
      `${[header.join(";"), ...body.map((r) => [r[0], dmy(r[1] as string), ...r.slice(2)].join(";"))].join("\n")}\n`,
    );
    expect(await figures("--case-file", path, "--date-format", "dmy")).toEqual(want);
    const r = await run("assess", "--case-file", path);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      `line 2: ${messages.caseDateAmbiguous("01/01/2023", ["dmy", "mdy"])}; line 3: ${messages.caseDateAmbiguous("04/01/2023", ["dmy", "mdy"])}`,
    );
  });

  it("tabs (--delimiter tab) and ISO timestamps with a time and zone give the same figures", async () => {
    const path = variant(
      "timestamps.tsv",
      `${[header.join("\t"), ...body.map((r, i) => [r[0], i % 2 === 0 ? `${r[1]}T23:30:00-05:00` : `${r[1]} 08:00:00`, ...r.slice(2)].join("\t"))].join("\n")}\n`,
    );
    expect(await figures("--case-file", path, "--delimiter", "tab")).toEqual(want);
    expect(await figures("--case-file", path)).toEqual(want);
  });

  it("an .xlsx workbook (--sheet by name or number; date cells and text dates) gives the same figures", async () => {
    const sheet: (XlsxCell[] | null)[] = [
      header,
      null,
      ...body.map((r, i): XlsxCell[] => [
        r[0] as string,
        i % 2 === 0 ? { date: r[1] as string } : (r[1] as string),
        Number(r[2]),
        Number(r[3]),
        Number(r[4]),
      ]),
    ];
    const path = join(dir, "cases.xlsx");
    writeFileSync(path, xlsx({ notes: [["not the cases"]], cases: sheet }));
    expect(await figures("--case-file", path, "--sheet", "cases")).toEqual(want);
    expect(await figures("--case-file", path, "--sheet", "2")).toEqual(want);
    const missing = await run("assess", "--case-file", path, "--sheet", "2024");
    expect(missing.stderr).toBe(
      `adequacy: --case-file ${path} ${messages.sheetNotFound("2024", ["notes", "cases"])}\n`,
    );
    // A bad date on sheet row 5 (the header on row 1, row 2 empty) is reported by its row number.
    sheet[4] = ["X", "2023-02-30", 0, 0, 0];
    writeFileSync(path, xlsx({ cases: sheet }));
    const bad = await run("assess", "--case-file", path);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('row 5: date is not a calendar date: "2023-02-30"');
  });

  it("names the workbook, that no --sheet was given, and the sheets it has, when its first sheet cannot be read", async () => {
    const parts = unzipSync(xlsx({ cases: [["id", "date", "reviewed", "impact"]], notes: [["x"]] }));
    // The first sheet's part left out of the zip, or its relationship left out of the workbook's list.
    const { "xl/worksheets/sheet1.xml": _, ...noPart } = parts;
    const rels = strFromU8(parts["xl/_rels/workbook.xml.rels"] as Uint8Array);
    const noRelationship = {
      ...parts,
      "xl/_rels/workbook.xml.rels": strToU8(rels.replace(/<Relationship Id="rId1"[^>]*\/>/, "")),
    };
    const workbooks: [string, Uint8Array, string, string[]][] = [
      ["no-sheets.xlsx", xlsx({}), messages.noSheets(), []],
      [
        "no-part.xlsx",
        zipSync(noPart),
        messages.sheetUnreadable(undefined, ["cases", "notes"]),
        ["cases", "notes"],
      ],
      [
        "no-relationship.xlsx",
        zipSync(noRelationship),
        messages.sheetUnreadable(undefined, ["cases", "notes"]),
        ["cases", "notes"],
      ],
    ];
    for (const [name, bytes, message, sheets] of workbooks) {
      const path = join(dir, name);
      writeFileSync(path, bytes);
      for (const command of [["assess"], ["select", "--size", "1", "--seed", "1"]]) {
        const r = await run(...(command as [string, ...string[]]), "--case-file", path);
        expect({ code: r.code, stderr: r.stderr }).toEqual({
          code: 2,
          stderr: `adequacy: --case-file ${path} ${message}\n`,
        });
        // What the user gave (the file, no --sheet) and what the workbook allows, never "undefined".
        expect(r.stderr).toContain("no --sheet was given");
        for (const sheet of sheets) expect(r.stderr).toContain(`"${sheet}"`);
        if (sheets.length > 0) expect(r.stderr).toContain(`a number from 1 to ${sheets.length}`);
        expect(r.stderr).not.toMatch(/undefined|\n\s+at /);
      }
    }
    // With --sheet, the sheet given is named; a workbook without sheets says so rather than listing none.
    const none = join(dir, "no-sheets.xlsx");
    const named = await run("assess", "--case-file", none, "--sheet", "cases");
    expect([named.code, named.stderr]).toEqual([
      2,
      `adequacy: --case-file ${none} ${messages.sheetNotFound("cases", [])}\n`,
    ]);
    expect(named.stderr).toContain('"cases"');
    const part = join(dir, "no-part.xlsx");
    const second = await run("assess", "--case-file", part, "--sheet", "1");
    expect(second.stderr).toBe(
      `adequacy: --case-file ${part} ${messages.sheetUnreadable("1", ["cases", "notes"])}\n`,
    );
  });

  it("refuses a file that is not a workbook, naming it", async () => {
    const path = variant("fake.xlsx", "id,date\n");
    const r = await run("assess", "--case-file", path);
    expect(r.stderr).toBe(`adequacy: --case-file ${path} ${messages.notAWorkbook(false)}\n`);
  });

  it("--cases with a file still reads it, with a note; --cases N stays a count", async () => {
    const r = await run("assess", "--cases", fixture, "--format", "json");
    expect(r.code).toBe(0);
    expect(r.stderr).toBe(`adequacy: note: ${messages.casesAsFile()}\n`);
    const relative = await run(
      "assess",
      "--cases",
      "./test/fixtures/cases/screened-2023.csv",
      "--format",
      "json",
    );
    expect(JSON.parse(relative.stdout).extrapolated.outsideVolume).toBe(expected.outsideVolume);
    const both = await run("assess", "--case-file", fixture, "--cases", "120");
    expect(both.stderr).toBe(`adequacy: --case-file ${messages.exclusive("--cases")}\n`);
  });

  it("the other commands read case files the same way (appraise with --date-format)", async () => {
    const path = join(dir, "dmy.csv");
    const r = await run("appraise", "--cases", path, "--date-format", "dmy", "--format", "json");
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).strata.map((s: { population: number }) => s.population)).toEqual([18]);
  });

  it.each([
    [["--date-format", "ymd"], `--date-format ${messages.oneOf(["dmy", "mdy"], "ymd")}`],
    [["--delimiter", ":"], `--delimiter ${messages.oneOf([",", ";", "tab", "|"], ":")}`],
  ])("%j exits 2", async (args, message) => {
    const r = await run("assess", "--case-file", fixture, ...args);
    expect(r.stderr).toBe(`adequacy: ${message}\n`);
  });
});

const bin = join(here, "../../bin/adequacy.cjs");
describe.runIf(existsSync(join(here, "../../dist/cli/main.cjs")))("--case-file - (built)", () => {
  it("reads the case file from standard input", () => {
    const r = spawnSync(process.execPath, [bin, "assess", "--case-file", "-", "--format", "json"], {
      input: readFileSync(fixture),
      encoding: "utf8",
    });
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).extrapolated.outsideVolume).toBe(expected.outsideVolume);
  });
});
