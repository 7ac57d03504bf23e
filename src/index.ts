// Intervals: bounds from k found in n examined (of N)

// Distributions (exact, log-space)
export { hypergeometricTail } from "./distributions/hypergeometricTail.js";
export { incompleteGamma } from "./distributions/incompleteGamma.js";
export type { CountInterval, CountIntervalOptions } from "./intervals/countInterval.js";
export { countInterval } from "./intervals/countInterval.js";
export type {
  ProportionInterval,
  ProportionIntervalOptions,
  ProportionMethod,
} from "./intervals/proportionInterval.js";
export { PROPORTION_METHODS, proportionInterval } from "./intervals/proportionInterval.js";
export type { Sided } from "./intervals/types.js";
// Investigation over a time span: assess
export type { Assessment, Coverage } from "./investigation/assessInvestigation.js";
export { assessInvestigation } from "./investigation/assessInvestigation.js";
// Investigation: detection power
export type { Detection, DetectionOptions } from "./investigation/detectionProbability.js";
export { detectionProbability } from "./investigation/detectionProbability.js";
export type { DetectionSampleSize, DetectionSampleSizeOptions } from "./investigation/detectionSampleSize.js";
export { detectionSampleSize } from "./investigation/detectionSampleSize.js";
export { examples } from "./investigation/examples.js";
export type { Scenario, ScenarioInput } from "./investigation/scenario.js";
export { normalizeScenario, scenarioJsonSchema, scenarioSchema } from "./investigation/scenario.js";
export type { Statement } from "./investigation/statements.js";
// Planning: sample sizes
export type { SampleSize, SampleSizeModel, SampleSizeOptions } from "./planning/sampleSize.js";
export { SAMPLE_SIZE_MODELS, sampleSize } from "./planning/sampleSize.js";

// Errors and messages
export { InputError, InputTypeError } from "./validation/InputError.js";
export { messages } from "./validation/messages.js";

export { VERSION } from "./version.js";
