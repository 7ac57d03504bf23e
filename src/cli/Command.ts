import type { CommandModule } from "yargs";

/** A command module, with the options that may be given more than once (long names, e.g. `window`). */
export interface Command extends CommandModule {
  readonly repeatable?: readonly string[];
}
