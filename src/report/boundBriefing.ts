import type { CountInterval } from "../intervals/countInterval.js";
import type { ProportionInterval } from "../intervals/proportionInterval.js";
import { methodName } from "../methods/methodRegistry.js";
import { describeSided, formatCases, formatConfidence, formatCount, formatPercent } from "../text/format.js";
import type { Briefing } from "./Briefing.js";
import { formatBias, selectionAssumption } from "./selectionWords.js";

/** The briefing for a count bound (with a population) or a rate interval (without). */
export function boundBriefing(result: CountInterval | ProportionInterval): Briefing {
  const title = `Bound on affected cases: ${methodName(result.method)}, ${describeSided(result.sided)}, ${formatConfidence(result.confidence)} confidence`;
  if ("population" in result) {
    const r = result;
    const rows: [string, string][] = [
      ["Population (N)", formatCount(r.population)],
      ["Examined (n)", `${formatCount(r.sample)} (${formatPercent(r.sampledFraction, 1)} of N)`],
      ["Found affected (k)", formatCount(r.found)],
      ["Estimate", `${formatCases(r.estimate)} (${formatPercent(r.rate.estimate)})`],
    ];
    if (r.sided === "two")
      rows.push(["Lower bound", `${formatCases(r.lower)} (${formatPercent(r.rate.lower)})`]);
    rows.push(["Upper bound", `${formatCases(r.upper)} (${formatPercent(r.rate.upper)})`]);
    rows.push(["Not found, at most", formatCases(r.notFound.upper)]);
    if (r.method !== "hypergeometric") rows.push(["Selection bias (ω)", formatBias(r.bias)]);
    return {
      title,
      rows,
      notes: [
        `With ${formatConfidence(r.confidence)} confidence at most ${formatCount(r.upper)} of the ${formatCases(r.population)} ${r.upper === 1 ? "is" : "are"} affected, if the ${formatCount(r.sample)} examined were ${selectionAssumption(r)}.`,
      ],
    };
  }
  const r = result;
  const rows: [string, string][] = [
    ["Examined (n)", formatCount(r.sample)],
    ["Found affected (k)", formatCount(r.found)],
    [r.method === "bayes" ? "Estimate (posterior median)" : "Estimate", formatPercent(r.estimate)],
  ];
  if (r.sided === "two") rows.push(["Lower bound", formatPercent(r.lower)]);
  rows.push(["Upper bound", formatPercent(r.upper)]);
  if (r.prior) rows.push(["Prior", `Beta(${r.prior.alpha}, ${r.prior.beta})`]);
  return {
    title: title.replace("affected cases", "the rate of affected cases"),
    rows,
    notes: r.warnings.map((w) => w.text),
  };
}
