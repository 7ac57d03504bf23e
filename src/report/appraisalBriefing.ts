import { methodName } from "../methods/methodRegistry.js";
import type { CaseAppraisal } from "../planning/appraiseCases.js";
import type { StratifiedAppraisal } from "../planning/appraiseStrata.js";
import {
  describeSided,
  formatCases,
  formatConfidence,
  formatCount,
  formatPercent,
  roundDecimals,
} from "../text/format.js";
import { messages } from "../validation/messages.js";
import type { Briefing } from "./Briefing.js";

/**
 * The briefing for a stratified appraisal: each stratum, then the combined projection by both methods;
 * for a case file's appraisal with months not sampled, those months (assumption-free), the total over the
 * whole file and a warning.
 */
export function appraisalBriefing(a: StratifiedAppraisal | CaseAppraisal): Briefing[] {
  const c = formatConfidence(a.confidence);
  const range = (lower: number, upper: number) =>
    a.sided === "two"
      ? `${formatCount(roundDecimals(lower, 1))} to ${formatCount(roundDecimals(upper, 1))}`
      : `at most ${formatCount(roundDecimals(upper, 1))}`;
  const k = a.combined;
  const caseFile = "notSampled" in a ? a : undefined;
  const partial = caseFile !== undefined && caseFile.notSampled.periods.length > 0;
  const sections: Briefing[] = [
    {
      title: `Stratified attribute appraisal: ${describeSided(a.sided)}, ${c} confidence`,
      rows: a.strata.map((s) => [
        s.label,
        `${formatCount(s.found)} of ${formatCount(s.sample)} sampled from ${formatCount(s.population)}: projected ${formatCount(roundDecimals(s.projected, 1))}, ${range(s.lower, s.upper)} (exact hypergeometric)`,
      ]),
      notes: [],
    },
    {
      title: partial ? "Combined over the sampled months" : "Combined",
      rows: [
        ["Population", formatCount(k.population)],
        ["Sampled", formatCount(k.sample)],
        ["Found affected", formatCount(k.found)],
        ["Projected affected", formatCount(roundDecimals(k.projected, 1))],
        [
          "Normal approximation (RAT-STATS)",
          `${range(k.normal.lower, k.normal.upper)}; standard error ${formatCount(roundDecimals(k.normal.standardError, 1))}`,
        ],
        ["Exact, guaranteed coverage", range(k.exact.lower, k.exact.upper)],
      ],
      notes: [
        k.exact.stratumConfidence === null
          ? `Exact: ${methodName(k.exact.method)}, over the ${formatCases(k.exact.strata, "stratum", "strata")} together; it covers the total at the stated confidence however the affected cases are spread over the strata, and never falls below the ${formatCount(k.found)} found nor above every unexamined case.${k.exact.decided ? "" : " A total the search could not decide in time was kept, so a limit may be a few cases wider than the exact one."}`
          : `Exact: ${methodName(k.exact.method)}, each of the ${formatCount(k.exact.strata)} at ${formatPercent(k.exact.stratumConfidence)} confidence; it never falls below the ${formatCount(k.found)} found nor above every unexamined case.`,
        ...(k.normal.degenerate
          ? [
              "The normal approximation has zero width: every stratum found none (or all) of its sample, and the approximation then claims a certainty the data do not give. Cite the exact limits.",
            ]
          : []),
        ...(k.normal.outsidePossible
          ? [
              `The normal approximation leaves the possible range (${formatCount(k.possible.lower)} to ${formatCount(k.possible.upper)}) and is shown cut off at its end; cite the exact limits.`,
            ]
          : []),
      ],
    },
  ];
  if (caseFile === undefined || !partial) return sections;
  const { notSampled, total } = caseFile;
  return [
    ...sections,
    {
      title: "Not sampled (assumption-free)",
      rows: notSampled.periods.map((p) => [
        p.label,
        messages.notSampledRange(p.population, caseFile.counted, a.sided),
      ]),
      notes: [],
    },
    {
      title: messages.appraisalTotalTitle(total.population, caseFile.counted),
      rows: [
        ["Sampled months, exact", range(k.exact.lower, k.exact.upper)],
        ["Not sampled, assumption-free", range(notSampled.lower, notSampled.upper)],
        ["Total", range(total.lower, total.upper)],
      ],
      notes: [messages.appraisalTotalNote()],
    },
    { title: "Warnings", rows: [], notes: caseFile.warnings.map((w) => w.text) },
  ];
}
