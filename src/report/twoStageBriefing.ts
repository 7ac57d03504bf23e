import { methodName } from "../methods/methodRegistry.js";
import type { TwoStageAppraisal } from "../planning/appraiseTwoStage.js";
import { describeSided, formatConfidence, formatCount, formatPercent } from "../text/format.js";
import { messages } from "../validation/messages.js";
import type { Briefing } from "./Briefing.js";

/** The briefing for a two-stage appraisal: each sampled unit, then the estimate and its normal limits. */
export function twoStageBriefing(a: TwoStageAppraisal): Briefing[] {
  const range = (lower: string, upper: string) =>
    a.sided === "two" ? `${lower} to ${upper}` : `at most ${upper}`;
  const total = a.total;
  return [
    {
      title: `Two-stage attribute appraisal: ${describeSided(a.sided)}, ${formatConfidence(a.confidence)} confidence`,
      rows: a.clusters.map((c) => [
        c.label,
        `${formatCount(c.found)} of ${formatCount(c.sample)} examined from ${formatCount(c.universe)}: ${formatPercent(c.rate, 2)}`,
      ]),
      notes: [],
    },
    {
      title: "Estimate",
      rows: [
        ["Primary units", `${formatCount(a.sampledUnits)} sampled of ${formatCount(a.primaryUnits)}`],
        ["Cases examined", `${formatCount(a.sample)} in the sampled units`],
        ["Found affected", formatCount(a.found)],
        ["Estimated rate", `${formatPercent(a.rate, 2)} (${methodName(a.method)})`],
        ["Standard error", formatPercent(a.standardError, 2)],
        ["Normal limits, rate", range(formatPercent(a.lower, 2), formatPercent(a.upper, 2))],
        ...(total === undefined
          ? []
          : ([
              [
                "Projected affected",
                `${formatCount(total.projected)} of ${formatCount(a.universe ?? 0)}; standard error ${formatCount(total.standardError)}`,
              ],
              ["Normal limits, count", range(formatCount(total.lower), formatCount(total.upper))],
            ] as const)),
      ],
      notes: [
        messages.twoStageAssumptions(a.universe === undefined),
        ...(a.degenerate ? [messages.twoStageDegenerate()] : []),
        ...(a.outsidePossible ? [messages.twoStageOutsidePossible()] : []),
      ],
    },
  ];
}
