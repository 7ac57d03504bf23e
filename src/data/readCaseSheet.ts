import { InputError } from "../validation/InputError.js";
import { messages } from "../validation/messages.js";
import { type CaseSummary, type ReadCasesOptions, readCaseRecords } from "./readCases.js";

/** A cell as read-excel-file gives it. */
type Cell = string | number | boolean | Date | null;

/**
 * Reads the case rows of an Excel workbook (`.xlsx`): the first sheet, or the sheet named or numbered
 * (from 1) by `sheet`, with the same columns, checks and totals as a CSV case file ({@link readCases}).
 * Rejected rows are reported by their sheet row number. A date cell counts on its calendar day as the
 * workbook shows it (Excel stores no time zone); a text cell is read as a CSV field would be.
 *
 * Read through read-excel-file (maintained, MIT, no native code), loaded only when a workbook is read
 * so that the command line's start-up does not pay for it. The workbook is read whole: a sheet holds at
 * most 1,048,576 rows.
 *
 * @param workbook - the file's bytes
 * @throws {InputError} naming `cases` for a file that is not an .xlsx workbook (a legacy .xls included),
 *   a sheet that does not exist or cannot be read, or a workbook with no sheets (listing the sheets there
 *   are), or the errors of {@link readCases}
 * @example
 * // With a workbook's bytes, e.g. readFileSync("cases.xlsx"): readCaseSheet(bytes, { sheet: "2023" }).
 * // Bytes that are not a workbook are refused, naming the case file:
 * await readCaseSheet(new TextEncoder().encode("id,date\n")).catch((error) => error.field); // "cases"
 */
export async function readCaseSheet(
  workbook: Uint8Array,
  options: ReadCasesOptions & { readonly sheet?: string | number } = {},
): Promise<CaseSummary> {
  return readCaseRecords(await sheetRecords(workbook, options.sheet), options, "row");
}

/**
 * The records of a workbook's sheet (the first, or `sheet` by name or number from 1), as
 * {@link readCaseRecords} takes them: each non-empty row's cells as text, with its sheet row.
 *
 * @throws {InputError} as {@link readCaseSheet}, for the workbook and the sheet
 */
export async function sheetRecords(
  workbook: Uint8Array,
  sheet?: string | number,
): Promise<(onRecord: (fields: string[], row: number) => void) => Promise<void>> {
  const { readSheet } = await import("read-excel-file/node");
  let rows: Cell[][];
  try {
    rows = (await readSheet(Buffer.from(workbook), sheet ?? 1)) as Cell[][];
  } catch (error) {
    const e = error as { name?: string; code?: string; sheets?: string[] };
    if (e.name === "SheetNotFoundError")
      throw new InputError(
        "cases",
        sheet === undefined ? messages.noSheets() : messages.sheetNotFound(String(sheet), e.sheets ?? []),
      );
    if (e.name === "InvalidInputError")
      throw new InputError("cases", messages.notAWorkbook(e.code === "XLS_FILE_NOT_SUPPORTED"));
    // A workbook that lists its sheets, but whose sheet is missing (read-excel-file then fails with a
    // TypeError when the sheet's relationship is missing) or malformed: name the sheet and list those there are.
    if (e.name === "InvalidSpreadsheetError" || error instanceof TypeError) {
      const sheets = await sheetNames(readSheet, workbook);
      if (sheets === undefined) throw new InputError("cases", messages.notAWorkbook(false));
      throw new InputError(
        "cases",
        messages.sheetUnreadable(sheet === undefined ? undefined : String(sheet), sheets),
      );
    }
    throw error;
  }
  return async (onRecord) => {
    rows.forEach((row, i) => {
      // An empty row of a sheet (every cell blank) is layout, not a case.
      if (row.every((cell) => cell === null || cell === "")) return;
      onRecord(row.map(cellText), i + 1);
    });
  };
}

/**
 * The names of a workbook's sheets, or undefined when even its list of sheets cannot be read: asking for a
 * sheet beyond any workbook's makes read-excel-file list them (in its SheetNotFoundError) without reading
 * any sheet's cells.
 */
async function sheetNames(
  readSheet: (input: Buffer, sheet: number) => Promise<unknown>,
  workbook: Uint8Array,
): Promise<string[] | undefined> {
  try {
    await readSheet(Buffer.from(workbook), Number.MAX_SAFE_INTEGER);
  } catch (error) {
    const e = error as { name?: string; sheets?: string[] };
    if (e.name === "SheetNotFoundError") return e.sheets ?? [];
  }
  return undefined;
}

/** A cell as the text a CSV field would hold: a date as YYYY-MM-DD (with its time, when it has one). */
function cellText(cell: Cell): string {
  if (cell === null) return "";
  if (cell instanceof Date) {
    const iso = cell.toISOString();
    return iso.endsWith("T00:00:00.000Z") ? iso.slice(0, 10) : iso.slice(0, 19);
  }
  return String(cell);
}
