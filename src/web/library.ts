// Everything the web calculator takes from the library, in one place: the page presents, it never
// computes. These are the modules the CLI's commands call, so every number and sentence on the page is
// the CLI's own; when a module moves, this file is the one to change.

export { intervalsChart, sampleSizeChart } from "../charts/index.js";
export { compareIntervals } from "../intervals/compareIntervals.js";
export { countInterval } from "../intervals/countInterval.js";
export { PROPORTION_METHODS, type ProportionMethod } from "../intervals/methods.js";
export { proportionInterval } from "../intervals/proportionInterval.js";
export { type Assessment, assessInvestigation } from "../investigation/assessInvestigation.js";
export { detectionProbability } from "../planning/detectionProbability.js";
export { detectionSampleSize } from "../planning/detectionSampleSize.js";
export { planCurve } from "../planning/planCurve.js";
export { SAMPLE_SIZE_MODELS, type SampleSizeModel, sampleSize } from "../planning/sampleSize.js";
export { assessmentBriefing } from "../report/assessmentBriefing.js";
export { type Briefing, renderBriefing } from "../report/Briefing.js";
export { boundBriefing } from "../report/boundBriefing.js";
export { buildReport } from "../report/buildReport.js";
export { detectionBriefing } from "../report/detectionBriefing.js";
export { planBriefing } from "../report/planBriefing.js";
export type { ReportDocument } from "../report/ReportDocument.js";
export { renderReportHtml } from "../report/renderReportHtml.js";
export { renderReportMarkdown } from "../report/renderReportMarkdown.js";
export { type AssessmentRecord, assessmentRecord, statements } from "../report/statements.js";
export { STRATA } from "../scenario/calendar.js";
export { examples } from "../scenario/examples.js";
export { type ScenarioInput, SELECTIONS } from "../scenario/scenario.js";
export { toYaml } from "../text/toYaml.js";
export { InputError } from "../validation/InputError.js";
export { messages } from "../validation/messages.js";
export { parseNumberText } from "../validation/parseNumber.js";
export { VERSION } from "../version.js";
