import { parse } from "csv-parse/sync";
import { InputError } from "../validation/InputError.js";
import { readText } from "./readScenarioFile.js";

const MAX_LISTED = 10;

/**
 * Reads a volume profile: a CSV with a header `period,cases`, one period (YYYY-MM or start/end) per row.
 * Every bad row is reported with its line number; nothing is dropped silently. Dates are checked when
 * the scenario is validated (a bad period is then reported as volume[i].period with its line here).
 */
export function readVolumeCsv(flag: string, path: string): { period: string; cases: number; line: number }[] {
  const text = readText(flag, path);
  let records: { record: Record<string, string>; info: { lines: number } }[];
  try {
    records = parse(text, {
      columns: true,
      bom: true,
      skip_empty_lines: true,
      trim: true,
      info: true,
    }) as never;
  } catch (error) {
    const line = (error as { lines?: number }).lines;
    throw new InputError(
      flag,
      `${path}${line ? ` line ${line}` : ""}: not valid CSV (${(error as Error).message.split(":")[0]})`,
    );
  }
  const first = records[0]?.record;
  if (!first || !("period" in first) || !("cases" in first)) {
    throw new InputError(flag, `${path}: needs a header row with columns period and cases`);
  }
  const problems: string[] = [];
  const rows = records.map(({ record, info }) => {
    const cases = Number(record.cases);
    if (!/^\d+$/.test(record.cases ?? "") || !Number.isSafeInteger(cases)) {
      problems.push(
        `line ${info.lines}: cases must be a whole number of 0 or more; got "${record.cases ?? ""}"`,
      );
    }
    if (!record.period) problems.push(`line ${info.lines}: period is empty`);
    return { period: record.period ?? "", cases, line: info.lines };
  });
  if (problems.length > 0) {
    const more = problems.length > MAX_LISTED ? `; and ${problems.length - MAX_LISTED} more` : "";
    throw new InputError(
      flag,
      `${path} has ${problems.length} bad row${problems.length > 1 ? "s" : ""}: ${problems.slice(0, MAX_LISTED).join("; ")}${more}`,
    );
  }
  if (rows.length === 0) throw new InputError(flag, `${path}: has no rows`);
  return rows;
}
