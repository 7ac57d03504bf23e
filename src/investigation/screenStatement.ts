import { describeSided, formatConfidence, formatCount, formatPercent } from "../text/format.js";
import type { ScreenAssessment } from "./screenAssessment.js";
import type { Statement } from "./statements.js";

/** The citable sentence on the screen: what the elusion sample shows about the unflagged cases, and the recall bound. */
export function screenStatement(screen: ScreenAssessment): Statement {
  const c = formatConfidence(screen.confidence);
  const e = screen.elusion;
  const against =
    screen.scope === "span"
      ? "against the affected flagged cases the windows' review shows (cases flagged outside the windows can only raise it)"
      : "against the affected flagged cases the review shows";
  const recall =
    screen.recall.lower > 0
      ? `, so the screen flagged at least ${formatPercent(screen.recall.lower)} of the affected cases (${c}, ${against})`
      : ", which is too few to bound the screen's recall above 0";
  return {
    id: "screen",
    text:
      `A review of ${formatCount(e.sample)} of the ${formatCount(e.population)} cases the screen did not flag found ${formatCount(e.found)} affected; ` +
      `if the ${formatCount(e.sample)} were drawn at random from them, then with ${c} confidence at most ${formatCount(e.affected.upper)} unflagged cases were affected (elusion rate at most ${formatPercent(e.rate.upper)}, exact hypergeometric, ${describeSided(e.sided)})${recall}, ` +
      "assuming reviewers recognised affected cases as well among the unflagged cases as among the flagged.",
    value: e.affected.upper,
    methods: [e.method, screen.recall.method],
    confidence: screen.confidence,
    sided: screen.sided,
    assumption: screen.assumption,
  };
}
