import type { CountInterval } from "../intervals/countInterval.js";
import { roundSignificant } from "../text/format.js";

/**
 * How the examined cases were picked, as the end of a sentence "… if the 109 examined were …": the
 * assumption every count bound rests on, random or with a stated selection bias (ω, and its reciprocal
 * `affectedPickOdds` for a selection leaning towards affected cases).
 */
export function selectionAssumption(r: Pick<CountInterval, "method" | "bias" | "affectedPickOdds">): string {
  const { method, bias } = r;
  if (method === "hypergeometric" || bias === 1) return "drawn at random";
  const relative =
    bias > 1
      ? `${formatBias(bias)} times less likely`
      : `${formatBias(r.affectedPickOdds)} times more likely`;
  return method === "fisher"
    ? `each included independently, an affected case with odds ${relative} than an unaffected one (Fisher's model, ω = ${formatBias(bias)})`
    : `picked one after another, an affected case ${relative} than an unaffected one to be picked at each pick (Wallenius' model, ω = ${formatBias(bias)})`;
}

/** A selection bias ω as written: up to four significant figures, no trailing zeros. */
export function formatBias(bias: number): string {
  return String(roundSignificant(bias, 4));
}
