import { messages } from "../validation/messages.js";
import { flagName } from "./flags.js";

const ARGUMENT = /^\s*Argument: (\S+), Given: (.*), Choices: (.*)$/;
const UNKNOWN = /^Unknown arguments?: (.+)$/;
const SUGGESTION = /^Did you mean (\S+)\?$/;

/** What the command line was, to name what the user typed. */
export interface TypedLine {
  /** The arguments as typed. */
  readonly args: readonly string[];
  /** The command given (`bound`), when it is one of the CLI's commands. */
  readonly command?: string | undefined;
}

/**
 * Restates yargs' own usage errors in the project's form, naming what the user typed:
 * - a value outside an option's choices ("Invalid values: Argument: method, Given: "exact", Choices: …")
 *   as `--method must be one of wilson, …; got "exact"`, or a positional argument by its name;
 * - an unknown option or argument ("Unknown arguments: foo, x") as `--foo is not an option of adequacy
 *   bound`, `-x` for a one-letter flag, `"extra" is not an argument of adequacy bound`;
 * - an unknown command ("Did you mean bound?", or an unknown argument where a command belongs) as
 *   `"boud" is not a command; did you mean bound?`.
 * Any other message, or one that does not read as expected, is returned unchanged.
 */
export function restateYargsError(message: string, line: TypedLine): string {
  return choices(message, line) ?? unknown(message, line) ?? suggestion(message, line) ?? message;
}

function choices(message: string, { args }: TypedLine): string | undefined {
  const [head, ...lines] = message.split("\n");
  if (head?.trim() !== "Invalid values:" || lines.length === 0) return undefined;
  const restated: string[] = [];
  for (const line of lines) {
    const match = ARGUMENT.exec(line);
    const given = match ? jsonList(match[2] as string) : undefined;
    const allowed = match ? jsonList(match[3] as string) : undefined;
    if (!match || !given || !allowed) return undefined;
    const key = match[1] as string;
    restated.push(`${typedFlag(key, args) ?? key} ${messages.oneOf(allowed, given.join(", "))}`);
  }
  return restated.join("; ");
}

function unknown(message: string, { args, command }: TypedLine): string | undefined {
  const match = UNKNOWN.exec(message);
  if (!match) return undefined;
  return (match[1] as string)
    .split(", ")
    .map((key) => {
      const flag = typedFlag(key, args);
      if (flag) return `${flag} ${messages.notAnOption(command)}`;
      return command === undefined
        ? `${quoted(key)} ${messages.notACommand()}`
        : `${quoted(key)} ${messages.notAnArgument(command)}`;
    })
    .join("; ");
}

function suggestion(message: string, { args, command }: TypedLine): string | undefined {
  const match = SUGGESTION.exec(message);
  const typed = args[0];
  if (!match || command !== undefined || typed === undefined) return undefined;
  return `${quoted(typed)} ${messages.notACommand(match[1])}`;
}

/** The flag as typed for a yargs key (`--format`, `-x`), or undefined when it was not typed as a flag. */
function typedFlag(key: string, args: readonly string[]): string | undefined {
  const long = flagName(key);
  if (args.some((arg) => arg === long || arg.startsWith(`${long}=`))) return long;
  if (key.length === 1 && args.some((arg) => /^-[^-]/.test(arg) && arg.includes(key))) return `-${key}`;
  return undefined;
}

function quoted(text: string): string {
  return text.startsWith('"') ? text : `"${text}"`;
}

/** yargs' comma-separated JSON values, or undefined when they do not parse. */
function jsonList(text: string): string[] | undefined {
  try {
    const values: unknown = JSON.parse(`[${text}]`);
    return Array.isArray(values) ? values.map(String) : undefined;
  } catch {
    return undefined;
  }
}
