import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import type { ArgumentsCamelCase } from "yargs";
import type { CaseColumns, CaseSummary } from "../data/readCases.js";
import type { DayInterval } from "../scenario/calendar.js";
import { formatDecimal } from "../text/formatDecimal.js";
import { InputError, isInputError } from "../validation/InputError.js";
import { asReadError } from "./fileErrors.js";
import { single } from "./flags.js";

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

/**
 * Streams a case file through readCases. Rejected rows fail the command (listing the first ones with
 * their lines and the count) unless `skipInvalid`; errors name the flag and the file.
 */
export async function readCaseFile(
  flag: string,
  path: string,
  options: {
    readonly columns: Partial<CaseColumns>;
    readonly span?: DayInterval;
    readonly skipInvalid: boolean;
    readonly onCase?: (id: string, day: number, line: number) => void;
  },
): Promise<CaseSummary> {
  const { readCases } = await import("../data/readCases.js");
  const stream = createReadStream(path, { highWaterMark: 1 << 20 });
  let summary: CaseSummary;
  try {
    summary = await readCases(stream, {
      columns: options.columns,
      ...(options.span ? { span: options.span } : {}),
      ...(options.onCase ? { onCase: options.onCase } : {}),
    });
  } catch (error) {
    if (isInputError(error)) throw new InputError(`${flag} ${path}`, error.detail);
    throw asReadError(flag, path, error);
  }
  if (summary.rowsRejected > 0 && !options.skipInvalid) {
    const listed = summary.rejected.slice(0, LISTED).map((r) => `line ${r.line}: ${r.reason}`);
    const more = summary.rowsRejected > LISTED ? `; and ${summary.rowsRejected - LISTED} more` : "";
    throw new InputError(
      flag,
      `${path}: ${summary.rowsRejected} of ${summary.rowsRead} rows rejected (give --skip-invalid to leave them out): ${listed.join("; ")}${more}`,
    );
  }
  return summary;
}

/** One line saying what was read: rows read, used and rejected, with the first rejected rows. */
export function caseFileNote(path: string, summary: CaseSummary): string {
  const base = `Case file ${path}: ${formatDecimal(summary.rowsRead)} rows read, ${formatDecimal(summary.rowsUsed)} used, ${formatDecimal(summary.rowsRejected)} rejected`;
  if (summary.rowsRejected === 0) return `${base}.`;
  return `${base} (left out with --skip-invalid): ${summary.rejected
    .slice(0, LISTED)
    .map((r) => `line ${r.line}: ${r.reason}`)
    .join("; ")}${summary.rowsRejected > LISTED ? "; …" : ""}.`;
}

/** SHA-256 of a file, streamed, as hex. */
export async function sha256File(path: string): Promise<string> {
  const hash = createHash("sha256");
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest("hex");
}
