import { InputError } from "./InputError.js";
import { messages } from "./messages.js";

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/**
 * Whether text is a decimal numeral as {@link parseNumber} reads it (surrounding spaces allowed): how
 * `--cases` tells a count from a file's path.
 *
 * @example
 * isNumeral(" 12000 "); // true
 * isNumeral("./cases.csv"); // false
 */
export function isNumeral(text: string): boolean {
  return NUMBER.test(text.trim());
}

/**
 * A number typed by a user (on the command line or in a form field named `field`). Accepts decimals and
 * exponents (`0.05`, `5e-2`); with `percent`, also `5%`. Rejects what `Number()` would quietly accept or
 * mangle: empty text, `0x10`, `Infinity`, `1e400`, `1e-400` (read as 0), and a fraction with so many
 * digits that it reads as a whole number (`5.0000000000000001`, which a count would otherwise take as 5).
 *
 * @throws {InputError} naming `field`, with the text from {@link messages}
 * @example
 * parseNumberText("confidence", "95%", true); // 0.95
 */
export function parseNumberText(field: string, text: string, percent = false): number {
  const trimmed = text.trim();
  const isPercent = percent && trimmed.endsWith("%");
  const body = isPercent ? trimmed.slice(0, -1).trim() : trimmed;
  if (!NUMBER.test(body)) throw new InputError(field, messages.notANumber(text));
  const value = Number(body);
  if (!Number.isFinite(value)) throw new InputError(field, messages.notFinite(text));
  if (value === 0 && /[1-9]/.test(body.replace(/[eE].*$/, ""))) {
    throw new InputError(field, messages.underflow(text));
  }
  if (Number.isInteger(value) && !typedWhole(body)) {
    throw new InputError(field, messages.beyondPrecision(text, value));
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
