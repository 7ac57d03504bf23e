/**
 * Every method a result can name, by id: its display name, its reference (as cited in the References of
 * docs/methods.md) and the anchor of the docs/methods.md section that gives its formula, convention and
 * caveats. Results carry the id; presentations look the name up here. A leaf module: it imports nothing,
 * so that anyone (the CLI's help included) can read it without loading numerical code.
 */

/** One method: what a reader is shown, whom it cites, and where docs/methods.md explains it. */
export interface MethodEntry {
  /** The name as every output prints it, with its short citation where it has one. */
  readonly name: string;
  /** The works it rests on: author and year, as their entries start in the References of docs/methods.md. */
  readonly reference: string;
  /** The GitHub anchor of its section in docs/methods.md (without `#`). */
  readonly anchor: string;
}

const RATE = "rate-intervals--proportioninterval-adequacy-bound-without---population";
const COUNT = "count-bounds--countinterval-adequacy-bound---population";
const BIAS = "count-bounds-under-selection-bias--countinterval-bias-biasmodel-";
const SAMPLE_SIZES = "sample-sizes--samplesize-adequacy-plan";
const PRECISION = "sample-size-by-precision--precisionsamplesize-adequacy-plan---precision---anticipated--n";
const DETECTION = "detection--detectionprobability-detectionsamplesize-adequacy-detect";
const SCREEN = "screen-recall-and-elusion--evaluatescreen-recallinterval-elusionsamplesize";
const SPAN = "investigation-over-a-time-span--assessinvestigation-adequacy-assess";
const STRATA = "stratified-attribute-appraisal--appraisestrata-adequacy-appraise";
const TWO_STAGE = "two-stage-cluster-attribute-appraisal--appraisetwostage-adequacy-appraise---unit";
const JOINT = "joint-limits-on-a-total-over-strata--stratifiedcount";

/** The registry. Ids are stable: they appear in JSON output and scenario-independent records. */
export const METHOD_REGISTRY = {
  "clopper-pearson": {
    name: "Clopper–Pearson exact binomial (1934)",
    reference: "Clopper & Pearson 1934",
    anchor: RATE,
  },
  wilson: { name: "Wilson score (1927)", reference: "Wilson 1927", anchor: RATE },
  jeffreys: {
    name: "Jeffreys equal-tailed (Brown, Cai & DasGupta 2001)",
    reference: "Brown, Cai & DasGupta 2001",
    anchor: RATE,
  },
  "agresti-coull": { name: "Agresti–Coull (1998)", reference: "Agresti & Coull 1998", anchor: RATE },
  wald: { name: "Wald normal approximation", reference: "Brown, Cai & DasGupta 2001", anchor: RATE },
  poisson: { name: "exact Poisson (Garwood 1936)", reference: "Garwood 1936", anchor: RATE },
  bayes: { name: "Bayesian Beta posterior", reference: "Gelman et al. 2013", anchor: RATE },
  hypergeometric: {
    name: "exact hypergeometric (Buonaccorsi 1987)",
    reference: "Buonaccorsi 1987",
    anchor: COUNT,
  },
  wallenius: {
    name: "Wallenius' noncentral hypergeometric (Fog 2008a)",
    reference: "Fog 2008a",
    anchor: BIAS,
  },
  fisher: { name: "Fisher's noncentral hypergeometric (Fog 2008b)", reference: "Fog 2008b", anchor: BIAS },
  "binomial-sample-size": {
    name: "binomial (Clopper–Pearson upper bound below the tolerable rate)",
    reference: "AICPA 2017",
    anchor: SAMPLE_SIZES,
  },
  "poisson-sample-size": {
    name: "Poisson (exact gamma upper bound at or below the tolerable rate)",
    reference: "AICPA 2017",
    anchor: SAMPLE_SIZES,
  },
  "hypergeometric-sample-size": {
    name: "hypergeometric (exact upper bound below the tolerable count)",
    reference: "AICPA 2017",
    anchor: SAMPLE_SIZES,
  },
  "precision-sample-size": {
    name: "exact hypergeometric two-sided interval width (RAT-STATS attribute sample size)",
    reference: "HHS Office of Inspector General 2010",
    anchor: PRECISION,
  },
  "hypergeometric-detection": {
    name: "exact hypergeometric",
    reference: "AICPA 2017",
    anchor: DETECTION,
  },
  "binomial-detection": {
    name: "binomial (population treated as unlimited)",
    reference: "AICPA 2017",
    anchor: DETECTION,
  },
  "sidak-hypergeometric": {
    name: "Šidák-combined exact hypergeometric bounds (flagged and unflagged samples)",
    reference: "Šidák 1967",
    anchor: SCREEN,
  },
  "sidak-hypergeometric-bonferroni": {
    name: "Šidák-combined exact hypergeometric bounds, each side summed over the windows at 1 − α/m (Bonferroni)",
    reference: "Šidák 1967",
    anchor: SCREEN,
  },
  "sidak-hypergeometric-span": {
    name: "Šidák-combined exact hypergeometric bounds: the windows' flagged review (a lower bound on the span's flagged affected cases) against the span's elusion sample",
    reference: "Šidák 1967",
    anchor: SCREEN,
  },
  "elusion-sample-size": {
    name: "hypergeometric elusion sample size (Callaghan & Müller-Hansen 2020)",
    reference: "Callaghan & Müller-Hansen 2020",
    anchor: SCREEN,
  },
  "window-joint": {
    name: "exact joint limit over the windows, ordered by the projected total (Wendell & Schmee 1996)",
    reference: "Wendell & Schmee 1996; Buehler 1957",
    anchor: JOINT,
  },
  "window-bonferroni": {
    name: "exact hypergeometric per window, Bonferroni over the windows (the joint limit would exceed its work limit)",
    reference: "Buonaccorsi 1987",
    anchor: SPAN,
  },
  "window-thinned": {
    name: "exact hypergeometric (Buonaccorsi 1987), thinned by a per-case screening and review sensitivity",
    reference: "Buonaccorsi 1987",
    anchor: SPAN,
  },
  "window-thinned-bonferroni": {
    name: "exact hypergeometric per window, Bonferroni over the windows, thinned by a per-case screening and review sensitivity",
    reference: "Buonaccorsi 1987",
    anchor: SPAN,
  },
  "prediction-limit": {
    name: "binomial prediction limit (Thatcher 1964)",
    reference: "Thatcher 1964",
    anchor: SPAN,
  },
  "prediction-limit-volume-bounded": {
    name: "binomial prediction limit (Thatcher 1964) over the most outside cases the windows' count allows",
    reference: "Thatcher 1964",
    anchor: SPAN,
  },
  "drift-prediction-limit": {
    name: "Thatcher prediction limit with the outside volume weighted by the drift θ",
    reference: "Thatcher 1964",
    anchor: SPAN,
  },
  "chi-square-homogeneity": {
    name: "Pearson's chi-square test of homogeneity (Pearson 1900)",
    reference: "Pearson 1900",
    anchor: SPAN,
  },
  "assumption-free": {
    name: "assumption-free bounds (Manski 1989; Horowitz & Manski 1998)",
    reference: "Manski 1989; Horowitz & Manski 1998",
    anchor: SPAN,
  },
  "detection-power": {
    name: "independent-case (binomial) detection, 1 − (1 − q)^T, q = Σ share × sensitivity × sampling fraction",
    reference: "AICPA 2017",
    anchor: SPAN,
  },
  "stratified-sample-size": {
    name: "exact hypergeometric sample size per stratum",
    reference: "AICPA 2017",
    anchor: SPAN,
  },
  "discovery-sample-size": {
    name: "exact hypergeometric discovery sample over the whole span",
    reference: "AICPA 2017",
    anchor: SPAN,
  },
  "stratified-normal": {
    name: "normal approximation, projected ± z·SE (RAT-STATS stratified attribute appraisal)",
    reference: "HHS Office of Inspector General 2010",
    anchor: STRATA,
  },
  "stratified-joint": {
    name: "exact joint limits ordered by the projected total (Wendell & Schmee 1996)",
    reference: "Wendell & Schmee 1996; Buehler 1957",
    anchor: JOINT,
  },
  "stratified-exact": {
    name: "sum of exact hypergeometric bounds, Bonferroni over the strata (the joint limits would exceed their work limit)",
    reference: "Buonaccorsi 1987",
    anchor: STRATA,
  },
  "two-stage-ratio": {
    name: "two-stage ratio estimator, normal approximation (RAT-STATS two-stage attribute appraisal)",
    reference: "HHS Office of Inspector General 2010",
    anchor: TWO_STAGE,
  },
  "two-stage-unbiased": {
    name: "two-stage unbiased estimator, normal approximation (RAT-STATS two-stage attribute appraisal)",
    reference: "HHS Office of Inspector General 2010",
    anchor: TWO_STAGE,
  },
} as const satisfies Readonly<Record<string, MethodEntry>>;

export type MethodId = keyof typeof METHOD_REGISTRY;

/** Every id, in the registry's order. */
export const METHOD_IDS = Object.keys(METHOD_REGISTRY) as readonly MethodId[];

/**
 * The method's name as every output prints it.
 *
 * @example
 * methodName("hypergeometric"); // "exact hypergeometric (Buonaccorsi 1987)"
 */
export function methodName(id: MethodId): string {
  return METHOD_REGISTRY[id].name;
}
