import { confidenceCurveChart } from "../charts/confidenceCurveChart.js";
import { missedChart } from "../charts/missedChart.js";
import { powerChart } from "../charts/powerChart.js";
import { sampleSizeChart } from "../charts/sampleSizeChart.js";
import { sensitivityChart } from "../charts/sensitivityChart.js";
import { timelineChart } from "../charts/timelineChart.js";
import type { Assessment } from "../investigation/assessInvestigation.js";
import { nearestTotals } from "../investigation/detectionPower.js";
import { DEFAULT_DRIFT } from "../investigation/scenario.js";
import { planCurve } from "../planning/planCurve.js";
import {
  formatConfidence,
  formatCount,
  formatPercent,
  formatProbability,
  sidedWord,
} from "../text/format.js";
import { methodsExcerpt } from "./methodsExcerpt.js";
import type { Block, ReportDocument, Section } from "./ReportDocument.js";

export interface ReportContext {
  /** The tool version that produced the report. */
  readonly version: string;
  /** When it was produced (ISO 8601). */
  readonly generatedAt: string;
  /** The command line that reproduces it. */
  readonly command: string;
  /** The scenario as YAML (the CLI formats it; the report quotes it). */
  readonly scenarioYaml: string;
}

const p = (text: string): Block => ({ kind: "paragraph", text });

/**
 * A report that authors can cite: summary sentences, inputs marked given or assumed, a findings table,
 * coverage, what lies outside the windows, detection power, the adequate review, assumptions and
 * limitations, methods (quoted from docs/methods.md), reproducibility and a citation block.
 */
export function buildReport(a: Assessment, context: ReportContext): ReportDocument {
  const sections: Section[] = [
    summary(a),
    inputs(a),
    findings(a),
    coverage(a),
    ...(a.window ? [outside(a)] : []),
    power(a),
    plan(a),
    limitations(a),
    {
      id: "methods",
      heading: "Methods",
      blocks: [
        p(
          "The methods below are quoted from the tool's methods page (docs/methods.md), which gives each formula, its convention, its reference and when it misleads.",
        ),
        {
          kind: "methods",
          markdown: methodsExcerpt([
            "Conventions",
            "Count bounds",
            "Investigation over a time span",
            "References",
          ]),
        },
      ],
    },
    reproducibility(context),
    cite(a, context),
  ];
  return {
    title: `How much could the review have missed? ${a.name}`,
    subtitle: `An assessment at ${formatConfidence(a.confidence)} confidence with ${sidedWord(a.sided)} bounds, produced by sampling-adequacy ${context.version}`,
    version: context.version,
    generatedAt: context.generatedAt,
    command: context.command,
    sections,
    assessment: a,
  };
}

function summary(a: Assessment): Section {
  const c = formatConfidence(a.confidence);
  const blocks: Block[] = [];
  if (a.description) blocks.push(p(a.description));
  blocks.push({ kind: "list", items: a.statements.map((s) => s.text) });
  blocks.push(
    p(
      a.window
        ? `What the data cannot say without an assumption: how many cases were affected outside the examined ${a.coverage.windows.length === 1 ? "window" : "windows"}. The figures for the rest of the exposure period hold only if the rate of affected cases was the same there (or the stated multiple of it); without that assumption, anything from none to every case outside the ${a.coverage.windows.length === 1 ? "window" : "windows"} is consistent with what was found.`
        : "What the data cannot say without a review: how many cases were affected. Until cases are examined, anything from none to all of them is consistent with what is known.",
    ),
  );
  blocks.push(
    p(
      `How to read the numbers. An upper bound at ${c} confidence is a number computed so that, if the method were used again and again on new random samples, it would fall below the true count at most ${formatPercent(1 - a.confidence, 1)} of the time. ${a.sided === "upper" ? "One-sided means only an upper bound is given: the question is how much could have been missed, not how little." : "Two-sided means a lower and an upper bound are given, each leaving half of the remaining chance in its tail."} Exact methods compute these bounds from the sampling distribution itself rather than an approximation. An estimate is the single most likely figure; the bound is the figure one can defend.`,
    ),
  );
  return { id: "summary", heading: "Summary", blocks };
}

function inputs(a: Assessment): Section {
  const s = a.scenario;
  const sources = new Map((s.sources ?? []).map((x) => [x.field, x]));
  const status = (field: string, fallback: string) => {
    const source = sources.get(field);
    return source ? [source.status === "public" ? "public" : "assumed", source.note] : [fallback, ""];
  };
  const rows: string[][] = [];
  const add = (label: string, value: string, field: string, fallback = "given") =>
    rows.push([label, value, ...status(field, fallback)]);
  add("Exposure period", s.span.replace("/", " to "), "span");
  if (s.cases !== undefined) add("Cases over the period", formatCount(s.cases), "cases");
  if (s.volume !== undefined)
    add(
      "Case volume",
      `${s.volume.length} periods, ${formatCount(s.volume.reduce((t, v) => t + v.cases, 0))} cases`,
      "volume",
    );
  if (s.cases === undefined && s.volume === undefined) {
    rows.push([
      "Case volume",
      "not given: the same number per day as in the windows",
      ...status("volume", "assumed"),
    ]);
  }
  s.windows.forEach((w, i) => {
    const at = `windows[${i}]`;
    add(`${w.label}: period`, w.period.replace("/", " to "), `${at}.period`);
    if (w.cases !== undefined) add(`${w.label}: cases`, formatCount(w.cases), `${at}.cases`);
    if (w.flagged !== undefined) add(`${w.label}: flagged`, formatCount(w.flagged), `${at}.flagged`);
    add(`${w.label}: reviewed`, formatCount(w.reviewed), `${at}.reviewed`);
    add(`${w.label}: found affected`, formatCount(w.found), `${at}.found`);
    add(`${w.label}: selection`, w.selection, `${at}.selection`);
  });
  add("Confidence", `${formatConfidence(s.confidence)}, ${sidedWord(s.sided)}`, "confidence", "setting");
  add(
    "Screening sensitivity",
    formatPercent(s.screeningSensitivity, 0),
    "screeningSensitivity",
    s.screeningSensitivity === 1 ? "assumed (default)" : "given",
  );
  add(
    "Review sensitivity",
    formatPercent(s.reviewSensitivity, 0),
    "reviewSensitivity",
    s.reviewSensitivity === 1 ? "assumed (default)" : "given",
  );
  const defaultDrift =
    s.drift.length === DEFAULT_DRIFT.length && s.drift.every((d, i) => d === DEFAULT_DRIFT[i]);
  add("Drift values θ", s.drift.join(", "), "drift", defaultDrift ? "assumed (default)" : "given");
  if (s.materiality !== undefined)
    add("Materiality", `${formatCount(s.materiality)} missed cases`, "materiality");
  add(
    "Tolerable rate for the plan",
    formatPercent(a.adequatePlan.tolerable),
    "tolerable",
    s.tolerable === undefined ? "derived (windows' upper bound)" : "given",
  );
  return {
    id: "inputs",
    heading: "Inputs",
    blocks: [
      p(
        "Every figure the assessment uses. Public: from published reporting; given: supplied by the user; assumed: an assumption stated here so that a reader can change it; setting: a choice of how to report; derived: computed from the other inputs.",
      ),
      { kind: "table", headers: ["Figure", "Value", "Status", "Source or note"], rows },
    ],
  };
}

function findings(a: Assessment): Section {
  const c = formatConfidence(a.confidence);
  const tail = sidedWord(a.sided);
  const bound = (lower: number, upper: number) =>
    a.sided === "two" ? `${formatCount(lower)} to ${formatCount(upper)}` : `at most ${formatCount(upper)}`;
  const est = (x: number) => formatCount(Number(x.toFixed(1)));
  const rows: string[][] = [];
  if (a.window && a.extrapolated) {
    const w = a.window;
    const e = a.extrapolated;
    rows.push(
      [
        "Affected in the window",
        est(w.affected.estimate),
        bound(w.affected.lower, w.affected.upper),
        w.method,
        c,
        tail,
      ],
      [
        "Not detected in the window",
        est(w.undetected.estimate),
        bound(w.undetected.lower, w.undetected.upper),
        w.method,
        c,
        tail,
      ],
      [
        "Not detected outside the window (constant rate)",
        est(e.outside.estimate),
        bound(e.outside.lower, e.outside.upper),
        "binomial prediction limit (Thatcher 1964)",
        c,
        tail,
      ],
      [
        "Not detected, in and out of the window (constant rate)",
        est(e.undetected.estimate),
        bound(e.undetected.lower, e.undetected.upper),
        "binomial prediction limit (Thatcher 1964)",
        c,
        tail,
      ],
    );
    const s = a.sensitivity;
    if (s && s.materiality !== null) {
      rows.push([
        `Drift at which ${formatCount(s.materiality)} could be missed (tipping point)`,
        "—",
        s.tippingPoint === null ? "not reached" : `θ = ${Number(s.tippingPoint.toPrecision(3))}`,
        s.method,
        c,
        tail,
      ]);
    }
  }
  const u = a.unrestricted;
  rows.push([
    "Not detected, no assumption about the unexamined period",
    "—",
    `${formatCount(u.total.lower)} to ${formatCount(u.total.upper)}`,
    u.method,
    "—",
    "—",
  ]);
  rows.push([
    "Adequate review over the whole period",
    "—",
    `${formatCount(a.adequatePlan.total)} cases`,
    a.adequatePlan.method,
    c,
    "one-sided",
  ]);
  return {
    id: "findings",
    heading: "Findings",
    blocks: [
      p(
        `Counts of ${a.unit} unless stated. Each bound is at ${c} confidence, ${tail}, by the method named; "—" marks figures with no sampling confidence.`,
      ),
      { kind: "table", headers: ["Quantity", "Estimate", "Bound", "Method", "Confidence", "Sided"], rows },
    ],
  };
}

function coverage(a: Assessment): Section {
  const cov = a.coverage;
  const blocks: Block[] = [
    p(
      `The exposure period is ${a.scenario.span.replace("/", " to ")}: ${formatCount(cov.spanDays)} days in which the defect could affect cases. The review examined ${cov.windows.length === 0 ? "none of it" : `${formatCount(cov.examinedDays)} of those days (${formatPercent(cov.timeFraction, 1)})${cov.caseFraction !== cov.timeFraction ? `, holding ${formatPercent(cov.caseFraction, 1)} of the cases` : ""}`}. ${cov.unexamined.length > 0 ? `Not examined: ${cov.unexamined.map((g) => `${g.period.replace("/", " to ")} (${formatCount(g.days)} days)`).join("; ")}.` : ""}`,
    ),
    {
      kind: "chart",
      id: "timeline",
      caption: "Monthly volume over the exposure period, with the examined windows shaded.",
      spec: timelineChart(a),
    },
  ];
  return { id: "coverage", heading: "Time coverage", blocks };
}

function outside(a: Assessment): Section {
  const e = a.extrapolated;
  const s = a.sensitivity;
  const u = a.unrestricted;
  const c = formatConfidence(a.confidence);
  const blocks: Block[] = [];
  if (e && s) {
    blocks.push(
      p(
        `Outside the window the review saw nothing. Under the constant-rate assumption — the same rate of affected cases throughout the exposure period — the estimated ${formatCount(Math.round(e.outsideVolume))} ${a.unit} outside the window would hold about ${formatCount(Number(e.outside.estimate.toFixed(1)))} affected cases, and with ${c} confidence at most ${formatCount(e.outside.upper)}. The bound is a prediction limit: it covers the unknown count itself, not only its average, and is exact whatever the rate (Thatcher 1964).`,
      ),
      {
        kind: "chart",
        id: "missed",
        caption: "Where undetected impact could be: estimates as bars, upper bounds as whiskers.",
        spec: missedChart(a),
      },
      p(
        "The rate may not have been constant. The table shows the bound if the rate outside the window was θ times the rate inside (θ = 0.5: half; θ = 10: ten times).",
      ),
      {
        kind: "table",
        headers: ["θ (outside ÷ window rate)", "Estimate", `Upper bound (${c})`, "Note"],
        rows: s.rows.map((r) => [
          String(r.drift),
          formatCount(Number(r.undetected.estimate.toFixed(1))),
          formatCount(r.undetected.upper),
          r.implausible
            ? "implausible: outside rate above 100%"
            : r.saturated
              ? "at the assumption-free maximum"
              : "",
        ]),
      },
      {
        kind: "chart",
        id: "sensitivity",
        caption: "Undetected cases against θ, with materiality and the tipping point.",
        spec: sensitivityChart(a),
      },
    );
    if (s.materiality !== null) {
      blocks.push(
        p(
          s.tippingPoint === null
            ? `No plausible rate outside the window brings the upper bound to the materiality of ${formatCount(s.materiality)} missed cases.`
            : `Tipping point: the upper bound reaches the materiality of ${formatCount(s.materiality)} missed cases if the rate outside the window was ${Number(s.tippingPoint.toPrecision(3))} times the rate inside.`,
        ),
      );
    }
    blocks.push({
      kind: "chart",
      id: "confidence-curve",
      caption: "Confidence that at most a given number went undetected, at every level.",
      spec: confidenceCurveChart(a),
    });
  }
  blocks.push(
    p(
      `Assumption-free range (Manski 1989): if nothing is assumed about the unexamined period, the number of affected ${u.unit} outside the window could be anything from ${formatCount(u.outside.lower)} to ${formatCount(u.outside.upper)}, and the undetected total from ${formatCount(u.total.lower)} to ${formatCount(u.total.upper)}. This range is wide because the data contain no information about the rest of the period; only a review of it can narrow it.`,
    ),
  );
  return { id: "outside", heading: "Outside the window", blocks };
}

function power(a: Assessment): Section {
  const pw = a.detectionPower;
  const picks = nearestTotals(pw.totals, [1, 10, 100, 1000]);
  const rows = pw.curves.map((curve) => [
    `${curve.profile}: ${curve.description}`,
    formatPercent(curve.windowShare, 1),
    ...picks.map(
      (t) =>
        `${formatProbability(curve.review[pw.totals.indexOf(t)] as number)} / ${formatProbability(curve.adequatePlan[pw.totals.indexOf(t)] as number)}`,
    ),
  ]);
  return {
    id: "power",
    heading: "Detection power",
    blocks: [
      p(
        "Detection power is the chance that a review finds at least one affected case, if a given number were affected over the whole period. It depends on when they occurred: a review confined to a recent window cannot find a problem that ended before it, however large. Each cell gives the review as run, then the adequate review described below.",
      ),
      {
        kind: "table",
        headers: [
          "How affected cases are spread in time",
          "Share in the window",
          ...picks.map((t) => `${formatCount(t)} affected`),
        ],
        rows,
      },
      {
        kind: "chart",
        id: "power",
        caption:
          "Probability of finding at least one affected case, by number affected and temporal profile.",
        spec: powerChart(a),
      },
    ],
  };
}

function plan(a: Assessment): Section {
  const pl = a.adequatePlan;
  const c = formatConfidence(pl.confidence);
  const largest = pl.strata.reduce((x, y) => (y.population > x.population ? y : x));
  return {
    id: "plan",
    heading: "What an adequate review would need",
    blocks: [
      p(
        `A review that could support a claim about the whole exposure period samples every part of it. Drawing cases at random within each ${pl.stratify}, the samples below keep each ${pl.stratify}'s ${c} one-sided upper bound below ${formatPercent(pl.tolerable)} (${pl.tolerableSource}) if its rate is the one observed (${formatPercent(pl.expectedRate)}): ${formatCount(pl.total)} cases in all.`,
      ),
      {
        kind: "table",
        headers: [capitalise(pl.stratify), "Period", a.unit, "Sample"],
        rows: pl.strata.map((s) => [
          s.label,
          s.period.replace("/", " to "),
          formatCount(s.population),
          `${formatCount(s.sampleSize)}${s.census ? " (every case)" : ""}`,
        ]),
      },
      p(
        `Alternatively, to find at least one affected case with ${c} probability if ${formatCount(pl.detection.affected)} or more were affected anywhere in the period, review ${formatCount(pl.detection.sampleSize)} of the ${formatCount(pl.detection.population)} ${a.unit} drawn at random from the whole period (exact hypergeometric).`,
      ),
      {
        kind: "chart",
        id: "sample-size",
        caption: `Upper bound against sample size for the largest ${pl.stratify} (${largest.label}).`,
        spec: sampleSizeChart(
          planCurve({
            model: "hypergeometric",
            population: largest.population,
            tolerable: pl.tolerable,
            confidence: pl.confidence,
            ...(pl.expectedRate > 0 ? { expectedRate: pl.expectedRate } : {}),
          }),
        ),
      },
    ],
  };
}

function limitations(a: Assessment): Section {
  const s = a.scenario;
  const items: string[] = [];
  for (const w of s.windows) {
    items.push(
      w.selection === "random"
        ? `${w.label}: the ${formatCount(w.reviewed)} reviewed cases are taken to be a simple random sample. If they were chosen another way, the window's bounds do not hold.`
        : `${w.label}: how the ${formatCount(w.reviewed)} reviewed cases were chosen is ${w.selection === "unknown" ? "not known" : "a matter of judgement"}. Every model-based bound here assumes a random sample; if the reviewers chose cases more likely (or less likely) to be affected, the true figures could be lower (or higher) than stated, by an amount the data cannot show. The assumption-free range makes no such assumption.`,
    );
  }
  if (s.windows.length > 0) {
    items.push(
      "Constant rate: the figures outside the window assume the rate of affected cases was the same throughout the exposure period, or the stated multiple of it. A defect that came and went, or worsened, breaks this assumption; the drift table and the assumption-free range show how much it matters.",
    );
  }
  items.push(
    s.screeningSensitivity === 1
      ? "Screening: every affected case is assumed to have been flagged. If the screen missed some, the true counts are higher; give a screening sensitivity below 1 to see by how much."
      : `Screening: the screen is assumed to have flagged ${formatPercent(s.screeningSensitivity, 0)} of affected cases, each independently; the bounds allow for the chance that it missed more.`,
    s.reviewSensitivity === 1
      ? "Review: a reviewer is assumed to recognise every affected case examined. If some were missed, the true counts are higher; give a review sensitivity below 1 to see by how much."
      : `Review: reviewers are assumed to recognise ${formatPercent(s.reviewSensitivity, 0)} of affected cases they examine, each independently; the bounds allow for the chance that they missed more.`,
  );
  if (s.cases === undefined && s.volume === undefined) {
    items.push(
      "Case volumes are not given: the number of cases outside the window is estimated from the window, assuming the same number per day. Figures outside the window scale with this estimate.",
    );
  }
  for (const warning of a.warnings)
    if (!items.some((i) => i.includes(warning.slice(0, 40)))) items.push(warning);
  return {
    id: "limitations",
    heading: "Assumptions and limitations",
    blocks: [
      p("Each figure rests on stated assumptions. These are the ones a reader should weigh."),
      { kind: "list", items },
    ],
  };
}

function reproducibility(context: ReportContext): Section {
  return {
    id: "reproducibility",
    heading: "Reproducibility",
    blocks: [
      {
        kind: "list",
        items: [
          `Tool: sampling-adequacy ${context.version}`,
          `Generated: ${context.generatedAt}`,
          `Command: ${context.command}`,
          "The scenario below, saved as a file and passed to adequacy assess --scenario, reproduces every number.",
        ],
      },
      { kind: "code", language: "yaml", text: context.scenarioYaml },
    ],
  };
}

function cite(a: Assessment, context: ReportContext): Section {
  const year = context.generatedAt.slice(0, 4);
  return {
    id: "cite",
    heading: "How to cite",
    blocks: [
      {
        kind: "code",
        language: "text",
        text: `sampling-adequacy ${context.version} (${year}). Assessment of "${a.name}": ${formatConfidence(a.confidence)} confidence, ${sidedWord(a.sided)} bounds. Generated ${context.generatedAt.slice(0, 10)} with: ${context.command}. Methods: exact hypergeometric bounds (Buonaccorsi 1987); binomial prediction limits (Thatcher 1964); assumption-free bounds (Manski 1989).`,
      },
    ],
  };
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
