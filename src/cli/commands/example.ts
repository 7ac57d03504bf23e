import type { ArgumentsCamelCase, Argv, CommandModule } from "yargs";
import { messages } from "../../validation/messages.js";
import type { Io } from "../Io.js";
import { UsageError } from "../UsageError.js";

/** `adequacy example`: list the built-in scenarios or print one as YAML. */
export function exampleCommand(io: Io): CommandModule {
  return {
    command: "example [name]",
    describe: "List the built-in scenarios, or print one as YAML to edit and pass to --scenario",
    builder: (yargs: Argv) =>
      yargs
        .positional("name", { type: "string", describe: "A built-in scenario" })
        .option("list", { type: "boolean", describe: "List the built-in scenarios" })
        .example("$0 example --list", "Names and descriptions")
        .example("$0 example hmcts-sscs > review.yaml", "Start a scenario file from the SSCS example"),
    handler: async (argv: ArgumentsCamelCase) => {
      const { examples } = await import("../../scenario/examples.js");
      const name = argv.name as string | undefined;
      if (argv.list || name === undefined) {
        for (const [key, scenario] of Object.entries(examples)) {
          io.out(`${key}\n  ${scenario.description ?? ""}\n`);
        }
        return;
      }
      const scenario = examples[name];
      // The positional argument, named as in the usage line (an InputError's field would read as --name).
      if (!scenario) throw new UsageError(messages.exampleName(Object.keys(examples), name), "example");
      const { toYaml } = await import("../toYaml.js");
      io.out(toYaml(scenario));
    },
  };
}
