import type { TopLevelSpec } from "vega-lite";
import type { Interval } from "../intervals/types.js";
import type { Assessment } from "../investigation/assessInvestigation.js";
import { methodName } from "../methods/methodRegistry.js";
import { formatConfidence, formatPercent, roundDecimals } from "../text/format.js";
import { formatDecimal } from "../text/formatDecimal.js";
import { messages } from "../validation/messages.js";
import { boundWhiskers, type ChartOptions, frame, PALETTE, partRows } from "./theme.js";

/**
 * Where the affected cases could be, by the screen: found in review (certain), among the flagged cases not
 * reviewed, and among the unflagged cases not reviewed — estimates as bars, bounds as whiskers, each side
 * at the per-side confidence so that both hold together at the assessment's confidence (Šidák).
 *
 * @example
 * const a = assessInvestigation({ ...examples["hmcts-sscs"], unflagged: 20000, unflaggedReviewed: 400, unflaggedFound: 0 });
 * screenChart(a).$schema; // "https://vega.github.io/schema/vega-lite/v6.json"
 */
export function screenChart(a: Assessment, options: ChartOptions = {}): TopLevelSpec {
  const screen = a.screen;
  if (screen === null) throw new RangeError(messages.needsElusionSample("screenChart"));
  const p = screen.placement;
  const c = formatConfidence(a.confidence);
  const oneSided = a.sided === "upper";
  const row = (part: string, range: Interval<number | null>, basis: string) => ({
    part,
    estimate: range.estimate === null ? 0 : roundDecimals(range.estimate, 1),
    lower: range.lower,
    // One-sided: the whisker runs from the estimate to the upper bound; two-sided: from lower to upper.
    whiskerFrom: oneSided && range.estimate !== null ? range.estimate : range.lower,
    upper: range.upper,
    basis,
  });
  const rows = [
    row("Found in review", { estimate: p.found, lower: p.found, upper: p.found }, "observed"),
    row(
      screen.scope === "span" ? "Flagged in the windows, not reviewed" : "Flagged, not reviewed",
      p.flaggedUnreviewed,
      methodName("hypergeometric"),
    ),
    row("Unflagged, not reviewed", p.unflaggedUnreviewed, `${methodName("hypergeometric")}, elusion sample`),
  ];
  const recall =
    screen.recall.lower > 0
      ? `recall at least ${formatPercent(screen.recall.lower)}`
      : "recall not bounded above 0";
  return {
    ...frame(
      `Affected cases found in review, and those that could remain among the flagged and the unflagged cases not reviewed, in ${a.name}, with bounds holding together at ${c}.`,
      `${a.name}: where affected cases could be, by the screen`,
      [
        `Bars: estimates; whiskers: bounds at ${formatPercent(p.sideConfidence)} each, ${c} together (Šidák)`,
        `At most ${formatDecimal(p.undetected.upper)} undetected; elusion at most ${formatPercent(screen.elusion.rate.upper)}; ${recall}`,
        "Assumes random samples on both sides and reviewers who recognise affected cases equally well on both",
      ],
      options,
    ),
    ...partRows(rows, options),
    layer: [
      {
        mark: { type: "bar", color: PALETTE[0], opacity: 0.8, height: { band: 0.55 } },
        encoding: {
          x: {
            field: "estimate",
            type: "quantitative",
            title: "Affected cases (count)",
            axis: { format: ",d" },
          },
          tooltip: [
            { field: "part", title: "Where" },
            { field: "estimate", title: "Estimate", format: ",.1f" },
            { field: "lower", title: "Lower bound", format: ",d" },
            { field: "upper", title: "Upper bound", format: ",d" },
            { field: "basis", title: "Method" },
          ],
        },
      },
      ...boundWhiskers(),
    ],
  } as TopLevelSpec;
}
