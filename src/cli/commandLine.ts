import { distance } from "fastest-levenshtein";
import { messages } from "../validation/messages.js";
import { flagName } from "./flags.js";
import { UsageError } from "./UsageError.js";

// The command line is checked here against the commands' own definitions (their names, options, aliases,
// choices and positional arguments), before yargs validates it, so that every usage error is stated in
// the project's words from data, never by reading yargs' English messages.

/** The options yargs has defined for the command being run (its public getOptions(), partly typed). */
export interface CommandOptions {
  readonly key: Readonly<Record<string, unknown>>;
  readonly alias: Readonly<Record<string, readonly string[] | undefined>>;
  readonly boolean: readonly string[];
  readonly choices: Readonly<Record<string, readonly unknown[] | undefined>>;
}

/**
 * The first argument, when it is not a command: `"boud" is not a command; did you mean bound?` (the
 * nearest command within three edits, as yargs would suggest). Flags (`--help`, `--version`) and an empty
 * line are left to yargs.
 */
export function refuseUnknownCommand(args: readonly string[], commands: readonly string[]): void {
  const first = args[0];
  if (first === undefined || first.startsWith("-") || commands.includes(first)) return;
  let nearest: string | undefined;
  let best = 4;
  for (const command of commands) {
    const d = distance(first, command);
    if (d < best) {
      best = d;
      nearest = command;
    }
  }
  throw new UsageError(`${quoted(first)} ${messages.notACommand(nearest)}`);
}

/**
 * Refuses, naming each as typed: options the command does not define (`--foo`, `-x`), arguments beyond
 * its positional ones (`"extra"`), and values outside an option's or argument's choices.
 *
 * @param args - the command line as typed, the command first (when there is one)
 * @param argv - yargs' parse of it
 * @param options - the command's definitions
 * @param positionals - the names of the command's positional arguments
 */
export function refuseUndefined(
  args: readonly string[],
  argv: Readonly<Record<string, unknown>> & { readonly _: readonly unknown[] },
  options: CommandOptions,
  positionals: readonly string[],
): void {
  // With no command (`adequacy --foo`), every argument is checked against the top level's options.
  const command = args[0]?.startsWith("-") ? undefined : args[0];
  const problems: string[] = [];
  for (const flag of unknownFlags(args.slice(command === undefined ? 0 : 1), options)) {
    problems.push(`${flag} ${messages.notAnOption(command)}`);
  }
  for (const extra of argv._.slice(1)) {
    problems.push(`${quoted(String(extra))} ${messages.notAnArgument(command ?? "")}`);
  }
  if (problems.length === 0) {
    for (const [key, allowed] of Object.entries(options.choices)) {
      const value = argv[key];
      if (value === undefined || allowed === undefined || allowed.length === 0) continue;
      const given = (Array.isArray(value) ? value : [value]).map(String);
      if (given.every((v) => allowed.map(String).includes(v))) continue;
      const name = positionals.includes(key) ? key : typedFlag(key, args, options);
      problems.push(`${name} ${messages.oneOf(allowed.map(String), given.join(", "))}`);
    }
  }
  if (problems.length > 0) throw new UsageError(problems.join("; "), command);
}

/** The flags typed that name no option of the command, as typed (`--foo`, `-x`). */
function unknownFlags(args: readonly string[], options: CommandOptions): string[] {
  const names = new Set([
    ...Object.keys(options.key),
    ...Object.values(options.alias).flatMap((a) => a ?? []),
  ]);
  const known = (name: string) => names.has(name) || names.has(camelCase(name));
  const unknown: string[] = [];
  for (const arg of args) {
    if (arg === "--") break;
    if (!arg.startsWith("-") || arg === "-" || /^-\.?\d/.test(arg)) continue;
    if (arg.startsWith("--")) {
      const name = arg.slice(2).split("=")[0] as string;
      const negated = name.startsWith("no-") && options.boolean.includes(camelCase(name.slice(3)));
      if (!known(name) && !negated) unknown.push(`--${name}`);
      continue;
    }
    // A group of one-letter flags (-nk 5, -n5): letters up to the first that takes a value.
    for (const letter of arg.slice(1)) {
      if (!known(letter)) {
        unknown.push(`-${letter}`);
        break;
      }
      if (!options.boolean.includes(letter) && !isBooleanAlias(letter, options)) break;
    }
  }
  return unknown;
}

function isBooleanAlias(letter: string, options: CommandOptions): boolean {
  return options.boolean.some((key) => options.alias[key]?.includes(letter));
}

/** `--found`, or `-k` when only its one-letter alias was typed. */
function typedFlag(key: string, args: readonly string[], options: CommandOptions): string {
  const long = flagName(key);
  if (args.some((arg) => arg === long || arg.startsWith(`${long}=`))) return long;
  const letter = (options.alias[key] ?? []).find(
    (alias) => alias.length === 1 && args.some((arg) => /^-[^-]/.test(arg) && arg.includes(alias)),
  );
  return letter === undefined ? long : `-${letter}`;
}

function camelCase(name: string): string {
  return name.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
}

function quoted(text: string): string {
  return text.startsWith('"') ? text : `"${text}"`;
}
