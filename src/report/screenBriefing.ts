import type { ScreenAssessment } from "../investigation/screenAssessment.js";
import { methodName } from "../methods/methodRegistry.js";
import { formatConfidence, formatCount, formatPercent } from "../text/format.js";
import { assumptionWords } from "./assumptionWords.js";
import type { Briefing } from "./Briefing.js";

const range = (lower: number, upper: number) => `${formatCount(lower)} to ${formatCount(upper)}`;
const estimateOf = (value: number | null) =>
  value === null ? "none (nothing reviewed)" : formatCount(value);

/** The assessment's section on the screen: elusion, recall, and where the affected cases could be. */
export function screenBriefing(screen: ScreenAssessment): Briefing {
  const c = formatConfidence(screen.confidence);
  const e = screen.elusion;
  const r = screen.recall;
  const p = screen.placement;
  return {
    title: `The screen: elusion and recall, ${methodName(screen.method)}, ${c}`,
    rows: [
      ["Unflagged cases", formatCount(e.population)],
      ["Reviewed (elusion sample)", `${formatCount(e.sample)}, found affected ${formatCount(e.found)}`],
      ["Affected unflagged, estimate", estimateOf(e.affected.estimate)],
      ["Affected unflagged, bounds", `${range(e.affected.lower, e.affected.upper)} (${c})`],
      ["Elusion rate, at most", formatPercent(e.rate.upper)],
      ["Recall, estimate", r.estimate === null ? "none (no affected case found)" : formatPercent(r.estimate)],
      ["Recall, bounds", `${formatPercent(r.lower)} to ${formatPercent(r.upper)}`],
      ["Found in review", formatCount(p.found)],
      ["Flagged, not reviewed", range(p.flaggedUnreviewed.lower, p.flaggedUnreviewed.upper)],
      ["Unflagged, not reviewed", range(p.unflaggedUnreviewed.lower, p.unflaggedUnreviewed.upper)],
      ["Undetected, at most", `${formatCount(p.undetected.upper)} (both together, ${c})`],
    ],
    notes: [
      `Each side is bounded at ${formatPercent(p.sideConfidence)} so that both hold together with ${c} confidence (Šidák). Assumes ${assumptionWords(screen.assumptions)}.`,
      ...(screen.scope === "span"
        ? [
            "The elusion sample covers the whole span; the flagged review covers only the windows, so the flagged cases outside them are not in these counts (see the extrapolation).",
          ]
        : []),
    ],
  };
}
