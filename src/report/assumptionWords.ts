import type { AdequatePlan } from "../investigation/adequatePlan.js";
import type { AssumptionId, DetectionTargetSource } from "../investigation/assumptions.js";
import { formatPercent } from "../text/format.js";
import { formatDecimal } from "../text/formatDecimal.js";

/** Each assumption as a clause that completes "Assumes …"; `unit` names the stage cases. */
const ASSUMPTION_WORDS: Readonly<Record<AssumptionId, (unit: string) => string>> = {
  "constant-rate": () => "the rate of affected cases was the same throughout the exposure period",
  "random-sample": () => "the reviewed cases were a random sample",
  "volume-spread": (unit) =>
    `the ${unit} were spread over the span as the volume assumed (each in the windows with their share of it)`,
  "unflagged-random-sample": () =>
    "the unflagged cases reviewed were a random sample of the unflagged cases, drawn independently of the flagged review",
  "equal-recognition": () =>
    "reviewers recognise affected cases as well among the unflagged as among the flagged",
  "wallenius-selection": () =>
    "the reviewed cases were picked one after another, an affected case 1/ω times as likely as an unaffected one at each pick",
  "fisher-selection": () =>
    "each case was included in the review independently, an affected case with 1/ω times the odds of an unaffected one",
};

/**
 * A result's assumptions as one clause ("A, and B, and C"), as a sentence's "Assumes …" completes.
 *
 * @param unit - what the stage cases are called ("cases" or "flagged cases"), for `volume-spread`
 * @example
 * assumptionWords(["random-sample", "volume-spread"], "cases").startsWith("the reviewed cases were a random sample, and the cases were spread"); // true
 */
export function assumptionWords(ids: readonly AssumptionId[], unit = "cases"): string {
  return ids.map((id) => ASSUMPTION_WORDS[id](unit)).join(", and ");
}

/** Where the detection plan's D came from, in words. */
const DETECTION_TARGET_WORDS: Readonly<Record<DetectionTargetSource, string>> = {
  materiality: "materiality",
  "constant-rate-bound":
    "upper bound on affected cases over the whole span under a constant rate (found + undetected)",
  "tolerable-rate": "tolerable rate × cases over the whole span",
};

/**
 * Where the detection plan's D came from, as the plan's section says it in brackets.
 *
 * @example
 * detectionTargetWords("tolerable-rate"); // "tolerable rate × cases over the whole span"
 */
export function detectionTargetWords(source: DetectionTargetSource): string {
  return DETECTION_TARGET_WORDS[source];
}

/**
 * Where the plan's tolerable rate came from: given, the materiality's share of the span's stage cases, or
 * the documented default (an assumption, said so).
 *
 * @param unit - what the stage cases are called ("cases" or "flagged cases")
 * @example
 * tolerableWords({ target: "materiality", tolerable: 0.01, materialityShare: { materiality: 100, stageCases: 10000 } }, "cases"); // "materiality: 100 of 10,000 cases"
 */
export function tolerableWords(
  plan: Pick<AdequatePlan, "target" | "tolerable" | "materialityShare">,
  unit: string,
): string {
  if (plan.target === "tolerable") return "given";
  if (plan.target === "materiality" && plan.materialityShare !== null)
    return `materiality: ${formatDecimal(plan.materialityShare.materiality)} of ${formatDecimal(plan.materialityShare.stageCases)} ${unit}`;
  return `the default target of ${formatPercent(plan.tolerable)}, an assumption: set tolerable or materiality to state your own`;
}
