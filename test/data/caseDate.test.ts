import { describe, expect, it } from "vitest";
import { caseDay } from "../../src/data/caseDate.js";
import { messages } from "../../src/validation/messages.js";

// Day numbers from Python: (datetime.date(y, m, d) - datetime.date(1970, 1, 1)).days.
const JAN_3_2022 = 18995;
const MAR_1_2022 = 19052;
const FEB_29_2024 = 19782;
const DEC_25_2022 = 19351;

describe("caseDay(text, format)", () => {
  it.each([
    ["2022-01-03", JAN_3_2022],
    [" 2022-01-03 ", JAN_3_2022],
    ["2022-03", MAR_1_2022],
    ["2022-01-03T10:30:00Z", JAN_3_2022],
    ["2022-01-03 10:30:00", JAN_3_2022],
    ["2022-01-03T10:30", JAN_3_2022],
    ["2022-01-03T10:30:00.123+01:00", JAN_3_2022],
    // The calendar day written, whatever the zone: 23:30 at UTC−5 is 4 January in UTC, but 3 January here.
    ["2022-01-03T23:30:00-05:00", JAN_3_2022],
    ["2022-01-03T00:30:00+0900", JAN_3_2022],
    ["2024-02-29T12:00:00Z", FEB_29_2024],
  ])("reads %j as its calendar day", (text, day) => {
    expect(caseDay(text)).toBe(day);
  });

  it.each([
    ["03/01/2022", "dmy", JAN_3_2022],
    ["3.1.2022", "dmy", JAN_3_2022],
    ["01/03/2022", "mdy", JAN_3_2022],
    ["1-3-2022 08:00", "mdy", JAN_3_2022],
    ["25/12/2022", "dmy", DEC_25_2022],
    ["12/25/2022", "mdy", DEC_25_2022],
    ["2022-01-03", "dmy", JAN_3_2022],
  ] as const)("reads %j with %s", (text, format, day) => {
    expect(caseDay(text, format)).toBe(day);
  });

  it("never guesses day and month: refuses them without a format, naming the flag", () => {
    expect(caseDay("03/01/2022")).toBe(messages.caseDateAmbiguous("03/01/2022", ["dmy", "mdy"]));
    expect(caseDay("03/01/2022")).toContain("give --date-format dmy or --date-format mdy");
    expect(caseDay("25/12/2022")).toBe(messages.caseDateAmbiguous("25/12/2022", ["dmy"]));
    expect(caseDay("25/12/2022")).toContain("reads only as day/month/year; give --date-format dmy");
    expect(caseDay("12/25/2022")).toContain("give --date-format mdy");
  });

  it("refuses impossible dates, times and zones, and other shapes", () => {
    expect(caseDay("31/02/2022", "dmy")).toBe('date is not a calendar date: "31/02/2022"');
    expect(caseDay("12/25/2022", "dmy")).toBe('date has no month 25: "12/25/2022"');
    expect(caseDay("2022-01-03T24:00:00Z")).toBe(messages.caseDateTime("2022-01-03T24:00:00Z", "time"));
    expect(caseDay("2022-01-03T10:00:00+15:00")).toBe(
      messages.caseDateTime("2022-01-03T10:00:00+15:00", "zone"),
    );
    expect(caseDay("3 Jan 2022")).toBe(messages.caseDateFormat("3 Jan 2022", undefined));
    expect(caseDay("20220103", "dmy")).toBe(messages.caseDateFormat("20220103", "dmy"));
  });
});
