import { methodName } from "../methods/methodRegistry.js";
import type { PrecisionSampleSize } from "../planning/precisionSampleSize.js";
import { formatConfidence, formatCount, formatPercent } from "../text/format.js";
import type { Briefing } from "./Briefing.js";

/** The briefing for attribute sample sizes by precision, one row per confidence level (as RAT-STATS prints). */
export function precisionPlanBriefing(plans: readonly PrecisionSampleSize[]): Briefing {
  const first = plans[0];
  if (first === undefined) return { title: "Sample size by precision", rows: [], notes: [] };
  const rows: [string, string][] = [
    ["Population (N)", formatCount(first.population)],
    ["Anticipated rate", formatPercent(first.anticipated)],
    [
      "Desired precision (width)",
      `${formatPercent(first.precision)} (${formatCount(first.targetWidth)} cases)`,
    ],
  ];
  for (const plan of plans) {
    rows.push([
      `Sample size at ${formatConfidence(plan.confidence)}`,
      `${formatCount(plan.sampleSize)} (${formatCount(plan.anticipatedFound)} found: ${formatCount(plan.lower)} to ${formatCount(plan.upper)} cases, width ${formatCount(plan.width)})`,
    ]);
  }
  return {
    title: `Sample size by precision: ${methodName(first.method)}`,
    rows,
    notes: [
      `Each size is the last one before the exact two-sided interval for the affected count, at n × ${formatPercent(first.anticipated)} found, first becomes narrower than ${formatCount(first.targetWidth)} cases (the RAT-STATS search; see the methods page).`,
      "The width is met only if the sample's rate is near the anticipated rate; a rate nearer 50% gives a wider interval.",
    ],
  };
}
