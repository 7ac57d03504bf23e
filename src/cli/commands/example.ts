import type { ArgumentsCamelCase, Argv, CommandModule } from "yargs";
import { InputError } from "../../validation/InputError.js";
import { messages } from "../../validation/messages.js";
import type { Io } from "../Io.js";

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
      const { examples } = await import("../../investigation/examples.js");
      const name = argv.name as string | undefined;
      if (argv.list || name === undefined) {
        for (const [key, scenario] of Object.entries(examples)) {
          io.out(`${key}\n  ${scenario.description ?? ""}\n`);
        }
        return;
      }
      const scenario = examples[name];
      if (!scenario) throw new InputError("name", messages.oneOf(Object.keys(examples), name));
      const { toYaml } = await import("../toYaml.js");
      io.out(toYaml(scenario));
    },
  };
}
