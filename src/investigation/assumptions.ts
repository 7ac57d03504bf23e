/**
 * What a model-based figure of an assessment rests on, by id. Results carry the ids; report/ words them
 * (report/assumptionWords.ts), so that the model can serve another language or interface.
 *
 * - `constant-rate`: the rate of affected cases was the same throughout the exposure period.
 * - `random-sample`: the reviewed cases were a random sample.
 * - `volume-spread`: the stage cases were spread over the span as the volume assumed (each in the windows
 *   with their share of it); taken when the outside volume is estimated from the windows' own count.
 * - `unflagged-random-sample`: the unflagged cases reviewed were a random sample of the unflagged cases,
 *   drawn independently of the flagged review.
 * - `equal-recognition`: reviewers recognise affected cases as well among the unflagged as among the flagged.
 * - `wallenius-selection`: the reviewed cases were picked one after another, an affected case 1/ω times
 *   as likely as an unaffected one at each pick (Wallenius' model).
 * - `fisher-selection`: each case was included in the review independently, an affected case with 1/ω
 *   times the odds of an unaffected one (Fisher's model).
 */
export type AssumptionId =
  | "constant-rate"
  | "random-sample"
  | "volume-spread"
  | "unflagged-random-sample"
  | "equal-recognition"
  | "wallenius-selection"
  | "fisher-selection";

/**
 * Where the detection plan's D comes from: the materiality given; the upper bound on affected cases over
 * the whole span under a constant rate (found + undetected); or the tolerable rate × the span's stage cases.
 */
export type DetectionTargetSource = "materiality" | "constant-rate-bound" | "tolerable-rate";
