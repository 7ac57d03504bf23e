import yargs, { type Argv } from "yargs";
import { DEFAULT_GENERATOR, GENERATORS } from "../planning/random/generatorIds.js";
import { type InputError, isInputError, isInputTypeError } from "../validation/InputError.js";
import { messages } from "../validation/messages.js";
import { VERSION } from "../version.js";
import { bundleRequest } from "./bundle/bundleArgs.js";
import type { Command } from "./Command.js";
import { type CommandOptions, refuseUndefined, refuseUnknownCommand } from "./commandLine.js";
import { appCommand } from "./commands/app.js";
import { appraiseCommand } from "./commands/appraise.js";
import { assessCommand } from "./commands/assess.js";
import { boundCommand } from "./commands/bound.js";
import { chartCommand } from "./commands/chart.js";
import { detectCommand } from "./commands/detect.js";
import { exampleCommand } from "./commands/example.js";
import { planCommand } from "./commands/plan.js";
import { reportCommand } from "./commands/report.js";
import { schemaCommand } from "./commands/schema.js";
import { selectCommand } from "./commands/select.js";
import { verifyCommand } from "./commands/verify.js";
import { asFlagError } from "./flags.js";
import type { Io } from "./Io.js";
import { flagWithoutValue, refuseEmptyPaths, refuseRepeated } from "./parseFailures.js";
import { skipHelpCache } from "./skipHelpCache.js";
import { UsageError } from "./UsageError.js";

export const EXIT_OK = 0;
export const EXIT_INTERNAL = 1;
export const EXIT_INPUT = 2;
/** `adequacy verify`: a bundle whose files or figures do not reproduce. */
export const EXIT_MISMATCH = 1;

/**
 * Runs the `adequacy` command line on `args` and returns the exit code: 0 success, 2 invalid input
 * (a message naming the flag, no stack trace), 1 internal error. A fresh yargs instance per call, so
 * tests run it in-process.
 */
export async function runCli(given: readonly string[], io: Io, width = 100): Promise<number> {
  let args = given;
  let bundle: ReturnType<typeof bundleRequest>;
  try {
    if (bundleRequest(given) !== undefined) args = await withSeed(given, io);
    bundle = bundleRequest(args);
  } catch (error) {
    return reportError(error, io);
  }
  const commands: Command[] = [
    assessCommand(io),
    boundCommand(io),
    chartCommand(io),
    reportCommand(io, args),
    planCommand(io),
    detectCommand(io),
    appraiseCommand(io),
    selectCommand(io, args),
    exampleCommand(io),
    schemaCommand(io),
    verifyCommand(io, runCli),
    appCommand(io),
  ];
  const repeatable = new Map(commands.map((module) => [commandName(module), module.repeatable ?? []]));
  const names = commands.map(commandName);
  const command = names.includes(args[0] ?? "") ? args[0] : undefined;
  const positionals = new Map(
    commands.map((module) => [
      commandName(module),
      [...String(module.command).matchAll(/[<[]([\w-]+)/g)].map((m) => m[1] as string),
    ]),
  );
  try {
    refuseUnknownCommand(args, names);
  } catch (error) {
    return reportError(error, io);
  }
  const parser: Argv = commands
    .reduce(
      (cli, module) => cli.command(module),
      yargs([...args])
        // yargs translates its own messages from LANG/LC_ALL; the project's messages are English, so the
        // locale is fixed rather than detected (the usage errors are the project's own: commandLine.ts).
        .locale("en")
        .scriptName("adequacy")
        .usage(
          "$0 <command> [options]\n\nHow much could an investigation have missed? Exact bounds, sample sizes and detection power.",
        ),
    )
    .demandCommand(1, `give a command: ${names.slice(0, -1).join(", ")} or ${names.at(-1)}`)
    .strict()
    .parserConfiguration({ "parse-numbers": false, "parse-positional-numbers": false })
    .exitProcess(false)
    .middleware((argv): void => {
      // Before yargs validates: unknown options, extra arguments and values outside their choices, named
      // as typed, from the command's definitions.
      const missing = flagWithoutValue(args, (name) => takesValue(parser as unknown as DefinedOptions, name));
      if (missing)
        throw new UsageError(`${missing.flag} ${messages.needsValue(missing.flag, missing.next)}`, command);
      const definitions = (parser as unknown as { getOptions(): CommandOptions }).getOptions();
      refuseUndefined(args, argv, definitions, positionals.get(String(argv._[0])) ?? []);
    }, true)
    .middleware((argv): void => {
      refuseRepeated(
        argv,
        args,
        repeatable.get(String(argv._[0])) ?? [],
        (key) => (parser as unknown as DefinedOptions).getOptions().alias[key] ?? [],
      );
      refuseEmptyPaths(argv, args, (key) =>
        (parser as unknown as DefinedOptions).getOptions().string.includes(key),
      );
    })
    .fail((message, error): never => {
      // Errors of our own (from a handler or the middleware) pass through; yargs' own (YError, or a
      // message alone) are usage errors. A flag without its value is found from the options' definitions.
      if (error !== undefined && error !== null && error.name !== "YError") throw error;
      const missing = error
        ? flagWithoutValue(args, (name) => takesValue(parser as unknown as DefinedOptions, name))
        : undefined;
      if (missing)
        throw new UsageError(`${missing.flag} ${messages.needsValue(missing.flag, missing.next)}`, command);
      // Anything yargs still refuses is shown as yargs words it, not read back.
      throw new UsageError(message ?? error?.message ?? "", command);
    })
    .help()
    .alias("help", "h")
    .version(VERSION)
    .wrap(width)
    .epilogue("Exit codes: 0 success, 2 invalid input, 1 internal error. Methods: docs/methods.md.");
  skipHelpCache(parser);
  let helpText = "";
  try {
    await parser.parseAsync([...args], {}, (_error, _argv, output) => {
      helpText = output;
    });
  } catch (error) {
    return reportError(error, io);
  }
  if (helpText) {
    io.out(`${helpText}\n`);
    return EXIT_OK;
  }
  if (bundle !== undefined) {
    try {
      const { recordBundle } = await import("./bundle/recordBundle.js");
      await recordBundle(bundle, args, runCli, io);
    } catch (error) {
      return reportError(error, io);
    }
  }
  return EXIT_OK;
}

/**
 * A selection recorded in a bundle needs its seed among its arguments, or its replay would draw anew: when
 * none is given, one is generated here, as select would, and said.
 */
async function withSeed(args: readonly string[], io: Io): Promise<readonly string[]> {
  if (args[0] !== "select" || args.some((a) => a === "--seed" || a.startsWith("--seed="))) return args;
  const at = args.findIndex((a) => a === "--generator" || a.startsWith("--generator="));
  const named = at === -1 ? undefined : args[at]?.includes("=") ? args[at]?.split("=")[1] : args[at + 1];
  const generator = GENERATORS.find((g) => g === named) ?? DEFAULT_GENERATOR;
  const { generatedSeed } = await import("./generatedSeed.js");
  const seed = await generatedSeed(generator);
  io.err(`adequacy: ${messages.seedGeneratedForBundle(seed)}\n`);
  return [...args, "--seed", seed];
}

function commandName(module: Command): string {
  return String(module.command).split(" ")[0] as string;
}

/** yargs' record of the options defined (getOptions is public in yargs but missing from its types). */
interface DefinedOptions {
  getOptions(): {
    narg: Record<string, unknown>;
    alias: Record<string, string[] | undefined>;
    string: string[];
  };
}

/** Whether an option (a long name or a one-letter alias) takes a value: yargs keeps requiresArg as nargs. */
function takesValue(parser: DefinedOptions, name: string): boolean {
  const options = parser.getOptions();
  return Object.keys(options.narg).some((key) => key === name || options.alias[key]?.includes(name));
}

function reportError(error: unknown, io: Io): number {
  // Errors are told apart by name: each bundle of the CLI has its own copy of their classes.
  if (isInputError(error) || isInputTypeError(error)) {
    io.err(`adequacy: ${asFlagError(error as InputError).message}\n`);
    return EXIT_INPUT;
  }
  if (error instanceof Error && error.name === "UsageError") {
    const usage = error as UsageError;
    const help = usage.command === undefined ? "adequacy --help" : `adequacy ${usage.command} --help`;
    io.err(`adequacy: ${error.message}\n${messages.usageHelp(help, usage.command !== undefined)}\n`);
    return EXIT_INPUT;
  }
  if (error instanceof Error && error.name === "BundleMismatchError") {
    io.err(`adequacy: ${error.message}\n`);
    return EXIT_MISMATCH;
  }
  if (error instanceof Error && error.name === "MissingToolError") {
    io.err(`adequacy: ${error.message}\n`);
    return EXIT_INTERNAL;
  }
  const message = error instanceof Error ? error.message : String(error);
  io.err(`adequacy: ${messages.internalError(message)}\n`);
  return EXIT_INTERNAL;
}
