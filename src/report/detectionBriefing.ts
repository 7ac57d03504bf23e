import { methodName } from "../methods/methodRegistry.js";
import type { Detection } from "../planning/detectionProbability.js";
import type { DetectionSampleSize } from "../planning/detectionSampleSize.js";
import {
  formatCases,
  formatConfidence,
  formatCount,
  formatPercent,
  formatProbability,
} from "../text/format.js";
import type { Briefing } from "./Briefing.js";

function targetRows(r: Detection | DetectionSampleSize): [string, string][] {
  const rows: [string, string][] = [];
  if (r.population !== undefined) rows.push(["Population (N)", formatCount(r.population)]);
  if (r.affected !== undefined) rows.push(["Affected (D)", formatCount(r.affected)]);
  if (r.prevalence !== undefined) rows.push(["Prevalence", formatPercent(r.prevalence)]);
  rows.push(["Reviewer sensitivity", formatPercent(r.sensitivity, 1)]);
  return rows;
}

/** The briefing for a detection probability or a detection sample size. */
export function detectionBriefing(r: Detection | DetectionSampleSize): Briefing {
  if ("sampleSize" in r) {
    return {
      title: `Sample size to detect at least one affected case: ${methodName(r.method)}, ${formatConfidence(r.confidence)} probability`,
      rows: [
        ...targetRows(r),
        ["Sample size", formatCount(r.sampleSize)],
        ["Detection probability", formatProbability(r.probability)],
      ],
      notes: [
        `Reviewing ${formatCases(r.sampleSize)} drawn at random finds at least one affected case with probability ${formatProbability(r.probability)}.`,
      ],
    };
  }
  return {
    title: `Probability of detecting at least one affected case: ${methodName(r.method)}`,
    rows: [
      ...targetRows(r),
      ["Reviewed (n)", formatCount(r.sample)],
      ["Detection probability", formatProbability(r.probability)],
      ["Probability of finding none", formatProbability(r.missProbability)],
    ],
    notes: [],
  };
}
