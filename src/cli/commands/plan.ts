import type { ArgumentsCamelCase, Argv, CommandModule } from "yargs";
import type { SampleSizeModel } from "../../planning/sampleSize.js";
import { InputError } from "../../validation/InputError.js";
import { messages } from "../../validation/messages.js";
import { confidenceOption, formatOption, numberOption } from "../commonOptions.js";
import { elusionPlanHandler, elusionPlanOptions, wantsElusionPlan } from "../elusionPlan.js";
import { parseNumber, single } from "../flags.js";
import type { Io } from "../Io.js";
import { writeResult } from "../writeResult.js";

/** `adequacy plan`: the sample size that would rule out a tolerable rate. */
export function planCommand(io: Io): CommandModule {
  return {
    command: "plan",
    describe: "Sample size whose one-sided upper bound rules out a tolerable rate",
    builder: (yargs: Argv) =>
      elusionPlanOptions(yargs)
        .option("tolerable", numberOption("Tolerable rate to rule out, in (0, 1), e.g. 0.05 or 5%"))
        .option("model", {
          type: "string",
          choices: ["binomial", "poisson", "hypergeometric"] satisfies SampleSizeModel[],
          describe: "Sampling model [default: hypergeometric with --population, else binomial]",
          requiresArg: true,
        })
        .option(
          "population",
          numberOption("Cases to sample from (N); required by the hypergeometric model", "N"),
        )
        .option("confidence", confidenceOption)
        .option("allowed", numberOption("Affected cases the plan tolerates in the sample [default: 0]"))
        .option("expected-rate", numberOption("Expected rate of affected cases; the plan allows ⌈n × rate⌉"))
        .option(
          "precision",
          numberOption("Desired width of the two-sided interval, e.g. 6%; with --anticipated and -N"),
        )
        .option("anticipated", numberOption("Anticipated rate of affected cases, with --precision, e.g. 20%"))
        .option("format", formatOption)
        .example(
          "$0 plan --precision 6% --anticipated 20% -N 10000",
          "RAT-STATS: 314, 488, 666, 1,079 at 80-99%",
        )
        .example("$0 plan --tolerable 5%", "AICPA Table A-1: 59 cases at 95% with none expected")
        .example("$0 plan --tolerable 0.05 --expected-rate 0.01", "93 cases, allowing 1 (AICPA Table A-1)")
        .example("$0 plan --tolerable 0.05 -N 1000", "57 cases from a population of 1,000 (hypergeometric)")
        .example(
          "$0 plan --elusion --unflagged 10000 --max-elusion 1%",
          "291 unflagged cases, none found, show an elusion rate of at most 1%",
        ),
    handler: async (argv: ArgumentsCamelCase) => {
      if (wantsElusionPlan(argv)) return elusionPlanHandler(io, argv);
      if (argv.precision !== undefined || argv.anticipated !== undefined) {
        await precisionPlan(io, argv);
        return;
      }
      const tolerable = parseNumber("--tolerable", argv.tolerable, true);
      if (tolerable === undefined) throw new InputError("--tolerable", messages.required());
      const population = parseNumber("--population", argv.population);
      const confidence = parseNumber("--confidence", argv.confidence, true);
      const allowed = parseNumber("--allowed", argv.allowed);
      const expectedRate = parseNumber("--expected-rate", argv.expectedRate, true);
      const model = (single("--model", argv.model) ??
        (population === undefined ? "binomial" : "hypergeometric")) as SampleSizeModel;
      const { sampleSize } = await import("../../planning/sampleSize.js");
      const { planBriefing } = await import("../../report/planBriefing.js");
      const result = sampleSize({
        model,
        tolerable,
        ...(population === undefined ? {} : { population }),
        ...(confidence === undefined ? {} : { confidence }),
        ...(allowed === undefined ? {} : { allowed }),
        ...(expectedRate === undefined ? {} : { expectedRate }),
      });
      writeResult(io, result, planBriefing, argv.format);
    },
  };
}

/** `plan --precision --anticipated -N`: RAT-STATS attribute sample sizes, at 80/90/95/99% unless --confidence. */
async function precisionPlan(io: Io, argv: ArgumentsCamelCase): Promise<void> {
  for (const flag of ["tolerable", "model", "allowed", "expectedRate"] as const) {
    if (argv[flag] !== undefined) {
      const name = flag === "expectedRate" ? "--expected-rate" : `--${flag}`;
      throw new InputError(name, messages.exclusive("--precision"));
    }
  }
  const precision = parseNumber("--precision", argv.precision, true);
  if (precision === undefined) throw new InputError("--precision", messages.required());
  const anticipated = parseNumber("--anticipated", argv.anticipated, true);
  if (anticipated === undefined) throw new InputError("--anticipated", messages.required());
  const population = parseNumber("--population", argv.population);
  if (population === undefined) throw new InputError("--population", messages.required());
  const confidence = parseNumber("--confidence", argv.confidence, true);
  const { precisionSampleSize } = await import("../../planning/precisionSampleSize.js");
  const { precisionPlanBriefing } = await import("../../report/precisionPlanBriefing.js");
  const plans = (confidence === undefined ? [0.8, 0.9, 0.95, 0.99] : [confidence]).map((c) =>
    precisionSampleSize({ population, precision, anticipated, confidence: c }),
  );
  writeResult(io, plans, precisionPlanBriefing, argv.format);
}
