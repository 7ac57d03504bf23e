import { methodName } from "../methods/methodRegistry.js";
import type { Detection } from "../planning/detectionProbability.js";
import type { DetectionSampleSize } from "../planning/detectionSampleSize.js";
import {
  formatCases,
  formatConfidence,
  formatCount,
  formatFrequency,
  formatPercent,
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

/**
 * The briefing for a detection probability or a detection sample size. A chance is a percentage (four
 * significant figures, as a sample size's is compared with its target) and, in the note, a natural frequency.
 */
export function detectionBriefing(r: Detection | DetectionSampleSize): Briefing {
  if ("sampleSize" in r) {
    return {
      title: `Sample size to detect at least one affected case: ${methodName(r.method)}, ${formatConfidence(r.confidence)} probability`,
      rows: [
        ...targetRows(r),
        ["Sample size", formatCount(r.sampleSize)],
        ["Chance of finding at least one", formatPercent(r.probability)],
      ],
      notes: [
        `Reviewing ${formatCases(r.sampleSize)} drawn at random finds at least one affected case with a chance of ${formatPercent(r.probability)}: of 100 such reviews, ${formatFrequency(r.probability)} would find one.`,
      ],
    };
  }
  return {
    title: `Chance of detecting at least one affected case: ${methodName(r.method)}`,
    rows: [
      ...targetRows(r),
      ["Reviewed (n)", formatCount(r.sample)],
      ["Chance of finding at least one", formatPercent(r.probability)],
      ["Chance of finding none", formatPercent(r.missProbability)],
    ],
    notes: [
      `Of 100 reviews of ${formatCases(r.sample)} drawn at random, ${formatFrequency(r.probability)} would find at least one affected case.`,
    ],
  };
}
