import { InputError } from "../validation/InputError.js";
import { messages } from "../validation/messages.js";
import { parseNumberText } from "../validation/parseNumber.js";

/** A library option's name (`expectedRate`, `prior.alpha`), as opposed to a path or a flag. */
const OPTION = /^[a-z][A-Za-z.]*$/;

/** `expectedRate` → `--expected-rate`; `prior.alpha` → `--prior-alpha`. */
export function flagName(field: string): string {
  return `--${field.replaceAll(".", "-").replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
}

/** One value of a flag that takes one: a second occurrence is an error, not a silent override. */
export function single(flag: string, raw: unknown): string | undefined {
  if (raw === undefined) return undefined;
  if (Array.isArray(raw)) throw new InputError(flag, messages.givenTwice());
  // yargs sets a value flag to true when a group of letters gives it none (-nk 5 gives -n nothing).
  if (typeof raw === "boolean") throw new InputError(flag, messages.needsValue(flag, undefined));
  return String(raw);
}

/** A number typed on the command line, read as `parseNumberText` reads it; undefined when not given. */
export function parseNumber(flag: string, raw: unknown, percent = false): number | undefined {
  const text = single(flag, raw);
  return text === undefined ? undefined : parseNumberText(flag, text, percent);
}

/**
 * Re-names a library error's field (`expectedRate`) as the flag the user typed (`--expected-rate`),
 * and so the options its detail mentions. Fields that are not option names (a file's path such as
 * `review.yaml: windows[0].found`) stay as they are.
 */
export function asFlagError(error: InputError): InputError {
  if (!OPTION.test(error.field)) return error;
  const names = error.mentions.filter((name) => OPTION.test(name));
  // One pass, so that a name is never found again inside a flag just written (sample in --sample-size).
  const mention = new RegExp(
    `(?<![\\w.-])(${names.map((n) => n.replaceAll(".", "\\.")).join("|")})(?![\\w-])`,
    "g",
  );
  const detail = names.length === 0 ? error.detail : error.detail.replace(mention, (name) => flagName(name));
  return new InputError(flagName(error.field), detail);
}
