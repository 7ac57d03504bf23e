import { type PlanCurve, planCurve } from "../planning/planCurve.js";
import { InputError } from "../validation/InputError.js";
import { messages } from "../validation/messages.js";
import type { AdequatePlan, PlanStratum } from "./adequatePlan.js";

export interface StratumPlanCurve {
  /** The stratum the curve is for. */
  readonly stratum: PlanStratum;
  /** True when it was chosen as the stratum with the most cases (no label given). */
  readonly largest: boolean;
  /**
   * When chosen as the largest: how many strata have that many cases (1 when it alone has the most; the
   * first of them is chosen). 0 when the stratum was named by its label.
   */
  readonly tiedForLargest: number;
  readonly curve: PlanCurve;
}

/**
 * The sample-size curve of one stratum of an adequate plan (exact hypergeometric, the plan's confidence,
 * tolerable and expected rate): the stratum named by `label`, or else the one with the most cases, which
 * needs the largest sample. The choice is returned, so that every presentation can say which it is.
 *
 * @throws {InputError} naming `stratum` when no stratum has that label
 * @example
 * import { assessInvestigation, examples, stratumPlanCurve } from "sampling-adequacy";
 * const { stratum, curve } = stratumPlanCurve(assessInvestigation(examples["hmcts-sscs"]).adequatePlan);
 * [stratum.label, curve.plan.sampleSize]; // the largest year and its sample size
 */
export function stratumPlanCurve(plan: AdequatePlan, label?: string): StratumPlanCurve {
  let stratum: PlanStratum | undefined;
  if (label === undefined) {
    stratum = plan.strata.reduce((a, b) => (b.population > a.population ? b : a));
  } else {
    stratum = plan.strata.find((s) => s.label === label);
    if (stratum === undefined) {
      throw new InputError(
        "stratum",
        messages.oneOf(
          plan.strata.map((s) => s.label),
          label,
        ),
      );
    }
  }
  return {
    stratum,
    largest: label === undefined,
    tiedForLargest:
      label === undefined ? plan.strata.filter((s) => s.population === stratum.population).length : 0,
    curve: planCurve({
      model: "hypergeometric",
      population: stratum.population,
      tolerable: plan.tolerable,
      confidence: plan.confidence,
      ...(plan.expectedRate > 0 ? { expectedRate: plan.expectedRate } : {}),
    }),
  };
}
