import type { CommandModule } from "yargs";
import type { Io } from "../Io.js";

/** `adequacy schema`: the scenario's JSON Schema, generated from the validator. */
export function schemaCommand(io: Io): CommandModule {
  return {
    command: "schema",
    describe: "Print the JSON Schema of a scenario file",
    handler: async () => {
      const { scenarioJsonSchema } = await import("../../scenario/scenario.js");
      io.out(`${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`);
    },
  };
}
