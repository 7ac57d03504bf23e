import { describe, expect, it } from "vitest";
import { calendarPeriods, formatInterval, parseInterval } from "../../src/scenario/calendar.js";

// Day numbers since 1970-01-01 from Python's datetime (proleptic Gregorian calendar):
// (date(50, 1, 1) - date(1970, 1, 1)).days and so on.
describe("parseInterval(field, text) in the years 0000–0099", () => {
  it("parseInterval('span', '0050-01-01/0050-12-31') is year 50, not 1950", () => {
    const span = parseInterval("span", "0050-01-01/0050-12-31");
    expect(span).toEqual({ start: -701265, end: -700901 });
    expect(formatInterval(span)).toBe("0050-01-01/0050-12-31");
  });

  it("parseInterval('span', '0099-12-01/0100-01-31') crosses into year 100", () => {
    expect(parseInterval("span", "0099-12-01/0100-01-31")).toEqual({ start: -683034, end: -682973 });
  });

  it("parseInterval('span', '0004-02') has a 29 February (year 4 is a leap year)", () => {
    expect(parseInterval("span", "0004-02").end).toBe(-718008);
  });

  it("calendarPeriods of year 50 by month labels 0050-01 to 0050-12", () => {
    const periods = calendarPeriods(parseInterval("span", "0050-01-01/0050-12-31"), "month");
    expect(periods.map((p) => p.label)).toEqual(
      Array.from({ length: 12 }, (_, i) => `0050-${String(i + 1).padStart(2, "0")}`),
    );
    expect(periods[0]?.interval).toEqual({ start: -701265, end: -701235 });
  });
});
