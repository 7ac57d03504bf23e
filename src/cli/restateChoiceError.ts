import { messages } from "../validation/messages.js";
import { flagName } from "./flags.js";

const ARGUMENT = /^\s*Argument: (\S+), Given: (.*), Choices: (.*)$/;

/**
 * yargs reports a value outside an option's `choices` as "Invalid values:" followed by one line per
 * option ("Argument: method, Given: "exact", Choices: "wilson", …"). This restates it in the project's
 * own form, naming the flag as typed on `args`: `--method must be one of wilson, …; got "exact"`, or a
 * positional argument by its name (`kind must be one of …`). Any other message, or one whose lines do
 * not read as expected, is returned unchanged.
 */
export function restateChoiceError(message: string, args: readonly string[]): string {
  const [head, ...lines] = message.split("\n");
  if (head?.trim() !== "Invalid values:" || lines.length === 0) return message;
  const restated: string[] = [];
  for (const line of lines) {
    const match = ARGUMENT.exec(line);
    const given = match ? jsonList(match[2] as string) : undefined;
    const choices = match ? jsonList(match[3] as string) : undefined;
    if (!match || !given || !choices) return message;
    const flag = flagName(match[1] as string);
    const typed = args.some((arg) => arg === flag || arg.startsWith(`${flag}=`));
    restated.push(`${typed ? flag : match[1]} ${messages.oneOf(choices, given.join(", "))}`);
  }
  return restated.join("; ");
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
