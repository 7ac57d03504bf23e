import { roundSignificant } from "../text/format.js";

/**
 * How the examined cases were picked, as the end of a sentence "… if the 109 examined were …": the
 * assumption every count bound rests on, random or with a stated selection bias.
 */
export function selectionAssumption(method: string, bias: number): string {
  if (method === "hypergeometric" || bias === 1) return "drawn at random";
  const relative =
    bias > 1 ? `${formatBias(bias)} times less likely` : `${formatBias(1 / bias)} times more likely`;
  return method === "fisher"
    ? `each included independently, an affected case with odds ${relative} than an unaffected one (Fisher's model, ω = ${formatBias(bias)})`
    : `picked one after another, an affected case ${relative} than an unaffected one to be picked at each pick (Wallenius' model, ω = ${formatBias(bias)})`;
}

/** A selection bias ω as written: up to four significant figures, no trailing zeros. */
export function formatBias(bias: number): string {
  return String(roundSignificant(bias, 4));
}
