/** Display names of methods with their reference, as they appear in every output. */
export const METHOD_NAMES: Readonly<Record<string, string>> = {
  hypergeometric: "exact hypergeometric (Buonaccorsi 1987)",
  "clopper-pearson": "Clopper–Pearson exact binomial (1934)",
  wilson: "Wilson score (1927)",
  jeffreys: "Jeffreys equal-tailed (Brown, Cai & DasGupta 2001)",
  "agresti-coull": "Agresti–Coull (1998)",
  wald: "Wald normal approximation",
  poisson: "exact Poisson (Garwood 1936)",
  bayes: "Bayesian Beta posterior",
  binomial: "binomial",
};

export function methodName(method: string): string {
  return METHOD_NAMES[method] ?? method;
}
