// Intervals: bounds from k found in n examined (of N)

// Charts: pure builders, result in, vega-lite spec out (render with "sampling-adequacy/render")
export {
  type ChartOptions,
  confidenceCurveChart,
  intervalsChart,
  type MissedChartOptions,
  missedChart,
  PALETTE,
  powerChart,
  sampleSizeChart,
  screenChart,
  sensitivityChart,
  timelineChart,
} from "./charts/index.js";
// Case-level data: case files read into totals
export type { DateFormat } from "./data/caseDate.js";
export { caseDay } from "./data/caseDate.js";
export type { Delimiter } from "./data/csvRecords.js";
export { readCaseSheet } from "./data/readCaseSheet.js";
export type { CaseColumns, CaseSummary, ReadCasesOptions, RejectedRow } from "./data/readCases.js";
export { readCases } from "./data/readCases.js";
export type { PeriodTotals } from "./data/scenarioFromCases.js";
export { periodTotals, scenarioFromCases } from "./data/scenarioFromCases.js";
// Distributions (exact, log-space)
export { fisherTail } from "./distributions/fisherTail.js";
export { hypergeometricTail } from "./distributions/hypergeometricTail.js";
export { incompleteGamma } from "./distributions/incompleteGamma.js";
export { thinnedHypergeometricTail } from "./distributions/thinnedHypergeometricTail.js";
export { walleniusLogPmf } from "./distributions/walleniusLogPmf.js";
export { walleniusTail } from "./distributions/walleniusTail.js";
export type { IntervalComparison, MethodInterval } from "./intervals/compareIntervals.js";
export { compareIntervals } from "./intervals/compareIntervals.js";
export type { CountInterval, CountIntervalOptions } from "./intervals/countInterval.js";
export { countInterval } from "./intervals/countInterval.js";
export type { BiasModel } from "./intervals/noncentralCount.js";
export { BIAS_MODELS } from "./intervals/noncentralCount.js";
export type {
  ProportionInterval,
  ProportionIntervalOptions,
  ProportionMethod,
} from "./intervals/proportionInterval.js";
export { PROPORTION_METHODS, proportionInterval } from "./intervals/proportionInterval.js";
export type {
  RecallInterval,
  RecallIntervalOptions,
  ScreenStratum,
  StratumAffected,
} from "./intervals/recallInterval.js";
export { recallInterval } from "./intervals/recallInterval.js";
export type {
  StratifiedCountBound,
  StratifiedCountMethod,
  StratumCount,
} from "./intervals/stratifiedCount.js";
export { STRATIFIED_WORK_LIMIT, stratifiedCount } from "./intervals/stratifiedCount.js";
export type { Sided } from "./intervals/types.js";
// Investigation: the parts of an assessment
export type { AdequatePlan, PlanStratum } from "./investigation/adequatePlan.js";
// Investigation over a time span: assess
export type { Assessment, Coverage } from "./investigation/assessInvestigation.js";
export { assessInvestigation } from "./investigation/assessInvestigation.js";
export type { AssumptionId, DetectionTargetSource } from "./investigation/assumptions.js";
export type { DetectionPower, PlannedDraw, PowerCurve } from "./investigation/detectionPower.js";
export type {
  AffectedPlacement,
  Elusion,
  ScreenEvaluation,
  ScreenEvaluationOptions,
} from "./investigation/evaluateScreen.js";
export { evaluateScreen } from "./investigation/evaluateScreen.js";
export type { DriftRow } from "./investigation/extrapolation.js";
export type { RateHomogeneity } from "./investigation/rateHomogeneity.js";
export { rateHomogeneity } from "./investigation/rateHomogeneity.js";
export type { ScreenAssessment } from "./investigation/screenAssessment.js";
export type { StratumPlanCurve } from "./investigation/stratumPlanCurve.js";
export { stratumPlanCurve } from "./investigation/stratumPlanCurve.js";
export type { UnrestrictedRange } from "./investigation/unrestrictedRange.js";
export type { Sensitivity, WindowFinding } from "./investigation/windowInference.js";
// Methods: ids in results, names and docs anchors in the registry
export type { MethodEntry, MethodId } from "./methods/methodRegistry.js";
export { METHOD_IDS, METHOD_REGISTRY, methodName } from "./methods/methodRegistry.js";
// Planning: stratified appraisal, reproducible selection (from case files too)
export type { CaseAppraisal } from "./planning/appraiseCases.js";
export { appraiseCases } from "./planning/appraiseCases.js";
export type { StratifiedAppraisal, StratumAppraisal, StratumInput } from "./planning/appraiseStrata.js";
export { appraiseStrata } from "./planning/appraiseStrata.js";
export type {
  ClusterAppraisal,
  ClusterInput,
  TwoStageAppraisal,
  TwoStageMethod,
} from "./planning/appraiseTwoStage.js";
export { appraiseTwoStage } from "./planning/appraiseTwoStage.js";
export type { CaseFrame, ReadCaseFrameOptions, StreamHash } from "./planning/caseFrame.js";
export { CaseRows, readCaseFrame } from "./planning/caseFrame.js";
// Investigation: detection power
export type { Detection, DetectionOptions } from "./planning/detectionProbability.js";
export { detectionProbability } from "./planning/detectionProbability.js";
export type { DetectionSampleSize, DetectionSampleSizeOptions } from "./planning/detectionSampleSize.js";
export { detectionSampleSize } from "./planning/detectionSampleSize.js";
export type { Allocation, Draw, DrawnCase, DrawOptions, SelectionPlan } from "./planning/drawSample.js";
export { drawSample, forEachDraw, planSelection, RAT_STATS_MAX_FRAME } from "./planning/drawSample.js";
// Planning: sample sizes
export type {
  ElusionRatePlan,
  ElusionSampleSize,
  ElusionSampleSizeOptions,
  RecallPlan,
} from "./planning/elusionSampleSize.js";
export { elusionSampleSize } from "./planning/elusionSampleSize.js";
export type { PlanCurve } from "./planning/planCurve.js";
export { planCurve } from "./planning/planCurve.js";
export type {
  PrecisionSampleSize,
  PrecisionSampleSizeOptions,
} from "./planning/precisionSampleSize.js";
export { PRECISION_SCAN_LIMIT, precisionSampleSize } from "./planning/precisionSampleSize.js";
export type { GeneratorId } from "./planning/random/generatorIds.js";
export { DEFAULT_GENERATOR, GENERATORS } from "./planning/random/generatorIds.js";
export type { Seed } from "./planning/random/generators.js";
export { GENERATOR_DESCRIPTIONS, MAX_DRAWS, MAX_EXPECTED_DRAWS } from "./planning/random/generators.js";
export type {
  SampleSize,
  SampleSizeModel,
  SampleSizeOptions,
  SampleSizePlanOutcome,
} from "./planning/sampleSize.js";
export { SAMPLE_SIZE_MODELS, sampleSize, sampleSizePlan } from "./planning/sampleSize.js";
export type {
  CaseSelection,
  NumberedFrame,
  SelectCasesOptions,
  SelectedCase,
  SelectionFrame,
} from "./planning/selectCases.js";
export { forEachSelectedCase, selectCases } from "./planning/selectCases.js";
export type { SelectionCsvOptions } from "./report/selectionCsv.js";
export { selectionCsv } from "./report/selectionCsv.js";
// Report: the citable sentences on an assessment's numbers
export type { AssessmentRecord, Statement } from "./report/statements.js";
export { assessmentRecord, statements } from "./report/statements.js";
export type { DayInterval, Stratum } from "./scenario/calendar.js";
export { examples } from "./scenario/examples.js";
export type {
  ElusionSample,
  Scenario,
  ScenarioInput,
  ScenarioRecord,
  ScenarioWindow,
  Selection,
} from "./scenario/scenario.js";
export {
  normalizeScenario,
  scenarioJsonSchema,
  scenarioSchema,
  scenarioToInput,
} from "./scenario/scenario.js";

// Errors and messages
export { InputError, InputTypeError } from "./validation/InputError.js";
export { messages } from "./validation/messages.js";
export type { Warning, WarningId } from "./validation/warnings.js";

export { VERSION } from "./version.js";
