import { InputError } from "../validation/InputError.js";
import { messages } from "../validation/messages.js";

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/** `expectedRate` → `--expected-rate`; `prior.alpha` → `--prior-alpha`. */
export function flagName(field: string): string {
  return `--${field.replaceAll(".", "-").replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
}

/** One value of a flag that takes one: a second occurrence is an error, not a silent override. */
export function single(flag: string, raw: unknown): string | undefined {
  if (raw === undefined) return undefined;
  if (Array.isArray(raw)) throw new InputError(flag, "was given more than once; give it once");
  return String(raw);
}

/**
 * A number typed on the command line. Accepts decimals and exponents (`0.05`, `5e-2`); with
 * `percent`, also `5%`. Rejects what `Number()` would quietly accept or mangle: empty text, `0x10`,
 * `Infinity`, `1e400`.
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
  return isPercent ? value / 100 : value;
}

/**
 * Re-names a library error's field (`expectedRate`) as the flag the user typed (`--expected-rate`).
 * Fields that are not option names (a file's path such as `review.yaml: windows[0].found`) stay as
 * they are.
 */
export function asFlagError(error: InputError): InputError {
  return /^[a-z][A-Za-z.]*$/.test(error.field) ? new InputError(flagName(error.field), error.detail) : error;
}
