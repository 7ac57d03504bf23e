import type { Argv } from "yargs";

/** Options naming the case file's columns, shared by assess, appraise and select. */
export function caseColumnOptions(yargs: Argv): Argv {
  return yargs
    .option("id-column", {
      type: "string",
      describe: "Case file column with the case id [default: id]",
      requiresArg: true,
    })
    .option("date-column", {
      type: "string",
      describe:
        "Column with the case date: YYYY-MM-DD, YYYY-MM or an ISO timestamp (see --date-format) [default: date]",
      requiresArg: true,
    })
    .option("flagged-column", {
      type: "string",
      describe: "Column saying whether the case was flagged [default: flagged; optional]",
      requiresArg: true,
    })
    .option("reviewed-column", {
      type: "string",
      describe: "Column saying whether it was reviewed [default: reviewed]",
      requiresArg: true,
    })
    .option("impact-column", {
      type: "string",
      describe: "Column saying whether the review found impact [default: impact]",
      requiresArg: true,
    })
    .option("date-format", {
      type: "string",
      describe:
        "Case file dates with day and month first: dmy (DD/MM/YYYY) or mdy (MM/DD/YYYY); never guessed [default: ISO dates and timestamps only]",
      requiresArg: true,
    })
    .option("delimiter", {
      type: "string",
      describe: 'Case file field separator: ",", ";", tab or "|" [default: detected from the header]',
      requiresArg: true,
    })
    .option("sheet", {
      type: "string",
      describe: "Sheet of an .xlsx case file, by name or number from 1 [default: the first]",
      requiresArg: true,
    })
    .option("skip-invalid", {
      type: "boolean",
      describe: "Leave out rejected rows (they are still reported) instead of failing",
    });
}
