import type { Sided } from "../methods/sided.js";
import { formatDecimal } from "./formatDecimal.js";

/** A count with thousands separators: 1,886. Non-integers keep one decimal: 5.6. */
export function formatCount(value: number): string {
  const digits = Number.isInteger(value) ? 0 : 1;
  return formatDecimal(value, digits, digits);
}

/** A count with its noun, singular for exactly one: "1 case", "0 cases", "1,886 cases". */
export function formatCases(count: number, one = "case", many = `${one}s`): string {
  return `${formatCount(count)} ${count === 1 ? one : many}`;
}

/**
 * A count with a plural noun phrase ("cases", "flagged cases"), singular for exactly one: "1 flagged case",
 * "2 flagged cases".
 */
export function formatCountOf(count: number, plural: string): string {
  return formatCases(count, plural.endsWith("s") ? plural.slice(0, -1) : plural, plural);
}

/**
 * A rate as a percentage to four significant figures (4.278%, 0.02322%), so that a bound just below a
 * threshold never prints as the threshold itself; `decimals` fixes the decimals instead (17.9%). A
 * percentage is never rounded into a false statement: a rate above 0 never prints as 0% (below 0.1%, with
 * one decimal; 1×10⁻¹³% to four significant figures) and a rate below 1 never as 100% (99.99999%, or
 * above 99.9% with one decimal).
 *
 * @example
 * formatPercent(0.0427813); // "4.278%"
 * formatPercent(1e-15); // "1×10⁻¹³%"
 * formatPercent(0.99999999); // "99.999999%"
 * formatPercent(0.0004, 1); // "<0.1%"
 */
export function formatPercent(rate: number, decimals?: number): string {
  if (rate === 0) return "0%";
  const percent = rate * 100;
  if (decimals !== undefined) {
    const step = 10 ** -decimals;
    const value = Number(percent.toFixed(decimals));
    if (value === 0) return `<${formatDecimal(step, 0, decimals)}%`;
    if (value === 100 && rate < 1) return `>${formatDecimal(100 - step, decimals, decimals)}%`;
    return `${formatDecimal(value, 0, decimals)}%`;
  }
  // Four significant figures, or as many more as it takes to tell a rate below 1 from 100%.
  let digits = 4;
  while (digits < 17 && rate < 1 && Number(percent.toPrecision(digits)) >= 100) digits++;
  if (percent < 1e-6) {
    const [mantissa, exponent] = percent.toExponential(digits - 1).split("e");
    return `${Number(mantissa)}×10${superscript(Number(exponent))}%`;
  }
  return `${formatDecimal(Number(percent.toPrecision(digits)), 0, 20)}%`;
}

const SUPERSCRIPT = "⁰¹²³⁴⁵⁶⁷⁸⁹";

function superscript(exponent: number): string {
  const digits = [...String(Math.abs(exponent))].map((d) => SUPERSCRIPT[Number(d)]).join("");
  return `${exponent < 0 ? "⁻" : ""}${digits}`;
}

/** A probability as a whole number out of 100, for natural frequencies ("about 58 of 100 reviews"): 0.583 → "58". */
export function formatPerHundred(probability: number): string {
  return formatDecimal(roundDecimals(probability * 100, 0));
}

/**
 * A chance (a probability) as a whole percentage a reader can picture: "58%", with "<1%" and ">99%" rather
 * than a rounded 0% or 100%. Only 0 prints as 0%; even 1 prints as ">99%", because a chance of finding
 * something computed as 1 − (miss chance) reads 1 in floating point once the miss chance is below about
 * 10⁻¹⁶, and "100%" would claim a certainty the review does not have. Use `formatPercent` where the
 * figure is compared with a threshold and four significant figures matter.
 *
 * @example
 * formatChance(0.5799); // "58%"
 * formatChance(0.004); // "<1%"
 * formatChance(1); // ">99%"
 */
export function formatChance(probability: number): string {
  return probability === 1 ? ">99%" : formatPercent(probability, 0);
}

/**
 * A chance as a natural frequency, how many of 100 like occasions it happens on, rounded as
 * `formatChance` rounds: "about 58", "none", "fewer than 1", "more than 99" (for 1 too). It completes a
 * sentence such as "of 100 reviews like this one, about 58 would have found at least one affected case"
 * (Gigerenzer & Hoffrage 1995: readers reason more soundly from frequencies than from probabilities).
 *
 * @example
 * formatFrequency(0.5799); // "about 58"
 * formatFrequency(0); // "none"
 * formatFrequency(0.004); // "fewer than 1"
 */
export function formatFrequency(probability: number): string {
  if (probability === 0) return "none";
  const perHundred = formatPerHundred(probability);
  if (perHundred === "0") return "fewer than 1";
  if (perHundred === "100") return "more than 99"; // 1 as well: see formatChance
  return `about ${perHundred}`;
}

/** 0.95 → "95%"; 0.9999 → "99.99%". */
export function formatConfidence(confidence: number): string {
  return `${Number((confidence * 100).toPrecision(10))}%`;
}

/** "one-sided (upper)" or "two-sided". */
export function describeSided(sided: Sided): string {
  return sided === "upper" ? "one-sided (upper)" : "two-sided";
}

/** "one-sided" or "two-sided", for sentences where the tail is clear from context. */
export function sidedWord(sided: Sided): string {
  return sided === "upper" ? "one-sided" : "two-sided";
}

/** Text safe inside HTML, in element content and in quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

/** The text with its first letter in upper case: "cases" → "Cases". */
export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** A number with exactly `digits` decimals: 12.5 → "12.50" (a RAT-STATS seed, an allowance). */
export function formatFixed(value: number, digits: number): string {
  return value.toFixed(digits);
}

/** A number to `digits` significant figures, trailing zeros kept: 0.75 → "0.7500" at 4. */
export function formatPrecision(value: number, digits: number): string {
  return value.toPrecision(digits);
}

/** A number rounded to `digits` decimals, as a number: an estimate of 5.64 cases → 5.6. */
export function roundDecimals(value: number, digits: number): number {
  return Number(value.toFixed(digits));
}

/** A number rounded to `digits` significant figures, as a number: a tipping point of 1.2345 → 1.23. */
export function roundSignificant(value: number, digits: number): number {
  return Number(value.toPrecision(digits));
}
