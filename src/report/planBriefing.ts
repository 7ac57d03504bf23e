import { methodName } from "../methods/methodRegistry.js";
import type { SampleSize } from "../planning/sampleSize.js";
import { formatCases, formatConfidence, formatCount, formatFixed, formatPercent } from "../text/format.js";
import type { Briefing } from "./Briefing.js";

/** The briefing for a sample-size plan. */
export function planBriefing(plan: SampleSize): Briefing {
  const rows: [string, string][] = [
    ["Tolerable rate", formatPercent(plan.tolerable)],
    ["Confidence", `${formatConfidence(plan.confidence)} (one-sided upper bound)`],
  ];
  if (plan.population !== undefined) rows.push(["Population (N)", formatCount(plan.population)]);
  if (plan.ruledOut !== undefined) rows.push(["Rules out", `${formatCount(plan.ruledOut)} or more affected`]);
  if (plan.expectedRate !== undefined) rows.push(["Expected rate", formatPercent(plan.expectedRate)]);
  rows.push(
    ["Sample size", formatCount(plan.sampleSize)],
    [
      "Affected allowed in sample",
      Number.isInteger(plan.allowed) ? formatCount(plan.allowed) : formatFixed(plan.allowed, 2),
    ],
    ["Upper bound at that result", formatPercent(plan.achievedUpper)],
    ["Risk of wrongly accepting", formatPercent(plan.risk)],
  );
  return {
    title: `Sample size: ${methodName(plan.method)}, ${formatConfidence(plan.confidence)} confidence`,
    rows,
    notes: [
      `A random sample of ${formatCases(plan.sampleSize)} with ${plan.allowed === 0 ? "no affected case" : `at most ${Number.isInteger(plan.allowed) ? formatCases(plan.allowed, "affected case", "affected cases") : `${formatFixed(plan.allowed, 2)} affected cases`}`} found supports, with ${formatConfidence(plan.confidence)} confidence, that the rate is below ${formatPercent(plan.tolerable)}.`,
    ],
  };
}
