import type { ArgumentsCamelCase, Argv, CommandModule } from "yargs";
import { InputError } from "../../validation/InputError.js";
import { messages } from "../../validation/messages.js";
import { numberOption } from "../commonOptions.js";
import { parseNumber } from "../flags.js";
import type { Io } from "../Io.js";

const DEFAULT_PORT = 8080;

/** `adequacy app`: serves the web calculator (dist/web) on this machine until stopped. */
export function appCommand(io: Io): CommandModule {
  return {
    command: "app",
    describe: "Serve the web calculator on this machine (it computes in the browser, with this library)",
    builder: (yargs: Argv) =>
      yargs
        .option("port", numberOption(`Port on 127.0.0.1, 0 for any free one [default: ${DEFAULT_PORT}]`))
        .example("$0 app", `Open http://127.0.0.1:${DEFAULT_PORT}/ in a browser`)
        .example("$0 app --port 0", "Any free port; the address is printed"),
    handler: async (argv: ArgumentsCamelCase) => {
      const port = parseNumber("--port", argv.port) ?? DEFAULT_PORT;
      if (!Number.isInteger(port) || port < 0 || port > 65535) {
        throw new InputError("--port", messages.wholeInRange(0, 65535, port));
      }
      const { serveApp } = await import("../serveApp.js");
      const { server, url } = await serveApp(port);
      io.out(`${messages.webAppServing(url)}\n`);
      // The command runs until the server closes (Ctrl-C ends the process).
      await new Promise<void>((resolve) => server.once("close", () => resolve()));
    },
  };
}
