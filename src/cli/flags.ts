import { InputError } from "../validation/InputError.js";
import { messages } from "../validation/messages.js";

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

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

/**
 * A number typed on the command line. Accepts decimals and exponents (`0.05`, `5e-2`); with
 * `percent`, also `5%`. Rejects what `Number()` would quietly accept or mangle: empty text, `0x10`,
 * `Infinity`, `1e400`, `1e-400` (read as 0), and a fraction with so many digits that it reads as a
 * whole number (`5.0000000000000001`, which a count flag would otherwise take as 5).
 */
export function parseNumber(flag: string, raw: unknown, percent = false): number | undefined {
  const text = single(flag, raw);
  if (text === undefined) return undefined;
  const trimmed = text.trim();
  const isPercent = percent && trimmed.endsWith("%");
  const body = isPercent ? trimmed.slice(0, -1).trim() : trimmed;
  if (!NUMBER.test(body)) throw new InputError(flag, messages.notANumber(text));
  const value = Number(body);
  if (!Number.isFinite(value)) throw new InputError(flag, messages.notFinite(text));
  if (value === 0 && /[1-9]/.test(body.replace(/[eE].*$/, ""))) {
    throw new InputError(flag, messages.underflow(text));
  }
  if (Number.isInteger(value) && !typedWhole(body)) {
    throw new InputError(flag, messages.beyondPrecision(text, value));
  }
  return isPercent ? value / 100 : value;
}

/** Whether a decimal numeral (matching NUMBER) is a whole number exactly as typed, before rounding. */
function typedWhole(numeral: string): boolean {
  const [mantissa = "", exponent = "0"] = numeral.replace(/^[+-]/, "").split(/[eE]/);
  const [whole = "", fraction = ""] = mantissa.split(".");
  const digits = whole + fraction;
  if (!/[1-9]/.test(digits)) return true;
  const trailingZeros = digits.length - digits.replace(/0+$/, "").length;
  // The numeral is (digits without trailing zeros) × 10^power; whole when power ≥ 0.
  return Number(exponent) - fraction.length + trailingZeros >= 0;
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
