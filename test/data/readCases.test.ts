import { Readable } from "node:stream";
import { parse } from "csv-parse/sync";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { csvRecords } from "../../src/data/csvRecords.js";
import { readCases } from "../../src/data/readCases.js";
import { periodTotals, scenarioFromCases } from "../../src/data/scenarioFromCases.js";
import { parseInterval } from "../../src/scenario/calendar.js";
import { messages } from "../../src/validation/messages.js";

/** A stream of the text in small chunks, so that records and multi-byte characters straddle chunk edges. */
function stream(text: string, chunk = 7): Readable {
  const bytes = Buffer.from(text, "utf8");
  const parts: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += chunk) parts.push(bytes.subarray(i, i + chunk));
  return Readable.from(parts);
}

async function records(text: string, chunk = 7) {
  const out: { fields: string[]; line: number }[] = [];
  await csvRecords(stream(text, chunk), (fields, line) => out.push({ fields, line }));
  return out;
}

describe("csvRecords", () => {
  it("gives the same records as csv-parse, for any mix of quotes, commas, line breaks and CRLF", async () => {
    const field = fc.oneof(
      fc.stringMatching(/^[a-z0-9 é]{0,6}$/),
      fc.stringMatching(/^[a-z,"\n é]{0,6}$/).map((s) => `"${s.replaceAll('"', '""')}"`),
    );
    const csv = fc
      .array(fc.array(field, { minLength: 3, maxLength: 3 }), { minLength: 1, maxLength: 12 })
      .chain((rows) =>
        fc.constantFrom("\n", "\r\n").map((eol) => rows.map((r) => r.join(",")).join(eol) + eol),
      );
    await fc.assert(
      fc.asyncProperty(csv, fc.integer({ min: 1, max: 40 }), async (text, chunk) => {
        const ours = (await records(text, chunk)).map((r) => r.fields);
        const reference = parse(text, { relax_column_count: true }) as string[][];
        expect(ours).toEqual(reference);
      }),
      { numRuns: 300 },
    );
  });

  it("numbers records by the line they start on, counting line breaks inside quotes", async () => {
    const r = await records('a,b\n1,"two\nlines"\n3,x\n');
    expect(r.map((x) => x.line)).toEqual([1, 2, 4]);
  });

  it("strips a byte-order mark and refuses a quote that never closes", async () => {
    expect((await records("\uFEFFid,date\n1,2\n"))[0]?.fields).toEqual(["id", "date"]);
    await expect(records('a,b\n1,"open\n2,3\n')).rejects.toThrow(
      "cases line 2: a quoted field is never closed",
    );
  });
});

const header = "id,date,flagged,reviewed,impact\n";

describe("readCases", () => {
  it("totals cases, flagged, reviewed and found per day, with booleans in any accepted spelling", async () => {
    const s = await readCases(
      stream(
        `${header}A,2024-01-01,1,yes,TRUE\nB,2024-01-01,true,no,\nC,2024-01-02,0,0,0\nD,2024-01-02,Yes,1,no\n`,
      ),
    );
    expect([s.rowsRead, s.rowsUsed, s.rowsRejected]).toEqual([4, 4, 0]);
    expect([...s.daily.cases]).toEqual([2, 2]);
    expect([...s.daily.flagged]).toEqual([2, 1]);
    expect([...s.daily.reviewed]).toEqual([1, 1]);
    expect([...s.daily.found]).toEqual([1, 0]);
  });

  it("reports every rejected row with its line and reason, and counts nothing from it", async () => {
    const text =
      `${header}A1,2023-12-05,1,1,0\r\nA1,2024-01-02,1,1,\r\nA4,2023-02-30,1,0,0\r\n"A,5",2024-01-09,maybe,no,\r\n` +
      `A6,2024-02-01,0,1,0\r\nA7,2019-05-01,0,0,1\r\nA8,2025-01-01,0,0,0\r\nA9,2024-01-10,1\r\n"A\n10",2024-01-11,1,1,1\r\n`;
    const s = await readCases(stream(text), { span: parseInterval("span", "2019-01-01/2024-02-29") });
    expect(s.rejected).toEqual([
      { line: 3, reason: 'duplicate id "A1" (first on line 2)' },
      { line: 4, reason: 'date is not a calendar date: "2023-02-30"' },
      { line: 5, reason: 'flagged must be true/false, 1/0, yes/no or blank; got "maybe"' },
      { line: 7, reason: "impact is recorded, but the case was not reviewed" },
      { line: 8, reason: "date 2025-01-01 is outside the span (2019-01-01 to 2024-02-29)" },
      { line: 9, reason: "has 3 fields; the header has 5" },
    ]);
    expect([s.rowsRead, s.rowsUsed, s.rowsRejected]).toEqual([9, 3, 6]);
    const total = (a: Int32Array) => a.reduce((t, x) => t + x, 0);
    expect([total(s.daily.cases), total(s.daily.reviewed), total(s.daily.found)]).toEqual([3, 2, 1]);
    // A6, reviewed but not flagged, belongs to an elusion sample.
    expect([total(s.daily.unflaggedReviewed), total(s.daily.unflaggedFound)]).toEqual([1, 0]);
  });

  it("maps column names and works without a flagged column", async () => {
    const s = await readCases(stream("CaseRef,Heard,Checked,Harm\nX,2024-03-01,yes,no\n"), {
      columns: { id: "CaseRef", date: "Heard", reviewed: "Checked", impact: "Harm" },
    });
    expect(s.hasFlagged).toBe(false);
    expect(s.rowsUsed).toBe(1);
  });

  it("names a missing column and an empty file", async () => {
    await expect(readCases(stream("id,date,reviewed\n"))).rejects.toThrow('cases has no column "impact"');
    await expect(readCases(stream(""))).rejects.toThrow("cases is empty: no header row");
  });

  it("echoes only the first 200 characters of a 1 MB header line when a column is missing, with its length", async () => {
    const big = "x".repeat(1_000_000);
    const error = await readCases(stream(`${big},date\na,2023-01-01\n`, 1 << 16)).catch((e: Error) => e);
    expect(error).toBeInstanceOf(Error);
    const shown = `"${big}", "date"`;
    expect((error as Error).message).toBe(
      `cases has no column "id"; the header is ${shown.slice(0, 200)}… (1,000,010 characters)`,
    );
    expect(messages.noColumn("id", ["a", "date"])).toBe('has no column "id"; the header is "a", "date"');
  });

  it("does not cut a header's echo between the halves of a character outside the Basic Multilingual Plane", () => {
    const message = messages.noColumn("id", [`${"x".repeat(198)}😀tail`]);
    expect(message).toBe(`has no column "id"; the header is "${"x".repeat(198)}… (206 characters)`);
  });

  it("finds duplicates among many ids (the hash table grows and keeps first lines)", async () => {
    const rows = Array.from({ length: 100_000 }, (_, i) => `C${i},2024-01-01,0,0,0`);
    rows.push("C77777,2024-01-02,0,0,0");
    const s = await readCases(stream(`${header}${rows.join("\n")}\n`, 1 << 16));
    expect(s.rejected).toEqual([{ line: 100_002, reason: 'duplicate id "C77777" (first on line 77779)' }]);
  });
});

describe("scenarioFromCases", () => {
  it("takes windows as runs of months with reviewed cases and the volume per month (selection left to its default)", async () => {
    const rows = [
      "a,2023-10-15,1,0,0",
      "b,2023-11-03,1,1,0",
      "c,2023-12-20,1,1,1",
      "d,2024-01-05,0,0,0",
      "e,2024-02-07,1,1,0",
      "f,2024-02-08,1,0,0",
    ];
    const s = await readCases(stream(`${header}${rows.join("\n")}\n`), {
      span: parseInterval("span", "2023-10/2024-02"),
    });
    const scenario = scenarioFromCases(s, { name: "t" });
    expect(scenario.windows).toEqual([
      {
        label: "2023-11 to 2023-12",
        period: "2023-11-01/2023-12-31",
        cases: 2,
        flagged: 2,
        reviewed: 2,
        found: 1,
      },
      {
        label: "2024-02",
        period: "2024-02-01/2024-02-29",
        cases: 2,
        flagged: 2,
        reviewed: 1,
        found: 0,
      },
    ]);
    expect(scenario.volume?.map((v) => v.cases)).toEqual([1, 1, 1, 1, 2]);
    expect(periodTotals(s, "quarter").map((p) => [p.label, p.cases])).toEqual([
      ["2023-Q4", 3],
      ["2024-Q1", 3],
    ]);
  });

  it("takes reviewed unflagged cases as an elusion sample: per window when all lie in windows, else across the span", async () => {
    const rows = [
      "a,2023-11-03,1,1,1",
      "b,2023-11-04,0,1,0",
      "c,2023-11-05,0,1,1",
      "d,2023-11-06,0,0,0",
      "e,2023-12-20,0,0,0",
    ];
    const read = (extra: string[]) =>
      readCases(stream(`${header}${[...rows, ...extra].join("\n")}\n`), {
        span: parseInterval("span", "2023-11/2023-12"),
      });
    const inWindow = scenarioFromCases(await read([]), { name: "t" });
    expect(inWindow.windows[0]).toMatchObject({
      cases: 4,
      flagged: 1,
      reviewed: 1,
      found: 1,
      unflaggedReviewed: 2,
      unflaggedFound: 1,
    });
    expect(inWindow.unflaggedReviewed).toBeUndefined();
    const acrossSpan = scenarioFromCases(await read(["f,2023-12-21,0,1,0"]), { name: "t" });
    expect(acrossSpan.windows[0]).not.toHaveProperty("unflaggedReviewed");
    expect([acrossSpan.unflagged, acrossSpan.unflaggedReviewed, acrossSpan.unflaggedFound]).toEqual([
      5, 3, 1,
    ]);
  });
});
