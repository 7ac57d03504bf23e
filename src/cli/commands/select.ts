import type { ArgumentsCamelCase, Argv, CommandModule } from "yargs";
import type { CaseFrame } from "../../planning/caseFrame.js";
import type { Allocation } from "../../planning/drawSample.js";
import { DEFAULT_GENERATOR, GENERATORS, type GeneratorId } from "../../planning/random/generatorIds.js";
import type { CaseSelection } from "../../planning/selectCases.js";
import type { Stratum } from "../../scenario/calendar.js";
import { requireCount } from "../../validation/checks.js";
import { InputError, isInputError } from "../../validation/InputError.js";
import { messages } from "../../validation/messages.js";
import { parseNumberText } from "../../validation/parseNumber.js";
import { caseColumnOptions } from "../caseColumnOptions.js";
import { caseFileArgument } from "../caseFileArgument.js";
import { bundleOptions, numberOption } from "../commonOptions.js";
import { parseNumber, single } from "../flags.js";
import { generatedSeed } from "../generatedSeed.js";
import type { Io } from "../Io.js";
import { writeFileAtomic } from "../writeFileAtomic.js";

/** `adequacy select`: a reproducible random selection from a case file or a frame of N. */
export function selectCommand(io: Io, args: readonly string[]): CommandModule {
  return {
    command: "select",
    describe:
      "Draw a reproducible random sample (simple or stratified, with spares) from a case file or a frame of N",
    builder: (yargs: Argv) =>
      caseColumnOptions(yargs)
        .option("case-file", {
          type: "string",
          describe:
            "A file of cases to draw from, one row per case: CSV (any separator), .xlsx, or - for standard input",
          requiresArg: true,
        })
        .option("cases", {
          type: "string",
          describe: "The case file, as --case-file (the earlier spelling, still read)",
          requiresArg: true,
        })
        .option("frame", numberOption("Draw from cases numbered 1 to N instead of a file"))
        .option(
          "low",
          numberOption(
            "With --high: draw from the numbers --low to --high (RAT-STATS' low and high numbers)",
          ),
        )
        .option("high", numberOption("With --low: the highest number of the frame"))
        .option(
          "size",
          numberOption(
            "Cases to draw (the sample), allocated over the strata; at most 25,000,000 with the spares, and sha256 and rat-stats refuse a selection expected to need more than 12,000,000 and 30,000,000 draws (repeats redrawn): use xoroshiro for a near-census of a large frame",
          ),
        )
        .option("sizes", {
          type: "string",
          describe: "Sample per stratum instead of --size: LABEL=n,LABEL=n…",
          requiresArg: true,
        })
        .option("generator", {
          type: "string",
          choices: [...GENERATORS],
          default: DEFAULT_GENERATOR,
          describe:
            "sha256: Rivest's sampler, re-derivable in any language; rat-stats: RAT-STATS' numbers; xoroshiro: xoroshiro128+ seeded by splitmix64; xoroshiro-unmixed: as versions up to 0.1.0",
          requiresArg: true,
        })
        .option("seed", {
          type: "string",
          describe:
            "Seed: text for sha256 (e.g. 24 dice digits), a number for rat-stats (e.g. 48863.78), a whole number for xoroshiro [default: generated and printed]",
          requiresArg: true,
        })
        .option("stratify", {
          type: "string",
          choices: ["month", "quarter", "year"],
          describe: "With --case-file: draw within each period",
          requiresArg: true,
        })
        .option("allocation", {
          type: "string",
          choices: ["proportional", "equal"],
          default: "proportional",
          describe: "How --size is shared between strata",
          requiresArg: true,
        })
        .option(
          "spares",
          numberOption(
            "Extra draws per stratum, in order, to replace cases that cannot be reviewed [default: 0]",
          ),
        )
        .option("span", {
          type: "string",
          describe: "With --case-file: rows outside start/end are rejected",
          requiresArg: true,
        })
        .option("bundle", bundleOptions.bundle)
        .option("bundle-cases", bundleOptions["bundle-cases"])
        .option("out", {
          type: "string",
          describe: "CSV file to write [default: standard output]",
          requiresArg: true,
        })
        .example(
          "$0 select --frame 10000 --size 50 --seed 718281828459045235360287",
          "50 of cases 1 to 10,000",
        )
        .example(
          "$0 select --generator rat-stats --seed 48863.78 --frame 1000 --size 10 --spares 4",
          "RAT-STATS' single-stage random numbers",
        )
        .example(
          "$0 select --case-file cases.csv --size 200 --seed 7 --stratify quarter --spares 5 --out sample.csv",
          "Stratified by quarter with 5 spares each",
        ),
    handler: async (argv: ArgumentsCamelCase) => {
      const caseFile = caseFileArgument(argv, "select");
      const file = caseFile?.path;
      const fileFlag = caseFile?.flag ?? "--case-file";
      const frameGiven = parseNumber("--frame", argv.frame);
      const lowGiven = parseNumber("--low", argv.low);
      const highGiven = parseNumber("--high", argv.high);
      if (file !== undefined && frameGiven !== undefined)
        throw new InputError(fileFlag, messages.exclusive("--frame"));
      if ((lowGiven === undefined) !== (highGiven === undefined))
        throw new InputError(
          lowGiven === undefined ? "--high" : "--low",
          messages.needs(lowGiven === undefined ? "--low" : "--high"),
        );
      if (lowGiven !== undefined && (file !== undefined || frameGiven !== undefined))
        throw new InputError("--low", messages.exclusive(file !== undefined ? fileFlag : "--frame"));
      if (file === undefined && frameGiven === undefined && lowGiven === undefined)
        throw new InputError(
          "--case-file",
          messages.needsOneOf(["--case-file FILE", "--frame N", "--low and --high"]),
        );
      if (caseFile?.noted) io.err(`adequacy: note: ${messages.casesFileFlag()}\n`);
      // A numbered frame: RAT-STATS' low and high numbers, or 1 to --frame.
      const low =
        lowGiven === undefined
          ? 1
          : requireCount("--low", lowGiven, -Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER);
      const high =
        frameGiven !== undefined
          ? requireCount("--frame", frameGiven, 1)
          : highGiven !== undefined
            ? requireCount(
                "--high",
                highGiven,
                low,
                Math.min(Number.MAX_SAFE_INTEGER, low + Number.MAX_SAFE_INTEGER - 1),
                "--low plus 2^53 − 2",
              )
            : undefined;
      const stratify = single("--stratify", argv.stratify) as Stratum | undefined;
      if (stratify !== undefined && file === undefined)
        throw new InputError("--stratify", messages.stratifyNeedsCaseFile());
      const generator = single("--generator", argv.generator) as GeneratorId;
      const seedGiven = single("--seed", argv.seed);
      const seed = seedGiven ?? (await generatedSeed(generator));
      const spares = parseNumber("--spares", argv.spares);
      const size = parseNumber("--size", argv.size);
      const sizesText = single("--sizes", argv.sizes);
      // One of --size and --sizes; --sizes is read once the strata are known.
      let amount: { readonly size: number } | { readonly sizesText: string };
      if (size !== undefined) {
        if (sizesText !== undefined) throw new InputError("--sizes", messages.exclusive("--size"));
        amount = { size };
      } else if (sizesText !== undefined) amount = { sizesText };
      else throw new InputError("--size", messages.required());
      const out = single("--out", argv.out);

      let frame: CaseFrame | undefined;
      if (file !== undefined) {
        const [{ parseInterval }, { caseColumns, caseFileFormat, readCaseFileFrame }] = await Promise.all([
          import("../../scenario/calendar.js"),
          import("../caseFile.js"),
        ]);
        const spanText = single("--span", argv.span);
        // One pass: the totals, the ids and the SHA-256 of the same bytes.
        frame = await readCaseFileFrame(fileFlag, file, {
          format: caseFileFormat(argv),
          columns: caseColumns(argv),
          ...(spanText === undefined ? {} : { span: parseInterval("--span", spanText) }),
          skipInvalid: Boolean(argv.skipInvalid),
        });
      }
      const { forEachSelectedCase, selectCases } = await import("../../planning/selectCases.js");
      let selection: CaseSelection;
      try {
        // Without a case file, --frame or --low with --high gave the high number (the checks above).
        selection = selectCases(frame ?? { low, high: high as number }, {
          seed,
          generator,
          allocation: single("--allocation", argv.allocation) as Allocation,
          ...("size" in amount ? { size: amount.size } : { sizes: parseSizes(amount.sizesText) }),
          ...(spares === undefined ? {} : { spares }),
          ...(stratify === undefined ? {} : { stratify }),
        });
      } catch (error) {
        if (isInputError(error) && error.field === "frame")
          throw new InputError(
            file !== undefined ? fileFlag : lowGiven !== undefined ? "--high" : "--frame",
            error.detail,
          );
        throw error;
      }
      if (seedGiven === undefined) io.err(`adequacy: ${messages.seedGenerated(seed)}\n`);
      for (const stratum of selection.strata) {
        if (spares !== undefined && stratum.spares < spares)
          io.err(`adequacy: note: ${messages.sparesShort(stratum.label, stratum.spares, spares)}\n`);
      }
      const { selectionCsv } = await import("../../report/selectionCsv.js");
      const csvOptions = {
        ...(file === undefined ? {} : { source: file === "-" ? messages.standardInput() : file }),
        command: args,
        seedGenerated: seedGiven === undefined,
      };
      const writeRows = (write: (chunk: string) => void) =>
        selectionCsv(selection, (visit) => forEachSelectedCase(selection, frame, visit), csvOptions, write);
      if (out === undefined) {
        writeRows((chunk) => io.out(chunk));
        return;
      }
      writeFileAtomic("--out", out, writeRows, file === undefined || file === "-" ? [] : [file]);
      io.out(`${messages.wroteSelection(out, selection.drawCount, seed)}\n`);
    },
  };
}

/** --sizes LABEL=n,LABEL=n… as sizes by stratum label; a label given twice is refused. */
function parseSizes(text: string): Record<string, number> {
  const sizes: Record<string, number> = Object.create(null);
  for (const part of text.split(",")) {
    const [label, n] = part.split("=");
    if (!label || n === undefined) throw new InputError("--sizes", messages.sizesFormat(part));
    // One rule for repeated values: a stratum named twice is an error, not the last value.
    if (Object.hasOwn(sizes, label.trim()))
      throw new InputError("--sizes", messages.stratumGivenTwice(label.trim()));
    sizes[label.trim()] = parseNumberText("--sizes", n.trim());
  }
  return sizes;
}
