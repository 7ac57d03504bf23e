import { parseDay } from "../scenario/calendar.js";
import { isInputError } from "../validation/InputError.js";
import { messages } from "../validation/messages.js";

/** How a case file writes day and month when they are separated by `/`, `.` or `-` before the year. */
export const DATE_FORMATS = ["dmy", "mdy"] as const;
export type DateFormat = (typeof DATE_FORMATS)[number];

// YYYY-MM-DD with an optional time (T or a blank) and zone (Z or ±hh:mm, ±hhmm, ±hh).
const ISO =
  /^(\d{4}-\d{2}(?:-\d{2})?)(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?(Z|[+-]\d{2}(?::?\d{2})?)?)?$/;
// D/M/YYYY or M/D/YYYY (also with . or -), with an optional time as above.
const DAY_FIRST_OR_MONTH_FIRST =
  /^(\d{1,2})([/.-])(\d{1,2})\2(\d{4})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?(Z|[+-]\d{2}(?::?\d{2})?)?)?$/;

/**
 * The UTC day number of a case's date, as a case file writes it.
 *
 * Accepted: `YYYY-MM-DD`, `YYYY-MM` (the month's first day), an ISO timestamp with a time and an optional
 * zone (`2022-01-03T10:30:00Z`, `2022-01-03 10:30:00`, `2022-01-03T23:30:00-05:00`), and with
 * `format` `dmy` or `mdy` day and month first (`03/01/2022`, `3.1.2022`), also with a time. A timestamp
 * counts on the calendar day written in it, whatever its zone: `2022-01-03T23:30:00-05:00` is 3 January
 * (the day the recording office saw), not 4 January in UTC; the time and zone are checked, not used.
 * Dates with day and month first are never guessed: without `format` they are refused, saying which
 * format the date could be.
 *
 * @param text - the date as written
 * @param format - `dmy` or `mdy` for dates with day and month first
 * @returns the day number, or the reason the date is refused (for a rejected row)
 * @example
 * caseDay("2022-01-03T23:30:00-05:00"); // 18995 (2022-01-03)
 * caseDay("03/01/2022", "dmy"); // 18995
 */
export function caseDay(text: string, format?: DateFormat): number | string {
  const trimmed = text.trim();
  const iso = ISO.exec(trimmed);
  if (iso) {
    const time = checkTime(iso[2], iso[3], iso[4], iso[5]);
    if (time !== undefined) return messages.caseDateTime(text, time);
    return day(iso[1] as string, text);
  }
  const dm = DAY_FIRST_OR_MONTH_FIRST.exec(trimmed);
  if (dm) {
    const first = Number(dm[1]);
    const second = Number(dm[3]);
    if (format === undefined) {
      const readings = [first <= 12 && second <= 31 ? "mdy" : "", first <= 31 && second <= 12 ? "dmy" : ""]
        .filter((x) => x !== "")
        .reverse();
      return messages.caseDateAmbiguous(text, readings);
    }
    const time = checkTime(dm[5], dm[6], dm[7], dm[8]);
    if (time !== undefined) return messages.caseDateTime(text, time);
    const [d, m] = format === "dmy" ? [first, second] : [second, first];
    return day(`${dm[4]}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`, text);
  }
  return messages.caseDateFormat(text, format);
}

function day(iso: string, text: string): number | string {
  try {
    return parseDay("date", iso, "start");
  } catch (error) {
    if (isInputError(error)) return `date ${error.detail.replace(`"${iso}"`, `"${text}"`)}`;
    throw error;
  }
}

/** The reason a time or zone is impossible, or undefined. */
function checkTime(
  hours: string | undefined,
  minutes: string | undefined,
  seconds: string | undefined,
  zone: string | undefined,
): string | undefined {
  if (hours === undefined) return undefined;
  if (Number(hours) > 23 || Number(minutes) > 59 || Number(seconds ?? 0) > 59) return "time";
  if (zone !== undefined && zone !== "Z") {
    const digits = zone.slice(1).replace(":", "");
    const offset = Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2) || 0);
    if (offset > 14 * 60 || Number(digits.slice(2) || 0) > 59) return "zone";
  }
  return undefined;
}
