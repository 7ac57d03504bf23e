import type { ArgumentsCamelCase, Argv } from "yargs";
import type { StratifiedAppraisal } from "../../planning/appraiseStrata.js";
import type { Stratum } from "../../scenario/calendar.js";
import { InputError, isInputError } from "../../validation/InputError.js";
import { messages } from "../../validation/messages.js";
import { parseNumberText } from "../../validation/parseNumber.js";
import { appraiseTwoStageHandler, twoStageOptions } from "../appraiseTwoStage.js";
import type { Command } from "../Command.js";
import { caseColumnOptions } from "../caseColumnOptions.js";
import { caseFileArgument } from "../caseFileArgument.js";
import { confidenceOption, formatOption, sidedOption } from "../commonOptions.js";
import { flagName, parseNumber, single } from "../flags.js";
import type { Io } from "../Io.js";
import { writeResult } from "../writeResult.js";

const STRATUM = /^(?:(.+):)?([^,:]+),([^,]+),([^,]+)$/;

/** `adequacy appraise`: stratified attribute appraisal, from flags or a case file. */
export function appraiseCommand(io: Io): Command {
  return {
    command: "appraise",
    repeatable: ["stratum", "unit"],
    describe:
      "Stratified attribute appraisal: exact bounds per stratum and a combined projection (normal and exact)",
    builder: (yargs: Argv) =>
      twoStageOptions(caseColumnOptions(yargs))
        .option("stratum", {
          type: "string",
          describe: "A stratum as N,n,found or LABEL:N,n,found; repeat for each",
          requiresArg: true,
        })
        .option("case-file", {
          type: "string",
          describe:
            "A file of cases, one row per case (instead of --stratum): CSV (any separator), .xlsx, or - for standard input",
          requiresArg: true,
        })
        .option("cases", {
          type: "string",
          describe: "The case file, as --case-file (the earlier spelling, still read)",
          requiresArg: true,
        })
        .option("stratify", {
          type: "string",
          choices: ["month", "quarter", "year"],
          default: "quarter",
          describe: "With --case-file: the strata (each period's months with a reviewed case)",
          requiresArg: true,
        })
        .option("span", {
          type: "string",
          describe: "With --case-file: rows outside start/end are rejected",
          requiresArg: true,
        })
        .option("confidence", confidenceOption)
        .option("sided", { ...sidedOption, describe: `${sidedOption.describe} [default: two]` })
        .option("format", formatOption)
        .example(
          "$0 appraise --stratum 1000,100,2 --stratum 1500,100,6 --confidence 0.90",
          "RAT-STATS' example: projected 110, 90% limits 49 to 171 (normal)",
        )
        .example(
          "$0 appraise --primary-units 90 --universe 4500 --unit 50,10,4 --unit 45,9,2 --unit 52,10,5",
          "Two-stage: units (courts) drawn at random, then cases within them (RAT-STATS' estimators)",
        )
        .example(
          "$0 appraise --case-file cases.csv --stratify quarter",
          "Strata from a case file: flagged cases reviewed per quarter, in the months reviewed",
        ),
    handler: async (argv: ArgumentsCamelCase) => {
      const confidence = parseNumber("--confidence", argv.confidence, true);
      const notes: string[] = [];
      const sidedGiven = single("--sided", argv.sided) as "two" | "upper" | undefined;
      const sided = sidedGiven ?? "two";
      if (sidedGiven === undefined) notes.push(messages.sidedDefault("appraise"));
      if (argv.unit !== undefined) return appraiseTwoStageHandler(io, argv, sided, confidence, notes);
      for (const key of ["primaryUnits", "universe"] as const)
        if (argv[key] !== undefined) throw new InputError(flagName(key), messages.onlyWith("--unit"));
      const given =
        argv.stratum === undefined
          ? []
          : (Array.isArray(argv.stratum) ? argv.stratum : [argv.stratum]).map(String);
      const caseFile = caseFileArgument(argv, "appraise");
      if (given.length > 0 && caseFile !== undefined)
        throw new InputError("--stratum", messages.exclusive(caseFile.flag));
      if (caseFile?.noted) io.err(`adequacy: note: ${messages.casesFileFlag()}\n`);
      let result: StratifiedAppraisal;
      if (caseFile !== undefined) {
        const [{ parseInterval }, { caseColumns, caseFileFormat, readCaseFile }, { appraiseCases }] =
          await Promise.all([
            import("../../scenario/calendar.js"),
            import("../caseFile.js"),
            import("../../planning/appraiseCases.js"),
          ]);
        const spanText = single("--span", argv.span);
        const summary = await readCaseFile(caseFile.flag, caseFile.path, {
          format: caseFileFormat(argv),
          columns: caseColumns(argv),
          ...(spanText === undefined ? {} : { span: parseInterval("--span", spanText) }),
          skipInvalid: Boolean(argv.skipInvalid),
        });
        try {
          result = appraiseCases(summary, {
            stratify: single("--stratify", argv.stratify) as Stratum,
            sided,
            ...(confidence === undefined ? {} : { confidence }),
          });
        } catch (error) {
          if (isInputError(error) && error.field === "cases")
            throw new InputError(`${caseFile.flag} ${caseFile.path}`, error.detail);
          throw error;
        }
      } else {
        if (given.length === 0) throw new InputError("--stratum", messages.requiredOr("--case-file FILE"));
        const strata = given.map((text) => {
          const match = STRATUM.exec(text.trim());
          if (!match) throw new InputError("--stratum", messages.stratumShape(text));
          // The three numbers' groups are not optional: a match always has them (the "" only satisfies the type).
          const [, label, N = "", n = "", k = ""] = match;
          return {
            ...(label === undefined ? {} : { label }),
            population: parseNumberText("--stratum", N),
            sample: parseNumberText("--stratum", n),
            found: parseNumberText("--stratum", k),
          };
        });
        const { appraiseStrata } = await import("../../planning/appraiseStrata.js");
        try {
          result = appraiseStrata({ strata, sided, ...(confidence === undefined ? {} : { confidence }) });
        } catch (error) {
          if (isInputError(error) && error.field === "strata")
            throw new InputError("--stratum", error.detail);
          if (isInputError(error)) {
            const i = /^strata\[(\d+)\]\.(\w+)$/.exec(error.field);
            if (i)
              throw new InputError(
                `--stratum (${Number(i[1]) + 1})`,
                `${i[2]} ${error.detail.replace(/strata\[\d+\]\./g, "")}`,
              );
          }
          throw error;
        }
      }
      const { appraisalBriefing } = await import("../../report/appraisalBriefing.js");
      writeResult(
        io,
        result,
        (r) => {
          const parts = appraisalBriefing(r);
          return notes.length > 0 ? [...parts, { title: "Notes", rows: [], notes }] : parts;
        },
        argv.format,
      );
    },
  };
}
