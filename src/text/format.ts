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
 * A rate as a percentage to four significant figures (4.278%, 0.02322%), so that a bound just below a
 * threshold never prints as the threshold itself; `decimals` fixes the decimals instead (17.9%).
 */
export function formatPercent(rate: number, decimals?: number): string {
  if (rate === 0) return "0%";
  const percent = rate * 100;
  const value = decimals === undefined ? Number(percent.toPrecision(4)) : Number(percent.toFixed(decimals));
  return `${formatDecimal(value, 0, 12)}%`;
}

/** 0.95 → "95%"; 0.9999 → "99.99%". */
export function formatConfidence(confidence: number): string {
  return `${Number((confidence * 100).toPrecision(10))}%`;
}

/** A probability to four significant figures. */
export function formatProbability(p: number): string {
  if (p === 0 || p === 1) return String(p);
  return p < 1e-4 ? p.toExponential(3) : Number(p.toPrecision(4)).toString();
}

/** "one-sided (upper)" or "two-sided". */
export function describeSided(sided: Sided): string {
  return sided === "upper" ? "one-sided (upper)" : "two-sided";
}

/** "one-sided" or "two-sided", for sentences where the tail is clear from context. */
export function sidedWord(sided: Sided): string {
  return sided === "upper" ? "one-sided" : "two-sided";
}
