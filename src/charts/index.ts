// Chart builders: pure, result in, vega-lite spec out. Rendering lives in render.ts.

export { confidenceCurveChart } from "./confidenceCurveChart.js";
export { intervalsChart } from "./intervalsChart.js";
export { type MissedChartOptions, missedChart } from "./missedChart.js";
export { powerChart } from "./powerChart.js";
export { type SampleSizeChartOptions, sampleSizeChart } from "./sampleSizeChart.js";
export { screenChart } from "./screenChart.js";
export { selectionBiasChart } from "./selectionBiasChart.js";
export { sensitivityChart } from "./sensitivityChart.js";
export { type ChartOptions, PALETTE } from "./theme.js";
export { timelineChart } from "./timelineChart.js";
