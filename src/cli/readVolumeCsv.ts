import { parse } from "csv-parse/sync";
import { InputError } from "../validation/InputError.js";
import { messages } from "../validation/messages.js";
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
      messages.notValidCsv(path, line, (error as Error).message.split(":")[0] ?? ""),
    );
  }
  const first = records[0]?.record;
  if (!first || !("period" in first) || !("cases" in first)) {
    throw new InputError(flag, messages.volumeHeader(path));
  }
  const problems: string[] = [];
  const rows = records.map(({ record, info }) => {
    const cases = Number(record.cases);
    if (!/^\d+$/.test(record.cases ?? "") || !Number.isSafeInteger(cases)) {
      problems.push(messages.volumeCasesNotWhole(info.lines, record.cases ?? ""));
    }
    if (!record.period) problems.push(messages.volumePeriodEmpty(info.lines));
    return { period: record.period ?? "", cases, line: info.lines };
  });
  if (problems.length > 0) {
    throw new InputError(
      flag,
      messages.volumeBadRows(
        path,
        problems.length,
        problems.slice(0, MAX_LISTED),
        Math.max(0, problems.length - MAX_LISTED),
      ),
    );
  }
  if (rows.length === 0) throw new InputError(flag, messages.volumeNoRows(path));
  return rows;
}
