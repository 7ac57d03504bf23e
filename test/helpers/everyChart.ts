import type { TopLevelSpec } from "vega-lite";
import {
  confidenceCurveChart,
  intervalsChart,
  missedChart,
  powerChart,
  sampleSizeChart,
  screenChart,
  selectionBiasChart,
  sensitivityChart,
  timelineChart,
} from "../../src/charts/index.js";
import { compareIntervals } from "../../src/intervals/compareIntervals.js";
import { assessInvestigation } from "../../src/investigation/assessInvestigation.js";
import { planCurve } from "../../src/planning/planCurve.js";
import { examples } from "../../src/scenario/examples.js";
import { screenedSpan, screenedWindow } from "./screened.js";

/** hmcts-sscs with a materiality (so the sensitivity chart marks materiality and the tipping point). */
export const sscsWithMateriality = assessInvestigation({
  ...examples["hmcts-sscs"],
  materiality: 1000,
  biasModel: "wallenius",
});

/**
 * hmcts-sscs without a materiality, so that the selection-bias chart marks the tipping bias: with a materiality
 * of 1,000 the window's bound (at most 500) never reaches the target.
 */
const sscsBiased = assessInvestigation({ ...examples["hmcts-sscs"], biasModel: "wallenius" });

const screened = assessInvestigation({
  name: "screened review",
  span: screenedSpan,
  windows: [screenedWindow],
});

/** Every chart the CLI draws, each with every optional layer it can have. */
export const everyChart = {
  timeline: timelineChart(sscsWithMateriality),
  missed: missedChart(sscsWithMateriality),
  sensitivity: sensitivityChart(sscsWithMateriality),
  power: powerChart(sscsWithMateriality),
  intervals: intervalsChart(compareIntervals({ found: 1, sample: 109, population: 609 })),
  "sample-size": sampleSizeChart(planCurve({ model: "binomial", tolerable: 0.05, expectedRate: 0.01 })),
  "confidence-curve": confidenceCurveChart(sscsWithMateriality),
  screen: screenChart(screened),
  "selection-bias": selectionBiasChart(sscsBiased),
} as const satisfies Readonly<Record<string, TopLevelSpec>>;
