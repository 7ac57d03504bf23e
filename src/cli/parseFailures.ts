import { InputError } from "../validation/InputError.js";
import { messages } from "../validation/messages.js";
import { flagName } from "./flags.js";

/**
 * The first flag on the command line that takes a value but was given none: at the end of the line
 * (`-k`), or followed by another flag (`-n -Infinity`, which reads as flags -I, -n, …). yargs says only
 * "Not enough arguments following"; this finds the flag as the user typed it, from the options' own
 * definitions (`takesValue` receives a long name or a one-letter alias) rather than from yargs' text.
 */
export function flagWithoutValue(
  args: readonly string[],
  takesValue: (name: string) => boolean,
): { readonly flag: string; readonly next: string | undefined } | undefined {
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    if (arg === "--") break;
    if (!arg.startsWith("-") || arg.includes("=") || isNegativeNumber(arg) || arg === "-") continue;
    const next = args[i + 1];
    // A lone "-" is a value (standard input), as yargs reads it.
    const lacking = next === undefined || (next.startsWith("-") && next !== "-" && !isNegativeNumber(next));
    if (arg.startsWith("--")) {
      if (takesValue(arg.slice(2)) && lacking) return { flag: arg, next };
      continue;
    }
    // A group of one-letter flags (-nk): every letter but the last would need its value inside the group.
    const letters = arg.slice(1).split("");
    for (const [j, letter] of letters.entries()) {
      if (!takesValue(letter)) continue;
      if (j < letters.length - 1) return { flag: `-${letter}`, next: `-${letters.slice(j + 1).join("")}` };
      if (lacking) return { flag: `-${letter}`, next };
    }
  }
  return undefined;
}

/** yargs reads `-5` and `-.5` as values, not flags. */
function isNegativeNumber(arg: string): boolean {
  return /^-\.?\d/.test(arg);
}

/**
 * One rule for repeated flags: a flag that takes one value, given twice, is an error, never a silent
 * choice of the last (`--format json --format table`). Only `repeatable` options (long names, as in
 * `--window` given once per window) may repeat. `argv` is yargs' parsed line, where a repeated flag
 * is an array; the error names the flag as typed.
 */
export function refuseRepeated(
  argv: Readonly<Record<string, unknown>>,
  args: readonly string[],
  repeatable: readonly string[],
  aliases: (key: string) => readonly string[],
): void {
  for (const [key, value] of Object.entries(argv)) {
    // Long names only: yargs also lists each under its camelCase form and its one-letter alias.
    if (key.length < 2 || /[A-Z_$]/.test(key) || !Array.isArray(value) || repeatable.includes(key)) continue;
    throw new InputError(typedFlag(key, args, aliases(key)), messages.givenTwice());
  }
}

/** `--found`, or `-k` when only its one-letter alias was typed. */
function typedFlag(key: string, args: readonly string[], aliases: readonly string[]): string {
  const long = flagName(key);
  if (args.some((arg) => arg === long || arg.startsWith(`${long}=`))) return long;
  const letter = aliases.find(
    (alias) => alias.length === 1 && args.some((arg) => /^-[^-]/.test(arg) && arg.includes(alias)),
  );
  return letter === undefined ? long : `-${letter}`;
}

/** The options that name a file or folder, where an empty value is refused rather than read as a path. */
const PATH_OPTIONS = ["out", "out-dir", "bundle", "cases", "case-file", "volume", "scenario", "input"];

/**
 * An empty path (`--out ""`, `--out-dir=`) is refused naming its flag: the file system would read it as
 * the current folder, or as no such file, and say something about neither. Only string options count
 * (`assess --cases` also takes a number, which parseNumber checks), and only when typed as a flag (the
 * verify command's positional is also called bundle).
 */
export function refuseEmptyPaths(
  argv: Readonly<Record<string, unknown>>,
  args: readonly string[],
  isString: (key: string) => boolean,
): void {
  for (const key of PATH_OPTIONS) {
    const value = argv[key];
    const values = Array.isArray(value) ? value : [value];
    if (!values.includes("") || !isString(key)) continue;
    const flag = `--${key}`;
    if (args.some((arg) => arg === flag || arg.startsWith(`${flag}=`)))
      throw new InputError(flag, messages.emptyPath());
  }
}
