import { at } from "../math/at.js";
import type { DayInterval } from "../scenario/calendar.js";
import { InputError } from "../validation/InputError.js";
import { messages } from "../validation/messages.js";
import { caseDay, type DateFormat } from "./caseDate.js";
import { csvRecords, type Delimiter } from "./csvRecords.js";
import { fnv64 } from "./idHash.js";

/** Column names in the case file; defaults are the keys themselves. `flagged` is optional. */
export interface CaseColumns {
  readonly id: string;
  readonly date: string;
  readonly flagged?: string;
  readonly reviewed: string;
  readonly impact: string;
}

export interface ReadCasesOptions {
  /** Header names for each field (defaults: id, date, flagged, reviewed, impact). */
  readonly columns?: Partial<CaseColumns>;
  /** Rows dated outside it are rejected; without it, the span is the kept rows' first to last date. */
  readonly span?: DayInterval;
  /** How many rejected rows to keep in detail (all are counted); default 1,000. */
  readonly maxListed?: number;
  /** Called for each accepted row, in file order (for a second pass that needs the ids). */
  readonly onCase?: (id: string, day: number, line: number) => void;
  /** How dates with day and month first are written (`dmy` or `mdy`); without it they are refused. */
  readonly dateFormat?: DateFormat;
  /** The field separator; without it, detected from the header line. */
  readonly delimiter?: Delimiter;
}

/** Where a row is: a line of a text file, or a row of a spreadsheet. */
export type RowPosition = "line" | "row";

export interface RejectedRow {
  readonly line: number;
  readonly reason: string;
}

/** Per-day totals over the span, and what was read. */
export interface CaseSummary {
  readonly rowsRead: number;
  readonly rowsUsed: number;
  readonly rowsRejected: number;
  /** The first `maxListed` rejected rows, with line numbers and reasons. */
  readonly rejected: readonly RejectedRow[];
  readonly hasFlagged: boolean;
  /** Whether `rejected` counts lines of a text file or rows of a sheet. */
  readonly position: RowPosition;
  readonly span: DayInterval;
  /**
   * Per day of the span (index 0 = span.start): all cases, flagged, flagged cases reviewed and found
   * affected, and unflagged cases reviewed (an elusion sample) and found affected.
   */
  readonly daily: {
    readonly cases: Int32Array;
    readonly flagged: Int32Array;
    readonly reviewed: Int32Array;
    readonly found: Int32Array;
    readonly unflaggedReviewed: Int32Array;
    readonly unflaggedFound: Int32Array;
  };
}

const TRUE = new Set(["true", "1", "yes", "y", "t"]);
const FALSE = new Set(["false", "0", "no", "n", "f", ""]);
const FIRST_DAY = -100_000; // earlier than any date we parse; marks "no span yet"

/**
 * Streams a CSV of cases (one row per case: id, date, and whether it was flagged, reviewed, and found
 * affected) into per-day totals, in memory independent of the number of rows. Booleans accept true/false,
 * 1/0, yes/no (any case), blank as false. Every rejected row is counted and the first ones kept with
 * their line number and reason; nothing is dropped silently. Handles a byte-order mark, CRLF and quoted
 * fields, including line breaks inside them ({@link csvRecords}).
 *
 * Duplicate ids are found with an open-addressing table of 64-bit FNV-1a hashes (typed arrays, about
 * 16 to 32 bytes a row), not a Set of strings, which would not fit ten million rows in memory; two different
 * ids share a 64-bit hash with probability below 3e-6 at ten million rows, so a reported duplicate is
 * all but certain, and each names the line of its first occurrence.
 *
 * @param source - the file's bytes or text, e.g. a Node read stream or an array of strings
 * @throws {InputError} when the header lacks a required column
 *
 * @example
 * const csv = "id,date,flagged,reviewed,impact\n1,2023-10-02,yes,yes,no\n2,2023-11-06,yes,yes,yes\n";
 * const summary = await readCases((async function* () { yield csv; })());
 * summary.rowsUsed; // 2
 */
export async function readCases(
  source: AsyncIterable<Buffer | string> | Iterable<Buffer | string>,
  options: ReadCasesOptions = {},
): Promise<CaseSummary> {
  return readCaseRecords((onRecord) => csvRecords(source, onRecord, options.delimiter), options, "line");
}

/**
 * The core of {@link readCases}, over records from any source (CSV lines, or the rows of a sheet):
 * `feed` calls `onRecord(fields, position)` for each record in order, the header first.
 *
 * With `kept`, the duplicate-id check waits until the file is read: every row that passes the other
 * checks goes to `kept` (and not to `onCase`), and afterwards `kept` names the rows whose id repeats an
 * earlier one's, which are then rejected as they would have been on the way, in the same order among
 * the other rejections. The summary is the same either way.
 *
 * @param feed - calls its argument once per record, with the fields as text and the line or row
 * @param position - whether positions are lines of a text or rows of a sheet (for messages)
 * @param kept - where a reader that keeps every row (readCaseFrame) takes them
 * @throws {InputError} when the header lacks a required column, or no row is usable
 */
export async function readCaseRecords(
  feed: (onRecord: (fields: string[], line: number) => void) => Promise<void>,
  options: ReadCasesOptions,
  position: RowPosition,
  kept?: KeptRows,
): Promise<CaseSummary> {
  const names: CaseColumns = {
    id: options.columns?.id ?? "id",
    date: options.columns?.date ?? "date",
    flagged: options.columns?.flagged ?? "flagged",
    reviewed: options.columns?.reviewed ?? "reviewed",
    impact: options.columns?.impact ?? "impact",
  };
  const maxListed = options.maxListed ?? 1000;
  let rejected: RejectedRow[] = [];
  let rowsRead = 0;
  let rowsRejected = 0;
  // With `kept`: how many rows had been kept when each listed row was rejected.
  const keptBefore: number[] = [];
  let keptCount = 0;
  const reject = (line: number, reason: string) => {
    rowsRejected++;
    if (rejected.length < maxListed) {
      rejected.push({ line, reason });
      keptBefore.push(keptCount);
    }
  };

  const ids = kept === undefined ? new IdTable() : undefined;
  const dayOf = new Map<string, number | string>();
  const days = new DayTotals(options.span);
  let index: { id: number; date: number; flagged: number; reviewed: number; impact: number } | undefined;
  let width = 0;

  await feed((record, line) => {
    if (record.length === 1 && record[0] === "") return;
    if (index === undefined) {
      index = headerIndex(
        record.map((name) => name.trim()),
        names,
      );
      width = record.length;
      return;
    }
    rowsRead++;
    if (record.length !== width) {
      reject(line, `has ${record.length} fields; the header has ${width}`);
      return;
    }
    const id = (record[index.id] as string).trim();
    if (id === "") {
      reject(line, "id is empty");
      return;
    }
    const dateText = record[index.date] as string;
    // (parseDay trims, so " 2024-01-05" and "2024-01-05" share one parse but not one cache entry)
    let day = dayOf.get(dateText);
    if (day === undefined) {
      day = caseDay(dateText, options.dateFormat);
      dayOf.set(dateText, day);
    }
    if (typeof day === "string") {
      reject(line, day);
      return;
    }
    const flagged = index.flagged < 0 ? true : bool(record[index.flagged] as string);
    const reviewed = bool(record[index.reviewed] as string);
    const impact = bool(record[index.impact] as string);
    if (flagged === undefined || reviewed === undefined || impact === undefined) {
      const bad =
        flagged === undefined ? names.flagged : reviewed === undefined ? names.reviewed : names.impact;
      const value =
        record[
          flagged === undefined ? index.flagged : reviewed === undefined ? index.reviewed : index.impact
        ];
      reject(line, `${bad} must be true/false, 1/0, yes/no or blank; got "${value}"`);
      return;
    }
    if (impact && !reviewed) {
      reject(line, `${names.impact} is recorded, but the case was not ${names.reviewed}`);
      return;
    }
    const outside = days.add(day, flagged, reviewed, impact);
    if (outside) {
      reject(line, `date ${dateText} is outside the span (${outside})`);
      return;
    }
    if (ids === undefined) {
      (kept as KeptRows).keep(id, day, line, flagged, reviewed, impact);
      keptCount++;
      return;
    }
    const first = ids.insert(id, line);
    if (first !== 0) {
      days.remove(day, flagged, reviewed, impact);
      reject(line, duplicateReason(id, first));
      return;
    }
    options.onCase?.(id, day, line);
  });
  const header = index as ReturnType<typeof headerIndex> | undefined;
  if (header === undefined) throw new InputError("cases", messages.noHeaderRow());
  if (kept !== undefined) {
    const duplicates: (RejectedRow & { readonly row: number })[] = [];
    kept.removeDuplicates((row, first) => {
      rowsRejected++;
      const duplicate = kept.row(row);
      days.remove(duplicate.day, duplicate.flagged, duplicate.reviewed, duplicate.impact);
      if (duplicates.length < maxListed)
        duplicates.push({
          line: duplicate.line,
          reason: duplicateReason(duplicate.id, kept.row(first).line),
          row,
        });
    });
    rejected = mergeRejected(rejected, keptBefore, duplicates, maxListed);
  }
  if (rowsRead === rowsRejected) {
    // Every row was rejected (or there was none): say which rows and why, not only that none is usable.
    throw new InputError("cases", messages.noUsableRow(rowsRead, rejected.slice(0, NO_ROW_LISTED), position));
  }
  return {
    rowsRead,
    rowsUsed: rowsRead - rowsRejected,
    rowsRejected,
    rejected,
    hasFlagged: header.flagged >= 0,
    position,
    ...days.result(),
  };
}

/**
 * The rows a reader keeps when it checks ids for duplicates itself, after reading ({@link readCaseRecords}
 * with `kept`).
 */
export interface KeptRows {
  /** Keeps a row that passed every check but the duplicate-id check. */
  keep(id: string, day: number, line: number, flagged: boolean, reviewed: boolean, impact: boolean): void;
  /** Kept row `row` (0-based, in the order kept), until {@link KeptRows.removeDuplicates} returns. */
  row(row: number): {
    readonly id: string;
    readonly day: number;
    readonly line: number;
    readonly flagged: boolean;
    readonly reviewed: boolean;
    readonly impact: boolean;
  };
  /**
   * Once, after the last row: calls `visit(row, first)`, in row order, for each kept row whose id has the
   * 64-bit hash ({@link fnv64}) of the id of an earlier kept row, the first such being `first`, as the
   * streaming check would have found it; then removes those rows.
   */
  removeDuplicates(visit: (row: number, first: number) => void): void;
}

/** The reason given for a duplicate id, by either check. */
function duplicateReason(id: string, firstLine: number): string {
  return `duplicate id "${id}" (first on line ${firstLine})`;
}

/**
 * The first `maxListed` rejections in the order a streaming reader makes them: a duplicate of kept row r
 * comes after every other rejection made while at most r rows were kept, and before the rest.
 */
function mergeRejected(
  listed: RejectedRow[],
  keptBefore: readonly number[],
  duplicates: readonly (RejectedRow & { readonly row: number })[],
  maxListed: number,
): RejectedRow[] {
  if (duplicates.length === 0) return listed;
  const merged: RejectedRow[] = [];
  let i = 0;
  let j = 0;
  while (merged.length < maxListed && (i < listed.length || j < duplicates.length)) {
    const duplicate = duplicates[j];
    if (duplicate !== undefined && (i === listed.length || at(keptBefore, i) > duplicate.row)) {
      merged.push({ line: duplicate.line, reason: duplicate.reason });
      j++;
    } else merged.push(at(listed, i++));
  }
  return merged;
}

function bool(text: string): boolean | undefined {
  // Exact matches first: lower-casing and trimming every field costs a tenth of the read.
  switch (text) {
    case "":
    case "0":
    case "false":
    case "no":
      return false;
    case "1":
    case "true":
    case "yes":
      return true;
  }
  const lower = text.trim().toLowerCase();
  if (TRUE.has(lower)) return true;
  if (FALSE.has(lower)) return false;
  return undefined;
}

function headerIndex(header: string[], names: CaseColumns) {
  const find = (name: string | undefined, required: boolean) => {
    const i = name === undefined ? -1 : header.indexOf(name);
    if (i < 0 && required) {
      throw new InputError("cases", messages.noColumn(name, header));
    }
    return i;
  };
  return {
    id: find(names.id, true),
    date: find(names.date, true),
    flagged: find(names.flagged, false),
    reviewed: find(names.reviewed, true),
    impact: find(names.impact, true),
  };
}

/** Per-day totals, over a fixed span or one that grows with the data. */
class DayTotals {
  private start: number;
  private end: number;
  private readonly fixed: boolean;
  private cases = new Int32Array(0);
  private flagged = new Int32Array(0);
  private reviewed = new Int32Array(0);
  private found = new Int32Array(0);
  private unflaggedReviewed = new Int32Array(0);
  private unflaggedFound = new Int32Array(0);

  constructor(span: DayInterval | undefined) {
    this.fixed = span !== undefined;
    this.start = span?.start ?? FIRST_DAY;
    this.end = span?.end ?? FIRST_DAY;
    if (span) this.resize(span.start, span.end);
  }

  /** Adds a case; returns the span as text when the day lies outside a fixed span. */
  add(day: number, flagged: boolean, reviewed: boolean, impact: boolean): string | undefined {
    if (day < this.start || day > this.end) {
      if (this.fixed) return `${iso(this.start)} to ${iso(this.end)}`;
      this.resize(this.start === FIRST_DAY ? day : Math.min(this.start, day), Math.max(this.end, day));
    }
    this.bump(day, flagged, reviewed, impact, 1);
    return undefined;
  }

  remove(day: number, flagged: boolean, reviewed: boolean, impact: boolean): void {
    this.bump(day, flagged, reviewed, impact, -1);
  }

  // Once per row: the day is within [start, end] (resize made room for it), so the arrays hold index i.
  // Cast rather than checked with math/at.ts, and TypeScript's compound assignment needs the cast anyway.
  private bump(day: number, flagged: boolean, reviewed: boolean, impact: boolean, by: number): void {
    const i = day - this.start;
    (this.cases[i] as number) += by;
    if (flagged) (this.flagged[i] as number) += by;
    // A reviewed unflagged case belongs to an elusion sample, counted apart from the flagged review.
    if (reviewed) ((flagged ? this.reviewed : this.unflaggedReviewed)[i] as number) += by;
    if (impact) ((flagged ? this.found : this.unflaggedFound)[i] as number) += by;
  }

  /**
   * Narrows a span that grew with the data to the days that still have a case: a row is added before
   * its id is checked, so a rejected duplicate may have widened it. A pass over the days, not the rows.
   */
  private trim(): void {
    const { cases } = this;
    let first = 0;
    while (first < cases.length && cases[first] === 0) first++;
    let last = cases.length - 1;
    while (last > first && cases[last] === 0) last--;
    if (first === cases.length) {
      this.start = FIRST_DAY;
      this.end = FIRST_DAY;
      return;
    }
    if (first === 0 && last === cases.length - 1) return;
    const cut = (days: Int32Array) => days.slice(first, last + 1);
    this.cases = cut(this.cases);
    this.flagged = cut(this.flagged);
    this.reviewed = cut(this.reviewed);
    this.found = cut(this.found);
    this.unflaggedReviewed = cut(this.unflaggedReviewed);
    this.unflaggedFound = cut(this.unflaggedFound);
    this.end = this.start + last;
    this.start += first;
  }

  private resize(start: number, end: number): void {
    const grow = (old: Int32Array) => {
      const next = new Int32Array(end - start + 1);
      if (old.length > 0) next.set(old, this.start - start);
      return next;
    };
    this.cases = grow(this.cases);
    this.flagged = grow(this.flagged);
    this.reviewed = grow(this.reviewed);
    this.found = grow(this.found);
    this.unflaggedReviewed = grow(this.unflaggedReviewed);
    this.unflaggedFound = grow(this.unflaggedFound);
    this.start = start;
    this.end = end;
  }

  result() {
    if (!this.fixed) this.trim();
    if (this.start === FIRST_DAY) throw new InputError("cases", messages.noRowAtAll());
    return {
      span: { start: this.start, end: this.end },
      daily: {
        cases: this.cases,
        flagged: this.flagged,
        reviewed: this.reviewed,
        found: this.found,
        unflaggedReviewed: this.unflaggedReviewed,
        unflaggedFound: this.unflaggedFound,
      },
    };
  }
}

/** Rejected rows listed when no row is usable. */
const NO_ROW_LISTED = 10;

function iso(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}

/** Open-addressing set of 64-bit id hashes (two 32-bit halves of FNV-1a), storing each id's first line. */
class IdTable {
  private high = new Int32Array(1 << 16);
  private low = new Int32Array(1 << 16);
  private lines = new Int32Array(1 << 16);
  private size = 0;

  /** Inserts an id; returns 0, or the line where it was first seen. */
  insert(id: string, line: number): number {
    // Linear probing at up to 75% load: 12 bytes a slot, about 200 MB for ten million ids.
    if (this.size * 4 >= this.lines.length * 3) this.grow();
    const [h, l] = fnv64(id);
    return this.place(h, l, line);
  }

  // Once or more per row: slots are masked to the table's length, and grow reads below it; cast, as in bump.
  private place(h: number, l: number, line: number): number {
    const mask = this.lines.length - 1;
    let slot = (l ^ (h >>> 7)) & mask;
    for (;;) {
      const seen = this.lines[slot] as number;
      if (seen === 0) {
        this.high[slot] = h;
        this.low[slot] = l;
        this.lines[slot] = line;
        this.size++;
        return 0;
      }
      if (this.high[slot] === h && this.low[slot] === l) return seen;
      slot = (slot + 1) & mask;
    }
  }

  private grow(): void {
    const { high, low, lines } = this;
    this.high = new Int32Array(lines.length * 2);
    this.low = new Int32Array(lines.length * 2);
    this.lines = new Int32Array(lines.length * 2);
    this.size = 0;
    for (let i = 0; i < lines.length; i++) {
      if (lines[i] !== 0) this.place(high[i] as number, low[i] as number, lines[i] as number);
    }
  }
}
