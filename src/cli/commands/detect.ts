import type { ArgumentsCamelCase, Argv, CommandModule } from "yargs";
import { InputError } from "../../validation/InputError.js";
import { messages } from "../../validation/messages.js";
import { confidenceOption, formatOption, numberOption } from "../commonOptions.js";
import { parseNumber } from "../flags.js";
import type { Io } from "../Io.js";
import { writeResult } from "../writeResult.js";

/** `adequacy detect`: the chance a review finds at least one affected case, or the sample that would. */
export function detectCommand(io: Io): CommandModule {
  return {
    command: "detect",
    describe:
      "Chance that a random review finds at least one affected case (with --sample), or the sample size that would (without)",
    builder: (yargs: Argv) =>
      yargs
        .option("population", numberOption("Cases the review samples from (N)", "N"))
        .option("affected", numberOption("Affected cases among them (D)"))
        .option("prevalence", numberOption("Rate of affected cases instead of --affected, e.g. 0.01 or 1%"))
        .option("sample", numberOption("Cases reviewed (n); omit to get the sample size needed", "n"))
        .option(
          "sensitivity",
          numberOption("Chance a reviewer recognises an affected case, in (0, 1] [default: 1]"),
        )
        .option("confidence", confidenceOption)
        .option("format", formatOption)
        .example(
          "$0 detect -N 609 --affected 5 -n 109",
          "SSCS review: 0.628 chance of finding one if 5 were affected",
        )
        .example(
          "$0 detect -N 609 --affected 5 --confidence 0.95",
          "Sample needed to find one with 95% probability",
        )
        .example("$0 detect --prevalence 1% --confidence 0.95", "299 cases when the population is unlimited"),
    handler: async (argv: ArgumentsCamelCase) => {
      const { detectionBriefing } = await import("../../report/detectionBriefing.js");
      const population = parseNumber("--population", argv.population);
      const affected = parseNumber("--affected", argv.affected);
      const prevalence = parseNumber("--prevalence", argv.prevalence, true);
      const sample = parseNumber("--sample", argv.sample);
      const sensitivity = parseNumber("--sensitivity", argv.sensitivity, true);
      const confidence = parseNumber("--confidence", argv.confidence, true);
      const target = {
        ...(population === undefined ? {} : { population }),
        ...(affected === undefined ? {} : { affected }),
        ...(prevalence === undefined ? {} : { prevalence }),
        ...(sensitivity === undefined ? {} : { sensitivity }),
      };
      if (sample !== undefined) {
        if (confidence !== undefined) {
          throw new InputError("--confidence", messages.confidenceOnlyWithoutSample());
        }
        const { detectionProbability } = await import("../../planning/detectionProbability.js");
        writeResult(io, detectionProbability({ ...target, sample }), detectionBriefing, argv.format);
        return;
      }
      const { detectionSampleSize } = await import("../../planning/detectionSampleSize.js");
      const result = detectionSampleSize({ ...target, ...(confidence === undefined ? {} : { confidence }) });
      writeResult(io, result, detectionBriefing, argv.format);
    },
  };
}
