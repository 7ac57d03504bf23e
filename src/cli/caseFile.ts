import { createReadStream, readFileSync } from "node:fs";
import { extname } from "node:path";
import type { ArgumentsCamelCase } from "yargs";
import { DATE_FORMATS, type DateFormat } from "../data/caseDate.js";
import type { Delimiter } from "../data/csvRecords.js";
import type { CaseColumns, CaseSummary } from "../data/readCases.js";
import type { CaseFrame } from "../planning/caseFrame.js";
import type { DayInterval } from "../scenario/calendar.js";
import { InputError, isInputError } from "../validation/InputError.js";
import { messages } from "../validation/messages.js";
import { parseNumberText } from "../validation/parseNumber.js";
import { asReadError } from "./fileErrors.js";
import { single } from "./flags.js";

/** How a case file is written: the date order, the field separator, the sheet of a workbook. */
export interface CaseFileFormat {
  readonly dateFormat?: DateFormat;
  readonly delimiter?: Delimiter;
  readonly sheet?: string | number;
}

const DELIMITER_NAMES: Readonly<Record<string, Delimiter>> = {
  ",": ",",
  comma: ",",
  ";": ";",
  semicolon: ";",
  tab: "\t",
  "\\t": "\t",
  "\t": "\t",
  "|": "|",
  pipe: "|",
};

/** --date-format, --delimiter and --sheet, checked. */
export function caseFileFormat(argv: ArgumentsCamelCase): CaseFileFormat {
  const dateFormat = single("--date-format", argv.dateFormat)?.toLowerCase();
  if (dateFormat !== undefined && !(DATE_FORMATS as readonly string[]).includes(dateFormat))
    throw new InputError("--date-format", messages.oneOf(DATE_FORMATS, dateFormat));
  const delimiterText = single("--delimiter", argv.delimiter);
  const delimiter = delimiterText === undefined ? undefined : DELIMITER_NAMES[delimiterText.toLowerCase()];
  if (delimiterText !== undefined && delimiter === undefined)
    throw new InputError("--delimiter", messages.oneOf([",", ";", "tab", "|"], delimiterText));
  const sheetText = single("--sheet", argv.sheet);
  const sheet =
    sheetText === undefined
      ? undefined
      : /^\s*\d+\s*$/.test(sheetText)
        ? parseNumberText("--sheet", sheetText)
        : sheetText;
  if (typeof sheet === "number" && sheet < 1)
    throw new InputError("--sheet", messages.wholeInRange(1, "the number of sheets", sheet));
  return {
    ...(dateFormat === undefined ? {} : { dateFormat: dateFormat as DateFormat }),
    ...(delimiter === undefined ? {} : { delimiter }),
    ...(sheet === undefined ? {} : { sheet }),
  };
}

/** Whether a path names an Excel workbook (read as a sheet, not as text). */
function isWorkbook(path: string, format: CaseFileFormat): boolean {
  return extname(path).toLowerCase() === ".xlsx" || (path !== "-" && format.sheet !== undefined);
}

const LISTED = 10;

/** Column names from flags, over a scenario's `columns` block. */
export function caseColumns(
  argv: ArgumentsCamelCase,
  fromScenario: Partial<CaseColumns> = {},
): Partial<CaseColumns> {
  const pick = (key: keyof CaseColumns, flag: string, raw: unknown) => {
    const value = single(flag, raw) ?? fromScenario[key];
    return value === undefined ? {} : { [key]: value };
  };
  return {
    ...pick("id", "--id-column", argv.idColumn),
    ...pick("date", "--date-column", argv.dateColumn),
    ...pick("flagged", "--flagged-column", argv.flaggedColumn),
    ...pick("reviewed", "--reviewed-column", argv.reviewedColumn),
    ...pick("impact", "--impact-column", argv.impactColumn),
  };
}

/** How a case file is read: its columns, the span it must fall in, rejected rows and its format. */
export interface CaseFileOptions {
  readonly columns: Partial<CaseColumns>;
  readonly span?: DayInterval;
  readonly skipInvalid: boolean;
  readonly format?: CaseFileFormat;
}

/**
 * Streams a case file through readCases, or reads a workbook's sheet through readCaseSheet; `-` reads
 * CSV from standard input. Rejected rows fail the command (listing the first ones with their lines, or
 * sheet rows, and the count) unless `skipInvalid`; errors name the flag and the file.
 */
export async function readCaseFile(
  flag: string,
  path: string,
  options: CaseFileOptions,
): Promise<CaseSummary> {
  const format = options.format ?? {};
  const readOptions = caseReadOptions(options);
  // Loaded before the file is opened: a stream that fails while an import is awaited has no listener yet.
  const { readCaseSheet } = isWorkbook(path, format)
    ? await import("../data/readCaseSheet.js")
    : { readCaseSheet: undefined };
  const { readCases } = await import("../data/readCases.js");
  const summary = await openCaseFile(flag, path, format, (input) =>
    "workbook" in input && readCaseSheet
      ? readCaseSheet(input.workbook, {
          ...readOptions,
          ...(format.sheet === undefined ? {} : { sheet: format.sheet }),
        })
      : readCases((input as { stream: AsyncIterable<Buffer> }).stream, readOptions),
  );
  refuseRejected(flag, path, summary, options.skipInvalid);
  return summary;
}

/**
 * Reads a case file once for a selection (readCaseFrame: totals, ids and node:crypto's SHA-256 of the same
 * bytes), from CSV, standard input or a workbook, with readCaseFile's errors and refusal of rejected rows.
 */
export async function readCaseFileFrame(
  flag: string,
  path: string,
  options: CaseFileOptions,
): Promise<CaseFrame> {
  const format = options.format ?? {};
  const [{ readCaseFrame }, { createHash }] = await Promise.all([
    import("../planning/caseFrame.js"),
    import("node:crypto"),
  ]);
  const frame = await openCaseFile(flag, path, format, (input) =>
    readCaseFrame("workbook" in input ? input.workbook : input.stream, {
      ...caseReadOptions(options),
      hash: createHash("sha256"),
      ...("workbook" in input
        ? { workbook: true, ...(format.sheet === undefined ? {} : { sheet: format.sheet }) }
        : {}),
    }),
  );
  refuseRejected(flag, path, frame.summary, options.skipInvalid);
  return frame;
}

function caseReadOptions(options: Omit<CaseFileOptions, "skipInvalid">) {
  const format = options.format ?? {};
  return {
    columns: options.columns,
    ...(options.span ? { span: options.span } : {}),
    ...(format.dateFormat ? { dateFormat: format.dateFormat } : {}),
    ...(format.delimiter ? { delimiter: format.delimiter } : {}),
  };
}

/** Opens a case file (`-`: standard input; a workbook: its bytes) for `read`; errors name the flag and the file. */
async function openCaseFile<T>(
  flag: string,
  path: string,
  format: CaseFileFormat,
  read: (input: { readonly workbook: Uint8Array } | { readonly stream: AsyncIterable<Buffer> }) => Promise<T>,
): Promise<T> {
  try {
    if (isWorkbook(path, format)) return await read({ workbook: readFileSync(path) });
    return await read({
      stream: path === "-" ? process.stdin : createReadStream(path, { highWaterMark: 1 << 20 }),
    });
  } catch (error) {
    if (isInputError(error)) throw new InputError(`${flag} ${path}`, error.detail);
    throw asReadError(flag, path, error);
  }
}

/** Refuses a file with rejected rows, listing the first with their lines (or sheet rows), unless `skipInvalid`. */
function refuseRejected(flag: string, path: string, summary: CaseSummary, skipInvalid: boolean): void {
  if (summary.rowsRejected === 0 || skipInvalid) return;
  const listed = summary.rejected
    .slice(0, LISTED)
    .map((r) => ({ position: summary.position, line: r.line, reason: r.reason }));
  throw new InputError(
    flag,
    messages.rowsRejected(
      path,
      summary.rowsRejected,
      summary.rowsRead,
      listed,
      Math.max(0, summary.rowsRejected - LISTED),
    ),
  );
}

/** One line saying what was read: rows read, used and rejected, with the first rejected rows. */
export function caseFileNote(path: string, summary: CaseSummary): string {
  return messages.caseFileRead(
    path,
    summary.rowsRead,
    summary.rowsUsed,
    summary.rowsRejected,
    summary.rejected
      .slice(0, LISTED)
      .map((r) => ({ position: summary.position, line: r.line, reason: r.reason })),
    summary.rowsRejected > LISTED,
  );
}
