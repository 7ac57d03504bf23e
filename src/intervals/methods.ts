/**
 * The rate-interval methods, in a module of their own (no numerical code), so that the CLI can list them
 * in `--help` without loading the interval code.
 */
export const PROPORTION_METHODS = [
  "clopper-pearson",
  "wilson",
  "jeffreys",
  "agresti-coull",
  "wald",
  "poisson",
  "bayes",
] as const;
export type ProportionMethod = (typeof PROPORTION_METHODS)[number];
