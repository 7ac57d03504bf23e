/**
 * `value` with thousands separators and between `minimumFractionDigits` and `maximumFractionDigits`
 * decimals: exactly what `value.toLocaleString("en-US", { minimumFractionDigits, maximumFractionDigits,
 * signDisplay: "negative" })` prints (1,886; 4.278; 1.01 for 1.005 at two decimals; 0 for -0 and for
 * -0.3 at no decimals, never "-0", which a reader takes for a different number). Like ICU, it starts from the shortest
 * decimal that reads back as the same double (what `String(value)` gives) and rounds that half away
 * from zero.
 *
 * Hand-written because the first Intl number format in a process costs about 8 ms of ICU start-up,
 * a tenth of a whole CLI run; test/text/formatDecimal.test.ts checks it against Intl itself.
 *
 * @param value - any number; non-finite values are left to Intl
 * @param minimumFractionDigits - decimals always shown (0 to 100, as Intl allows)
 * @param maximumFractionDigits - decimals at most, trailing zeros beyond the minimum dropped; raised to
 *   the minimum when below it
 * @example
 * formatDecimal(1886); // "1,886"
 * formatDecimal(4.2780001, 0, 3); // "4.278"
 */
export function formatDecimal(value: number, minimumFractionDigits = 0, maximumFractionDigits = 0): string {
  const maximum = Math.max(minimumFractionDigits, maximumFractionDigits);
  if (!Number.isFinite(value)) {
    return value.toLocaleString("en-US", { minimumFractionDigits, maximumFractionDigits: maximum });
  }
  // The shortest round-trip digits and the position of the decimal point among them.
  const [mantissa = "0", exponent] = Math.abs(value).toString().split("e");
  const point = mantissa.indexOf(".");
  let digits = mantissa.replace(".", "");
  let whole = (point === -1 ? mantissa.length : point) + Number(exponent ?? 0);
  const leading = /^0*/.exec(digits)?.[0].length ?? 0;
  digits = digits.slice(leading);
  whole -= leading;
  let integer = whole > 0 ? digits.slice(0, whole).padEnd(whole, "0") : "0";
  let fraction = whole >= 0 ? digits.slice(whole) : "0".repeat(-whole) + digits;
  if (fraction.length > maximum) {
    const roundUp = (fraction[maximum] as string) >= "5";
    fraction = fraction.slice(0, maximum);
    if (roundUp) [integer, fraction] = increment(integer, fraction);
  }
  fraction = fraction.replace(/0+$/, "").padEnd(minimumFractionDigits, "0");
  const grouped = integer.replace(/^0+(?=\d)/, "").replace(/\B(?=(\d{3})+$)/g, ",");
  // No "-0": a value that prints as zero has no sign (Intl's signDisplay "negative").
  const sign = value < 0 && /[1-9]/.test(integer + fraction) ? "-" : "";
  return `${sign}${grouped}${fraction ? `.${fraction}` : ""}`;
}

/** Adds one unit in the last place of `integer.fraction`, carrying into the integer part. */
function increment(integer: string, fraction: string): [string, string] {
  const all = (integer + fraction).split("");
  let i = all.length - 1;
  while (i >= 0 && all[i] === "9") all[i--] = "0";
  if (i >= 0) all[i] = String(Number(all[i]) + 1);
  else all.unshift("1");
  const split = all.length - fraction.length;
  return [all.slice(0, split).join(""), all.slice(split).join("")];
}
