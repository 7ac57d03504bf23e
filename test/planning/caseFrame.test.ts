import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fnv64 } from "../../src/data/idHash.js";
import { readCaseSheet } from "../../src/data/readCaseSheet.js";
import { type CaseSummary, type ReadCasesOptions, readCases } from "../../src/data/readCases.js";
import { readCaseFrame } from "../../src/planning/caseFrame.js";
import { parseInterval } from "../../src/scenario/calendar.js";
import { xlsx } from "../helpers/xlsx.js";

const header = "id,date,flagged,reviewed,impact";

/** Byte chunks of a text, so that records and characters straddle chunk edges. */
function chunks(text: string, size: number): Buffer[] {
  const bytes = Buffer.from(text, "utf8");
  const parts: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += size) parts.push(bytes.subarray(i, i + size));
  return parts;
}

type Outcome =
  | { readonly summary: CaseSummary; readonly ids: string[]; readonly days: number[] }
  | { readonly error: string };

/** readCases, which checks ids as it streams, with the accepted rows' ids and days from onCase. */
async function streamed(text: string, size: number, options: ReadCasesOptions): Promise<Outcome> {
  const ids: string[] = [];
  const days: number[] = [];
  try {
    const summary = await readCases(chunks(text, size), {
      ...options,
      onCase: (id, day) => {
        ids.push(id);
        days.push(day);
      },
    });
    return { summary, ids, days };
  } catch (error) {
    return { error: (error as Error).message };
  }
}

/** readCaseFrame, which checks ids once the file is read, with the ids and days it keeps. */
async function framed(text: string, size: number, options: ReadCasesOptions): Promise<Outcome> {
  try {
    const { summary, rows } = await readCaseFrame(chunks(text, size), options);
    const every = Array.from({ length: rows.count }, (_, row) => row);
    return { summary, ids: every.map((row) => rows.id(row)), days: every.map((row) => rows.day(row)) };
  } catch (error) {
    return { error: (error as Error).message };
  }
}

/** A CSV field: quoted when it holds a separator, a quote or a line break. */
const field = (text: string) => (/[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text);

describe("readCaseFrame", () => {
  it("rejects the same rows as readCases (duplicate ids among them, in the same order, listed up to maxListed) and keeps the others' ids and days", async () => {
    const id = fc.oneof(
      fc.integer({ min: 0, max: 40 }).map((n) => `C${n}`),
      fc.constantFrom("", " C1 ", "ü€😀", 'q"x,1', "two\nlines", "A"),
    );
    const row = fc.record({
      id,
      date: fc.oneof(
        fc
          .integer({ min: 0, max: 40 })
          .map((d) => new Date(Date.UTC(2021, 11, 20) + d * 86_400_000).toISOString().slice(0, 10)),
        fc.constantFrom("2022-13-01", "2022-02-30"),
      ),
      flagged: fc.constantFrom("0", "1", "yes", ""),
      reviewed: fc.constantFrom("0", "1", "no", "maybe"),
      impact: fc.constantFrom("0", "", "1"),
    });
    const file = fc.array(
      fc.tuple(row, fc.nat({ max: 19 })).map(([r, n]) => {
        const fields = [field(r.id), r.date, r.flagged, r.reviewed, r.impact];
        // One row in twenty has a field too few.
        return (n === 0 ? fields.slice(0, 4) : fields).join(",");
      }),
      { maxLength: 60 },
    );
    await fc.assert(
      fc.asyncProperty(
        file,
        fc.constantFrom("\n", "\r\n"),
        fc.integer({ min: 1, max: 64 }),
        fc.integer({ min: 1, max: 6 }),
        fc.boolean(),
        async (rows, eol, size, maxListed, withSpan) => {
          const text = [header, ...rows].join(eol) + eol;
          const options = {
            maxListed,
            ...(withSpan ? { span: parseInterval("span", "2022-01-01/2022-01-20") } : {}),
          };
          const frame = await framed(text, size, options);
          expect(frame, text).toEqual(await streamed(text, size, options));
          // Without --span the span is the kept rows' first to last day, however far a rejected row lies.
          if (!withSpan && "summary" in frame) {
            const { span, daily } = frame.summary;
            expect([span.start, span.end, daily.cases.length], text).toEqual([
              Math.min(...frame.days),
              Math.max(...frame.days),
              Math.max(...frame.days) - Math.min(...frame.days) + 1,
            ]);
          }
        },
      ),
      { numRuns: 400 },
    );
  });

  it("finds repeats when every row has one id, and when one bucket of hashes holds 20,000 distinct ids", async () => {
    const same = [header, ...Array.from({ length: 5000 }, (_, i) => `X,2022-01-0${1 + (i % 9)},1,1,0`)];
    const text = `${same.join("\n")}\n`;
    const one = await framed(text, 1 << 16, {});
    expect(one).toEqual(await streamed(text, 1 << 16, {}));
    expect("summary" in one && [one.summary.rowsUsed, one.summary.rowsRejected]).toEqual([1, 4999]);

    // Ids whose hashes share their leading three bits: with 20,000 rows the rows are sorted into eight
    // buckets by those bits, so all fall into one, whose table must grow twice. Repeats of the 5th,
    // 10,000th and last id are planted between them.
    const ids: string[] = [];
    for (let n = 0; ids.length < 20_000; n++) if (fnv64(`C${n}`)[0] >>> 29 === 0) ids.push(`C${n}`);
    const lines = ids.map((x, i) => `${x},2022-01-${String(1 + (i % 28)).padStart(2, "0")},0,0,0`);
    lines.splice(15_000, 0, `${ids[4]},2022-02-01,1,1,1`);
    lines.splice(12_000, 0, `${ids[9_999]},2022-02-02,1,0,0`);
    lines.push(`${ids[19_999]},2022-02-03,0,1,0`);
    const big = `${[header, ...lines].join("\n")}\n`;
    const frame = await framed(big, 1 << 16, {});
    expect(frame).toEqual(await streamed(big, 1 << 16, {}));
    expect("summary" in frame && frame.summary.rejected).toEqual([
      { line: 12_002, reason: `duplicate id "${ids[9_999]}" (first on line 10001)` },
      { line: 15_003, reason: `duplicate id "${ids[4]}" (first on line 6)` },
      { line: 20_004, reason: `duplicate id "${ids[19_999]}" (first on line 20003)` },
    ]);
  });

  it("takes the span from the kept rows alone: a rejected repeat dated before or after them does not widen it", async () => {
    // Kept rows 2022-01-03 to 2022-01-10, then a repeat of A dated before them and one of B after them.
    const kept = ["A,2022-01-03,1,1,1", "B,2022-01-06,1,0,0", "C,2022-01-10,0,1,0"];
    const text = `${[header, ...kept, "A,2021-12-01,1,1,0", "B,2022-03-31,0,0,0"].join("\n")}\n`;
    const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;
    const want = { start: day("2022-01-03"), end: day("2022-01-10") };
    const frame = await framed(text, 7, {});
    expect(frame).toEqual(await streamed(text, 7, {}));
    if (!("summary" in frame)) throw new Error(frame.error);
    expect(frame.summary.span).toEqual(want);
    expect(frame.summary.rowsRejected).toBe(2);
    // The day totals cover the same days: the three kept cases on the first, fourth and last.
    expect(Array.from(frame.summary.daily.cases)).toEqual([1, 0, 0, 1, 0, 0, 0, 1]);
    const sheet = await readCaseSheet(
      xlsx({
        cases: [
          header.split(","),
          ...kept.map((row) => row.split(",")),
          ["A", { date: "2021-12-01" }, 1, 1, 0],
          ["B", "2022-03-31", 0, 0, 0],
        ],
      }),
    );
    expect([sheet.span, sheet.rowsRejected]).toEqual([want, 2]);
  });

  it("rejects a repeated id in a workbook's sheet as readCaseSheet does", async () => {
    const bytes = xlsx({
      cases: [
        ["id", "date", "flagged", "reviewed", "impact"],
        ["A", { date: "2022-01-03" }, 1, 1, 1],
        ["B", "2022-13-01", 1, 0, 0],
        ["A", { date: "2022-01-05" }, 1, 1, 0],
        ["C", "2022-01-06", 0, 0, 0],
      ],
    });
    const sheet = await readCaseSheet(bytes);
    const frame = await readCaseFrame(bytes, { workbook: true });
    expect(frame.summary).toEqual(sheet);
    expect(sheet.rejected.map((r) => r.line)).toEqual([3, 4]);
    expect([frame.rows.count, frame.rows.id(0), frame.rows.id(1)]).toEqual([2, "A", "C"]);
  });
});
