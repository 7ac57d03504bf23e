import { methodName } from "../methods/methodRegistry.js";
import type { ElusionSampleSize } from "../planning/elusionSampleSize.js";
import { formatConfidence, formatCount, formatPercent } from "../text/format.js";
import type { Briefing } from "./Briefing.js";

/** The briefing for an elusion-sample plan: how many unflagged cases to review, and what finding few shows. */
export function elusionPlanBriefing(plan: ElusionSampleSize): Briefing {
  const target =
    plan.target === "elusion"
      ? `elusion at most ${formatPercent(plan.maxElusion)}`
      : `recall at least ${formatPercent(plan.recall)}`;
  const rows: [string, string][] = [
    ["Target", target],
    ["Confidence", `${formatConfidence(plan.confidence)} (one-sided)`],
    ["Unflagged cases", formatCount(plan.unflagged)],
  ];
  if (plan.target === "recall") {
    rows.push(["Affected flagged cases (lower bound)", formatCount(plan.flaggedAffected)]);
  }
  if (plan.sideConfidence !== plan.confidence) {
    rows.push(["Confidence of each side's bound", sideConfidence(plan)]);
  }
  rows.push(
    ["Affected unflagged cases tolerated", formatCount(plan.tolerableAffected)],
    ["Elusion sample size", formatCount(plan.sampleSize)],
    ["Affected allowed in sample", formatCount(plan.allowed)],
    ["Upper bound at that result", `${formatCount(plan.achievedUpper)} affected unflagged cases`],
    ["Risk of wrongly accepting", formatPercent(plan.risk)],
  );
  const notes =
    plan.sampleSize === 0
      ? [
          `No elusion sample is needed: even if all ${formatCount(plan.unflagged)} unflagged cases were affected, the target (${target}) would hold.`,
        ]
      : [
          `If a random sample of ${formatCount(plan.sampleSize)} of the ${formatCount(plan.unflagged)} unflagged cases finds ${plan.allowed === 0 ? "no affected case" : `at most ${formatCount(plan.allowed)} affected`}, at most ${formatCount(plan.achievedUpper)} unflagged cases are affected with ${plan.sideConfidence === plan.confidence ? formatConfidence(plan.confidence) : sideConfidence(plan)} confidence (exact hypergeometric bound), which shows ${target}${plan.target === "recall" ? ` against at least ${formatCount(plan.flaggedAffected)} affected flagged cases, with ${formatConfidence(plan.confidence)} confidence for both together` : ""}. This assumes the sample is drawn at random from all the unflagged cases, and that reviewers recognise affected cases as well there as among the flagged.`,
        ];
  return {
    title: `Elusion sample size: ${methodName(plan.method)}, ${formatConfidence(plan.confidence)} confidence`,
    rows,
    notes,
  };
}

/** √c, shown as what it is: each side's bound at √c holds jointly at c (Šidák). */
function sideConfidence(plan: ElusionSampleSize): string {
  return `√${formatConfidence(plan.confidence)} = ${formatPercent(plan.sideConfidence)} (Šidák)`;
}
