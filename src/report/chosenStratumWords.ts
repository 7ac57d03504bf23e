import type { StratumPlanCurve } from "../investigation/stratumPlanCurve.js";
import type { Stratum } from "../scenario/calendar.js";
import { formatCount } from "../text/format.js";

/**
 * Names the stratum a sample-size curve is drawn for, and why it was chosen: "2023, the year with the most
 * cases", or, when several strata tie for the most, "2021, the first of the 4 years tied for the most cases
 * (2,449 each)", so that a reader is not told one stratum stands out when it does not. A stratum named by
 * the user is named alone.
 *
 * @example
 * import { assessInvestigation, examples } from "sampling-adequacy";
 * const a = assessInvestigation(examples["hmcts-sscs"]);
 * chosenStratumWords(a.sampleSizeCurve!, a.adequatePlan.stratify); // "2020, the year with the most cases"
 */
export function chosenStratumWords(chosen: StratumPlanCurve, stratify: Stratum): string {
  const { label, population } = chosen.stratum;
  if (!chosen.largest) return label;
  if (chosen.tiedForLargest <= 1) return `${label}, the ${stratify} with the most cases`;
  return `${label}, the first of the ${formatCount(chosen.tiedForLargest)} ${stratify}s tied for the most cases (${formatCount(population)} each)`;
}
