import type { ArgumentsCamelCase, Argv, CommandModule } from "yargs";
import { PROPORTION_METHODS, type ProportionMethod } from "../../intervals/methods.js";
import { InputError } from "../../validation/InputError.js";
import { messages } from "../../validation/messages.js";
import {
  biasModelOption,
  confidenceOption,
  formatOption,
  numberOption,
  sidedOption,
} from "../commonOptions.js";
import { parseNumber, single } from "../flags.js";
import type { Io } from "../Io.js";
import { writeResult } from "../writeResult.js";

const METHODS = ["hypergeometric", ...PROPORTION_METHODS] as const;

/** `adequacy bound`: exact bounds from k found in n examined (of N). */
export function boundCommand(io: Io): CommandModule {
  return {
    command: "bound",
    describe: "Bound how many cases are affected, from k found in a random sample of n (of N)",
    builder: (yargs: Argv) =>
      yargs
        .option(
          "population",
          numberOption("Cases the sample was drawn from (N); gives exact count bounds", "N"),
        )
        .option("sample", numberOption("Cases examined (n)", "n"))
        .option("found", numberOption("Affected cases found among them (k)", "k"))
        .option("confidence", confidenceOption)
        .option("sided", { ...sidedOption, describe: `${sidedOption.describe} [default: two]` })
        .option("method", {
          type: "string",
          choices: [...METHODS],
          describe: "Interval method [default: hypergeometric with --population, else clopper-pearson]",
          requiresArg: true,
        })
        .option(
          "bias",
          numberOption(
            "Selection bias ω with --population: an affected case was 1/ω times as likely to be picked, 0.001 to 1000 [default: 1, random]",
          ),
        )
        .option("bias-model", biasModelOption)
        .option("prior-alpha", numberOption("Beta prior alpha for --method bayes [default: 1]"))
        .option("prior-beta", numberOption("Beta prior beta for --method bayes [default: 1]"))
        .option("format", formatOption)
        .example(
          "$0 bound -N 609 -n 109 -k 1 --sided upper",
          "SSCS review: at most 24 of the 609 flagged cases affected (exact, one-sided 95%)",
        )
        .example(
          "$0 bound -N 609 -n 109 -k 1 --sided upper --bias 2",
          "The same if an affected case was half as likely to be picked: at most 45 (Wallenius' model)",
        )
        .example("$0 bound -n 109 -k 1 --method wilson", "Two-sided 95% Wilson interval on the rate"),
    handler: async (argv: ArgumentsCamelCase) => {
      const { boundBriefing } = await import("../../report/boundBriefing.js");
      const population = parseNumber("--population", argv.population);
      const sample = parseNumber("--sample", argv.sample);
      const found = parseNumber("--found", argv.found);
      const confidence = parseNumber("--confidence", argv.confidence, true);
      const sidedGiven = single("--sided", argv.sided) as "upper" | "two" | undefined;
      const sided = sidedGiven ?? "two";
      // The default differs from assess's, so an output that took it says so.
      const briefing = (r: Parameters<typeof boundBriefing>[0]) => {
        const b = boundBriefing(r);
        return sidedGiven === undefined ? { ...b, notes: [...b.notes, messages.sidedDefault("bound")] } : b;
      };
      const method =
        single("--method", argv.method) ?? (population === undefined ? "clopper-pearson" : "hypergeometric");
      if (sample === undefined) throw new InputError("--sample", messages.required());
      if (found === undefined) throw new InputError("--found", messages.required());
      const common = { found, sample, sided, ...(confidence === undefined ? {} : { confidence }) };
      const bias = parseNumber("--bias", argv.bias, true);
      const biasModel = single("--bias-model", argv.biasModel) as "wallenius" | "fisher" | undefined;
      if (method === "hypergeometric") {
        if (population === undefined)
          throw new InputError("--population", messages.requiredBy("--method hypergeometric"));
        if (biasModel !== undefined && bias === undefined)
          throw new InputError("--bias-model", messages.onlyWith("--bias"));
        const { countInterval } = await import("../../intervals/countInterval.js");
        // checks.js is its own bundle (scripts/build-cli.mjs), loaded only when there is a bias to check.
        const checkBias = async (given: number) =>
          (await import("../../validation/checks.js")).requireBias("--bias", given);
        const selection = {
          ...(bias === undefined ? {} : { bias: await checkBias(bias) }),
          ...(biasModel === undefined ? {} : { biasModel }),
        };
        writeResult(io, countInterval({ ...common, population, ...selection }), briefing, argv.format);
        return;
      }
      for (const [flag, value] of [
        ["--bias", bias],
        ["--bias-model", biasModel],
      ] as const) {
        if (value !== undefined) throw new InputError(flag, messages.onlyToCountBounds());
      }
      if (population !== undefined) {
        throw new InputError("--population", messages.onlyToMethod("hypergeometric", method));
      }
      const alpha = parseNumber("--prior-alpha", argv.priorAlpha);
      const beta = parseNumber("--prior-beta", argv.priorBeta);
      if ((alpha !== undefined || beta !== undefined) && method !== "bayes") {
        throw new InputError(
          alpha !== undefined ? "--prior-alpha" : "--prior-beta",
          messages.onlyToMethod("bayes"),
        );
      }
      const prior =
        alpha !== undefined || beta !== undefined ? { alpha: alpha ?? 1, beta: beta ?? 1 } : undefined;
      const { proportionInterval } = await import("../../intervals/proportionInterval.js");
      const result = proportionInterval({
        ...common,
        method: method as ProportionMethod,
        ...(prior ? { prior } : {}),
      });
      writeResult(io, result, briefing, argv.format);
    },
  };
}
