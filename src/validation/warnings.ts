/**
 * A warning a result attaches: a stable id, by which a presentation can tell warnings apart (the report
 * leaves out those its own limitations already say), and the text, from the messages module. The ids live
 * here, beside the messages, so that every layer's results (intervals/, planning/, investigation/) can
 * carry them.
 */
export interface Warning {
  readonly id: WarningId;
  readonly text: string;
}

/**
 * Every kind of warning a result can attach. An assessment's: `rates-differ` to `recall-cases-unknown`
 * (`not-shown-random` and `cases-pro-rated` come once per window). A rate interval's (and so each method's
 * in a comparison of intervals): `rate-bound-approximate`, `wald-degenerate`, `poisson-clipped`. A case
 * file's appraisal: `periods-not-sampled`.
 */
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
  | "recall-cases-unknown"
  | "rate-bound-approximate"
  | "wald-degenerate"
  | "poisson-clipped"
  | "periods-not-sampled";
