import type { Assessment } from "../investigation/assessInvestigation.js";
import { at } from "../math/at.js";
import { methodName } from "../methods/methodRegistry.js";
import {
  formatChance,
  formatConfidence,
  formatCount,
  formatCountOf,
  formatPercent,
  roundDecimals,
  roundSignificant,
  sidedWord,
} from "../text/format.js";
import { messages } from "../validation/messages.js";
import { assumptionWords, detectionTargetWords, tolerableWords } from "./assumptionWords.js";
import type { Briefing } from "./Briefing.js";
import { screenBriefing } from "./screenBriefing.js";
import { statements } from "./statements.js";

const range = (lower: number, upper: number) => `${formatCount(lower)} to ${formatCount(upper)}`;

/**
 * The assessment as a short briefing: coverage, what the window shows, what lies outside it, what the
 * data cannot say without an assumption, detection power, the adequate plan, then the citable statements
 * and warnings.
 */
export function assessmentBriefing(a: Assessment): Briefing[] {
  const c = formatConfidence(a.confidence);
  const tail = sidedWord(a.sided);
  const unit = a.unit;
  const sections: Briefing[] = [];
  const span = a.scenario.span;
  const cov = a.coverage;
  sections.push({
    title: `${a.name}: assessment at ${c} confidence, ${tail} bounds`,
    rows: [
      ["Exposure period", `${span} (${formatCount(cov.spanDays)} days)`],
      [
        "Examined",
        `${formatCount(cov.examinedDays)} days (${formatPercent(cov.timeFraction, 1)})${cov.windows.map((w) => `; ${w.label} ${w.period}`).join("")}`,
      ],
      [
        "Not examined",
        cov.unexamined.length === 0
          ? "none"
          : cov.unexamined.map((g) => `${g.period} (${formatCount(g.days)} days)`).join("; "),
      ],
    ],
    notes: [
      ...(a.description ? [a.description] : []),
      ...((a.scenario.sources ?? []).some((x) => x.field === "sided" && x.status === "default")
        ? [messages.sidedDefault("assess")]
        : []),
    ],
  });

  if (a.window) {
    const w = a.window;
    sections.push({
      title: `What the window shows: ${methodName(w.method)}, ${tail}, ${c}`,
      rows: [
        ["Sampled from", formatCountOf(w.population, unit)],
        [
          "Reviewed",
          `${formatCount(w.reviewed)} (${formatPercent(w.sampledFraction, 1)}), selection: ${w.selection}`,
        ],
        ["Found affected", formatCount(w.found)],
        ["Affected, estimate", formatCount(roundDecimals(w.affected.estimate, 1))],
        [
          a.sided === "two" ? "Affected, bounds" : "Affected, at most",
          a.sided === "two" ? range(w.affected.lower, w.affected.upper) : formatCount(w.affected.upper),
        ],
        ["Not detected, at most", formatCount(w.undetected.upper)],
      ],
      notes: [],
    });
  }
  if (a.extrapolated && a.sensitivity) {
    const e = a.extrapolated;
    const rows: [string, string][] = [
      [
        messages.outsideStageLabel(a.coverage.outsideStageBasis),
        formatCountOf(roundDecimals(e.outsideVolume, 0), unit),
      ],
      ["Unreviewed, in and out", formatCountOf(e.unreviewed, unit)],
      ["Undetected, estimate", formatCount(roundDecimals(e.undetected.estimate, 1))],
      [
        "Undetected, at most",
        `${formatCount(e.undetected.upper)} (outside the window: ${formatCount(e.outside.upper)})`,
      ],
    ];
    for (const row of a.sensitivity.rows) {
      rows.push([
        `If outside rate × ${row.drift}`,
        `at most ${formatCount(row.undetected.upper)} undetected (estimate ${formatCount(roundDecimals(row.undetected.estimate, 1))})${row.implausible ? " — implausible: rate above 100%" : ""}`,
      ]);
    }
    if (a.sensitivity.materiality !== null) {
      const tp = a.sensitivity.tippingPoint;
      rows.push([
        `Tipping point (${formatCount(a.sensitivity.materiality)} missed)`,
        tp === null
          ? messages.tippingPointNotReached(a.sensitivity.tippingPointSearchedTo)
          : `outside rate ${roundSignificant(tp, 3)} × the window rate`,
      ]);
    }
    sections.push({
      title: `Outside the window: ${methodName(e.method)}, ${tail}, ${c}`,
      rows,
      notes: [`Assumes ${assumptionWords(e.assumptions, a.coverage.stageUnit)}.`],
    });
  }
  if (a.screen !== null) sections.push(screenBriefing(a.screen));
  const u = a.unrestricted;
  sections.push({
    title: "Without assumptions: assumption-free range (Manski)",
    rows: [
      ["Undetected in the windows", range(u.window.lower, u.window.upper)],
      ["Affected outside the windows", range(u.outside.lower, u.outside.upper)],
      ["Total", `${range(u.total.lower, u.total.upper)} ${u.unit}`],
    ],
    notes: [],
  });
  const p = a.detectionPower;
  const picks = p.shown;
  sections.push({
    title: "Detection power: chance of finding at least one affected case, review as run / adequate plan",
    rows: p.curves.map((curve) => [
      curve.profile,
      picks
        .map(
          (t) =>
            `T=${formatCount(t)}: ${formatChance(at(curve.review, p.totals.indexOf(t)))} / ${formatChance(at(curve.adequatePlan, p.totals.indexOf(t)))}`,
        )
        .join("   "),
    ]),
    notes: [`T is the number of affected cases over the whole exposure period; ${methodName(p.method)}.`],
  });
  const plan = a.adequatePlan;
  sections.push({
    title: `What an adequate review would need: ${methodName(plan.method)}, ${c}`,
    rows: [
      ["Tolerable rate", `${formatPercent(plan.tolerable)} (${tolerableWords(plan, a.coverage.stageUnit)})`],
      ["Expected rate", formatPercent(plan.expectedRate)],
      [
        `Per ${plan.stratify}`,
        plan.strata
          .map(
            (s) =>
              `${s.label}: ${formatCount(s.sampleSize)} of ${formatCount(s.population)}${s.census ? " (census)" : ""}`,
          )
          .join("; "),
      ],
      ["Total", formatCountOf(plan.total, unit)],
      ...(plan.reachable ? [] : [["No plan", plan.unreachableReason as string] as [string, string]]),
      [
        "Or, to detect",
        plan.detection.reachable
          ? `${formatCount(plan.detection.sampleSize)} of ${formatCount(plan.detection.population)} at random finds at least one with a chance of ${formatPercent(plan.detection.probability)} if ${formatCount(plan.detection.affected)} were affected (${detectionTargetWords(plan.detection.affectedSource)})`
          : messages.detectionPlanUnreachable(
              formatCount(plan.detection.affected),
              formatConfidence(a.confidence),
              formatCount(plan.detection.population),
              formatPercent(plan.detection.probability),
            ),
      ],
    ],
    notes: [],
  });
  sections.push({ title: "Statements", rows: [], notes: statements(a).map((s) => s.text) });
  if (a.warnings.length > 0)
    sections.push({ title: "Warnings", rows: [], notes: a.warnings.map((w) => w.text) });
  return sections;
}
