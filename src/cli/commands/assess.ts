import type { ArgumentsCamelCase, Argv } from "yargs";
import type { Command } from "../Command.js";
import { bundleOptions, formatOption } from "../commonOptions.js";
import type { Io } from "../Io.js";
import { assessmentFromArgs, PER_WINDOW, scenarioOptions } from "../scenarioInput.js";
import { writeResult } from "../writeResult.js";

/** `adequacy assess`: how much could the review have missed, where, and under which assumptions. */
export function assessCommand(io: Io): Command {
  return {
    command: "assess",
    repeatable: PER_WINDOW,
    describe:
      "Assess an investigation over a time span: what its windows show, what lies outside them, and what review would have been adequate",
    builder: (yargs: Argv) =>
      scenarioOptions(yargs)
        .option("bundle", bundleOptions.bundle)
        .option("bundle-cases", bundleOptions["bundle-cases"])
        .option("format", formatOption)
        .example(
          "$0 assess --example hmcts-sscs",
          "The SSCS review: 1 of 109 of 609 flagged, in 3 months of 5 years",
        )
        .example(
          "$0 assess --span 2019-01-01/2024-02-29 --window 2023-12/2024-02 --flagged 609 --reviewed 109 --found 1 --selection unknown",
          "The same from flags",
        )
        .example(
          "$0 assess --scenario review.yaml --materiality 100 --format json",
          "A scenario file, with the tipping point for 100 missed cases",
        ),
    handler: async (argv: ArgumentsCamelCase) => {
      const assessment = await assessmentFromArgs(argv, io);
      const { assessmentBriefing } = await import("../../report/assessmentBriefing.js");
      const { assessmentRecord } = await import("../../report/statements.js");
      // The JSON record carries the citable sentences too, worded by report/ from the assessment's numbers.
      writeResult(io, assessmentRecord(assessment), assessmentBriefing, argv.format);
    },
  };
}
