import { InputError } from "../validation/InputError.js";
import { messages } from "../validation/messages.js";

/** A closed interval of whole UTC days, as day numbers since 1970-01-01 (both ends included). */
export interface DayInterval {
  readonly start: number;
  readonly end: number;
}

const DAY_MS = 86_400_000;

/**
 * The UTC day number of a calendar date (month 0–11; day 0 is the last day of the month before).
 * `setUTCFullYear`, unlike `Date.UTC`, takes years 0–99 as they are instead of as 1900–1999.
 */
function utcDay(year: number, monthIndex: number, day: number): number {
  const date = new Date(0);
  date.setUTCFullYear(year, monthIndex, day);
  return date.getTime() / DAY_MS;
}
const DATE = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/;

/**
 * Reads `YYYY-MM-DD` or `YYYY-MM` as a UTC day number. A month alone means its first day as a start and
 * its last day as an end. Impossible dates (2023-02-30) are refused, not rolled over: the result is then
 * the detail of the refusal (the words after the field's name).
 */
export function readDay(text: string, as: "start" | "end"): { day: number } | { problem: string } {
  const match = DATE.exec(text.trim());
  if (!match) return { problem: messages.dateShape(text) };
  const year = Number(match[1]);
  const month = Number(match[2]);
  if (month < 1 || month > 12) return { problem: messages.noSuchMonth(match[2] as string, text) };
  const last = new Date(utcDay(year, month, 0) * DAY_MS).getUTCDate();
  const day = match[3] === undefined ? (as === "start" ? 1 : last) : Number(match[3]);
  if (day < 1 || day > last) return { problem: messages.notACalendarDate(text) };
  return { day: utcDay(year, month - 1, day) };
}

/** {@link readDay}, throwing its refusal as an {@link InputError} naming `field`. */
export function parseDay(field: string, text: string, as: "start" | "end"): number {
  const read = readDay(text, as);
  if ("problem" in read) throw new InputError(field, read.problem);
  return read.day;
}

/**
 * Reads `start/end` (both ends included); a single month `YYYY-MM` means that whole month. A text that
 * names no interval gives the detail of the refusal instead.
 */
export function readInterval(text: string): { interval: DayInterval } | { problem: string } {
  const parts = text.split("/");
  const [first, second] = parts.length === 1 && /^\d{4}-\d{2}$/.test(text.trim()) ? [text, text] : parts;
  if (parts.length > 2 || first === undefined || second === undefined) {
    return { problem: messages.intervalParts(text) };
  }
  const start = readDay(first, "start");
  if ("problem" in start) return start;
  const end = readDay(second, "end");
  if ("problem" in end) return end;
  if (end.day < start.day) return { problem: messages.intervalBackwards(text) };
  return { interval: { start: start.day, end: end.day } };
}

/** {@link readInterval}, throwing its refusal as an {@link InputError} naming `field`. */
export function parseInterval(field: string, text: string): DayInterval {
  if (typeof text !== "string") throw new InputError(field, messages.intervalNotText(typeof text));
  const read = readInterval(text);
  if ("problem" in read) throw new InputError(field, read.problem);
  return read.interval;
}

/** Days in an interval, both ends included. */
export function daysIn(interval: DayInterval): number {
  return interval.end - interval.start + 1;
}

/** A day number as `YYYY-MM-DD`. */
export function formatDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** `YYYY-MM-DD/YYYY-MM-DD`. */
export function formatInterval(interval: DayInterval): string {
  return `${formatDay(interval.start)}/${formatDay(interval.end)}`;
}

/** Days two intervals share. */
export function overlapDays(a: DayInterval, b: DayInterval): number {
  return Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start) + 1);
}

/** The parts of `span` not covered by any of `covered` (which must lie within it), in order. */
export function uncovered(span: DayInterval, covered: readonly DayInterval[]): DayInterval[] {
  const sorted = [...covered].sort((a, b) => a.start - b.start);
  const gaps: DayInterval[] = [];
  let next = span.start;
  for (const part of sorted) {
    if (part.start > next) gaps.push({ start: next, end: part.start - 1 });
    next = Math.max(next, part.end + 1);
  }
  if (next <= span.end) gaps.push({ start: next, end: span.end });
  return gaps;
}

export const STRATA = ["month", "quarter", "year"] as const;
export type Stratum = (typeof STRATA)[number];

/** Splits a span into calendar months, quarters or years (the first and last clipped to the span). */
export function calendarPeriods(span: DayInterval, by: Stratum): { label: string; interval: DayInterval }[] {
  const periods: { label: string; interval: DayInterval }[] = [];
  const months = by === "month" ? 1 : by === "quarter" ? 3 : 12;
  const first = new Date(span.start * DAY_MS);
  let year = first.getUTCFullYear();
  let month = Math.floor(first.getUTCMonth() / months) * months;
  for (;;) {
    const start = utcDay(year, month, 1);
    if (start > span.end) break;
    const end = utcDay(year, month + months, 0);
    const yearText = String(year).padStart(4, "0");
    const label =
      by === "year"
        ? yearText
        : by === "quarter"
          ? `${yearText}-Q${month / 3 + 1}`
          : `${yearText}-${String(month + 1).padStart(2, "0")}`;
    periods.push({ label, interval: { start: Math.max(start, span.start), end: Math.min(end, span.end) } });
    month += months;
    if (month >= 12) {
      year += Math.floor(month / 12);
      month %= 12;
    }
  }
  return periods;
}
