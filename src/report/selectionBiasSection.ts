import { selectionBiasChart } from "../charts/selectionBiasChart.js";
import type { Assessment } from "../investigation/assessInvestigation.js";
import { formatConfidence, formatCount, roundSignificant } from "../text/format.js";
import type { Section } from "./ReportDocument.js";
import { statements } from "./statements.js";

/** ω as printed: up to three significant figures. */
const omega = (bias: number) => String(roundSignificant(bias, 3));

/**
 * The report's section on selection bias: how the bounds grow if reviewers were less likely to pick an
 * affected case, the tipping bias for the window and the whole period, and the model it rests on.
 */
export function selectionBiasSection(a: Assessment): Section | null {
  const s = a.selectionBias;
  if (s === null) return null;
  const c = formatConfidence(a.confidence);
  const statement = statements(a).find((st) => st.id === "selection-bias");
  const modelName = s.model === "wallenius" ? "Wallenius' model" : "Fisher's model";
  const model =
    s.model === "wallenius"
      ? "Wallenius' model: the reviewers picked cases one after another, and at every pick an affected case was ω times less likely to be chosen than an unaffected one (Fog 2008)"
      : "Fisher's model: each case entered the review independently, an affected case with ω times lower odds than an unaffected one (Fog 2008)";
  return {
    id: "selection-bias",
    heading: "If the reviewed cases were not picked at random",
    blocks: [
      {
        kind: "paragraph",
        text: `The bounds above assume the reviewed cases were a random sample. If reviewers were less likely to pick an affected case, the cases found understate the rest. This section assumes ${model}. ω = 1 is a random sample; the larger ω, the more the selection avoided affected cases.`,
      },
      {
        kind: "table",
        headers: [
          "ω",
          `Affected in the window, at most (${c})`,
          "Undetected in the window, at most",
          "Undetected over the whole period, at most",
        ],
        rows: s.rows.map((r) => [
          omega(r.bias),
          formatCount(r.affected),
          formatCount(r.undetected),
          formatCount(r.spanUndetected),
        ]),
      },
      {
        kind: "chart",
        id: "selection-bias",
        caption: `Upper bound on undetected cases in the window against ω under ${modelName}, with the random-sample bound and the bound with no assumption.`,
        alt: `Line chart of the upper bound on undetected affected cases in the window against ω, under ${modelName}: ${s.rows.map((r) => `ω = ${omega(r.bias)}: at most ${formatCount(r.undetected)}`).join("; ")}. Random sample: ${formatCount(s.randomSample.undetected)}; with no assumption: ${formatCount(s.assumptionFree.undetected)}.${s.tippingBias.window === null || s.tippingBias.window === 1 ? "" : ` Tipping bias: ω = ${s.tippingBias.window}.`}`,
        spec: selectionBiasChart(a),
      },
      ...(statement ? [{ kind: "paragraph" as const, text: statement.text }] : []),
    ],
  };
}
