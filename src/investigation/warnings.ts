/**
 * A warning an assessment attaches: a stable id, by which a presentation can tell warnings apart (the
 * report leaves out those its own limitations already say), and the text, from the messages module.
 */
export interface Warning {
  readonly id: WarningId;
  readonly text: string;
}

/** Every kind of warning an assessment can attach; `not-shown-random` and `cases-pro-rated` come once per window. */
export type WarningId =
  | "rates-differ"
  | "not-shown-random"
  | "cases-pro-rated"
  | "flagged-outside-estimated"
  | "no-case-volumes"
  | "unrestricted-counts-stage-only"
  | "beyond-sensitivity"
  | "joint-limit-undecided"
  | "drift-rows-beyond-count"
  | "drift-implausible"
  | "drift-saturated"
  | "tipping-point-searched-to"
  | "selection-bias-needs-perfect-review"
  | "rate-plan-unreachable"
  | "recall-unbounded"
  | "recall-cases-unknown";
