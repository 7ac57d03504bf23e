import { confidenceCurveChart } from "../charts/confidenceCurveChart.js";
import { missedChart } from "../charts/missedChart.js";
import { powerChart } from "../charts/powerChart.js";
import { sampleSizeChart } from "../charts/sampleSizeChart.js";
import { sensitivityChart } from "../charts/sensitivityChart.js";
import { timelineChart } from "../charts/timelineChart.js";
import type { Interval } from "../intervals/types.js";
import type { Assessment } from "../investigation/assessInvestigation.js";
import type { WindowFinding } from "../investigation/windowInference.js";
import { at } from "../math/at.js";
import { type MethodId, methodName } from "../methods/methodRegistry.js";
import {
  capitalise,
  formatChance,
  formatConfidence,
  formatCount,
  formatCountOf,
  formatFrequency,
  formatPercent,
  roundDecimals,
  roundSignificant,
  sidedWord,
} from "../text/format.js";
import { messages } from "../validation/messages.js";
import type { WarningId } from "../validation/warnings.js";
import { tolerableWords } from "./assumptionWords.js";
import { chosenStratumWords } from "./chosenStratumWords.js";
import { methodsExcerpt } from "./methodsExcerpt.js";
import type { Block, ReportDocument, Section } from "./ReportDocument.js";
import { screenSection } from "./screenSection.js";
import { selectionBiasSection } from "./selectionBiasSection.js";
import { statements } from "./statements.js";

export interface ReportContext {
  /** The tool version that produced the report. */
  readonly version: string;
  /** When it was produced (ISO 8601). */
  readonly generatedAt: string;
  /** The command line that reproduces it. */
  readonly command: string;
  /** The scenario as YAML (the CLI formats it; the report quotes it). */
  readonly scenarioYaml: string;
  /** Who made the analysis; default the scenario's `author`. */
  readonly author?: string;
  /** On whose behalf; default the scenario's `organisation`. */
  readonly organisation?: string;
  /** Where the analysis is published; default the scenario's `url`. */
  readonly url?: string;
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
    notShown(a),
    inputs(a),
    findings(a),
    coverage(a),
    ...(a.window ? [outside(a)] : []),
    ...(a.screen ? [screenSection(a)] : []),
    ...[selectionBiasSection(a)].filter((section): section is Section => section !== null),
    power(a),
    plan(a),
    limitations(a),
    methods(a),
    reproducibility(context),
    cite(a, context),
  ];
  return {
    title: `How much could the review have missed? ${a.name}`,
    subtitle: `An assessment at ${formatConfidence(a.confidence)} confidence with ${sidedWord(a.sided)} bounds, produced by sampling-adequacy ${context.version}`,
    version: context.version,
    generatedAt: context.generatedAt,
    command: context.command,
    runningTitle: `${a.name}: how much could the review have missed?`,
    sections,
    assessment: a,
    statements: statements(a),
  };
}

function summary(a: Assessment): Section {
  const c = formatConfidence(a.confidence);
  const blocks: Block[] = [];
  if (a.description) blocks.push(p(a.description));
  blocks.push({ kind: "list", items: statements(a).map((s) => s.text) });
  blocks.push(
    p(
      `How to read the numbers. An upper bound at ${c} confidence${a.sided === "upper" ? "" : ", two-sided,"} is a number computed so that, if the method were used again and again on new random samples, it would fall below the true count at most ${formatPercent(a.upperTail)} of the time${a.sided === "upper" ? "" : ` (at most ${formatPercent(a.nonCoverage)} for a bound stated as one-sided)`}. ${a.sided === "upper" ? "One-sided means only an upper bound is given: the question is how much could have been missed, not how little." : `Two-sided means a lower and an upper bound are given, each leaving half of the remaining chance in its tail: the lower bound would exceed the true count at most ${formatPercent(a.upperTail)} of the time, and the two together miss it at most ${formatPercent(a.nonCoverage)} of the time.`} Exact methods compute these bounds from the sampling distribution itself rather than an approximation. An estimate is the single most likely figure; the bound is the figure one can defend.`,
    ),
  );
  return { id: "summary", heading: "Summary", blocks };
}

function inputs(a: Assessment): Section {
  const s = a.scenario;
  const sources = new Map((s.sources ?? []).map((x) => [x.field, x]));
  const status = (field: string, fallback: string) => {
    const source = sources.get(field);
    return source ? [source.status, source.note] : [fallback, ""];
  };
  const rows: string[][] = [];
  const add = (label: string, value: string, field: string, fallback = "given") =>
    rows.push([label, value, ...status(field, fallback)]);
  add("Exposure period", s.span.replace("/", " to "), "span");
  if (s.cases !== undefined) add("Cases over the period", formatCount(s.cases), "cases");
  const profile = a.coverage.volumeProfile;
  if (profile !== null)
    add("Case volume", `${profile.periods} periods, ${formatCount(profile.cases)} cases`, "volume");
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
  add("Confidence", formatConfidence(s.confidence), "confidence");
  add("Sidedness", sidedWord(s.sided), "sided");
  add("Screening sensitivity", formatPercent(s.screeningSensitivity, 0), "screeningSensitivity");
  add("Review sensitivity", formatPercent(s.reviewSensitivity, 0), "reviewSensitivity");
  add("Drift values θ", s.drift.join(", "), "drift");
  if (s.materiality !== undefined)
    add("Materiality", `${formatCount(s.materiality)} missed cases`, "materiality");
  add(
    "Tolerable rate for the plan",
    formatPercent(a.adequatePlan.tolerable),
    "tolerable",
    s.tolerable === undefined && s.materiality !== undefined ? "derived" : "given",
  );
  return {
    id: "inputs",
    heading: "Inputs",
    blocks: [
      p(
        "Every figure the assessment uses. Public: from published reporting; given: supplied by the user; default: not given, so the documented default is used; assumed: an assumption stated here so that a reader can change it; derived: computed from the other inputs or counted from a case file.",
      ),
      { kind: "table", headers: ["Figure", "Value", "Status", "Source or note"], rows },
    ],
  };
}

function findings(a: Assessment): Section {
  const c = formatConfidence(a.confidence);
  const tail = sidedWord(a.sided);
  // A bounded count's row: its estimate to one decimal, its bound as the sidedness reads, and its method.
  const boundRow = (quantity: string, x: Interval, method: MethodId) => [
    quantity,
    formatCount(roundDecimals(x.estimate, 1)),
    a.sided === "two"
      ? `${formatCount(x.lower)} to ${formatCount(x.upper)}`
      : `at most ${formatCount(x.upper)}`,
    methodName(method),
    c,
    tail,
  ];
  const rows: string[][] = [];
  if (a.window && a.extrapolated) {
    const w = a.window;
    const e = a.extrapolated;
    rows.push(
      boundRow("Affected in the window", w.affected, w.method),
      boundRow("Not detected in the window", w.undetected, w.method),
      boundRow("Not detected outside the window (constant rate)", e.outside, e.method),
      boundRow("Not detected, in and out of the window (constant rate)", e.undetected, e.method),
    );
    const s = a.sensitivity;
    if (s && s.materiality !== null) {
      rows.push([
        `Drift at which ${formatCount(s.materiality)} could be missed (tipping point)`,
        "—",
        s.tippingPoint === null
          ? s.tippingPointSearchedTo === null
            ? "not reached"
            : messages.tippingPointNotReached(s.tippingPointSearchedTo)
          : `θ = ${roundSignificant(s.tippingPoint, 3)}`,
        methodName(s.method),
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
    methodName(u.method),
    "—",
    "—",
  ]);
  rows.push([
    "Adequate review over the whole period",
    "—",
    `${formatCount(a.adequatePlan.total)} cases`,
    methodName(a.adequatePlan.method),
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
      caption:
        cov.windows.length === 0
          ? "Monthly volume over the exposure period; no window has been examined."
          : "Monthly volume over the exposure period; each examined window is shaded, with dark lines at its start and end.",
      alt: `Bar chart of ${a.unit} per month from ${a.scenario.span.replace("/", " to ")}. ${cov.windows.length === 0 ? "No window was examined." : `Examined ${cov.windows.length === 1 ? "window" : "windows"}, highlighted: ${cov.windows.map((w) => `${w.label}, ${w.period.replace("/", " to ")}`).join("; ")}: ${formatCount(cov.examinedDays)} of ${formatCount(cov.spanDays)} days (${formatPercent(cov.timeFraction, 1)}).`}`,
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
        `Outside the window the review saw nothing. Under the constant-rate assumption — the same rate of affected cases throughout the exposure period — the ${a.coverage.outsideStageBasis === "given" ? "" : "estimated "}${formatCountOf(roundDecimals(e.outsideVolume, 0), a.unit)} outside the window would hold about ${formatCount(roundDecimals(e.outside.estimate, 1))} affected cases, and with ${c} confidence at most ${formatCount(e.outside.upper)}. The bound is a prediction limit: it covers the unknown count itself, not only its average, and is exact whatever the rate (Thatcher 1964).`,
      ),
      {
        kind: "chart",
        id: "missed",
        caption:
          "Where undetected impact could be: estimates as bars, upper bounds as whiskers; the range with no assumption is drawn as a range, not a bar.",
        alt: missedAlt(a),
        spec: missedChart(a),
      },
      // Rows whose counts exceed 2^53 − 1 are left out (a warning says which); with none left, no table.
      ...(s.rows.length === 0
        ? []
        : ([
            p(
              "The rate may not have been constant. The table shows the bound if the rate outside the window was θ times the rate inside (θ = 0.5: half; θ = 10: ten times).",
            ),
            driftTable(s.rows, c),
            {
              kind: "chart",
              id: "sensitivity",
              caption:
                s.materiality === null
                  ? "Undetected cases against θ: the estimate and the upper bound."
                  : "Undetected cases against θ, with the materiality line and the tipping point.",
              alt: `Line chart of undetected affected cases against θ, the rate outside the window as a multiple of the rate inside. ${s.rows.map((r) => `θ = ${r.drift}: estimate ${formatCount(roundDecimals(r.undetected.estimate, 1))}, at most ${formatCount(r.undetected.upper)}`).join("; ")}.${s.materiality === null ? "" : ` Materiality: ${formatCount(s.materiality)}${s.tippingPoint === null ? ", not reached" : `, reached at θ = ${roundSignificant(s.tippingPoint, 3)}`}.`}`,
              spec: sensitivityChart(a),
            },
          ] as Block[])),
    );
    if (s.materiality !== null) {
      blocks.push(
        p(
          s.tippingPoint === null
            ? s.tippingPointSearchedTo === null
              ? `No plausible rate outside the window brings the upper bound to the materiality of ${formatCount(s.materiality)} missed cases.`
              : `No rate outside the window up to ${messages.driftSearched(s.tippingPointSearchedTo)} brings the upper bound to the materiality of ${formatCount(s.materiality)} missed cases; larger θ are beyond the counts computed exactly.`
            : `Tipping point: the upper bound reaches the materiality of ${formatCount(s.materiality)} missed cases if the rate outside the window was ${roundSignificant(s.tippingPoint, 3)} times the rate inside.`,
        ),
      );
    }
    blocks.push({
      kind: "chart",
      id: "confidence-curve",
      caption: "Confidence that at most a given number went undetected, at every level.",
      alt: confidenceCurveAlt(a),
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

/** The drift table, with a Note column only when some row has a note (an empty column reads as missing). */
function driftTable(rows: NonNullable<Assessment["sensitivity"]>["rows"], c: string): Block {
  const notes = rows.map((r) =>
    r.implausible
      ? "implausible: outside rate above 100%"
      : r.saturated
        ? "at the assumption-free maximum"
        : "",
  );
  const noted = notes.some((note) => note !== "");
  return {
    kind: "table",
    headers: ["θ (outside ÷ window rate)", "Estimate", `Upper bound (${c})`, ...(noted ? ["Note"] : [])],
    rows: rows.map((r, i) => [
      String(r.drift),
      formatCount(roundDecimals(r.undetected.estimate, 1)),
      formatCount(r.undetected.upper),
      ...(noted ? [notes[i] ?? ""] : []),
    ]),
  };
}

function power(a: Assessment): Section {
  const pw = a.detectionPower;
  const picks = pw.shown;
  const atTotal = (values: readonly number[], total: number) => at(values, pw.totals.indexOf(total));
  const rows = pw.curves.map((curve) => [
    `${curve.profile}: ${curve.description}`,
    formatPercent(curve.windowShare, 1),
    ...picks.map(
      (t) => `${formatChance(atTotal(curve.review, t))} / ${formatChance(atTotal(curve.adequatePlan, t))}`,
    ),
  ]);
  const uniform = pw.curves.find((curve) => curve.profile === "uniform");
  const hundred = picks.find((t) => t === 100) ?? picks.at(-1);
  const blocks: Block[] = [
    p(
      "Detection power is the chance that a review finds at least one affected case, if a given number were affected over the whole period. It depends on when they occurred: a review confined to a recent window cannot find a problem that ended before it, however large. Each cell gives the review as run, then the adequate review described below.",
    ),
  ];
  if (uniform && hundred !== undefined) {
    blocks.push(
      p(
        `In natural frequencies: if ${formatCount(hundred)} cases were affected, spread evenly over the exposure period, then of 100 reviews like this one, ${formatFrequency(atTotal(uniform.review, hundred))} would have found at least one affected case; of 100 adequate reviews, ${formatFrequency(atTotal(uniform.adequatePlan, hundred))} would.`,
      ),
    );
  }
  blocks.push(
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
        "Chance of finding at least one affected case, by number affected and how they are spread in time.",
      alt: `Line chart of the chance that a review finds at least one affected case against the number affected (1 to ${formatCount(at(pw.totals, pw.totals.length - 1))}), one line per spread in time, solid for the review as run and dashed for the adequate plan. ${pw.curves.map((curve) => (picks.length === 0 ? "" : `${curve.profile}: ${picks.map((t) => `${formatCount(t)} affected, ${formatChance(atTotal(curve.review, t))} as run and ${formatChance(atTotal(curve.adequatePlan, t))} planned`).join("; ")}`)).join(". ")}.`,
      spec: powerChart(a),
    },
  );
  return { id: "power", heading: "Detection power", blocks };
}

function plan(a: Assessment): Section {
  const pl = a.adequatePlan;
  const c = formatConfidence(pl.confidence);
  const chosen = a.sampleSizeCurve;
  return {
    id: "plan",
    heading: "What an adequate review would need",
    blocks: [
      p(
        pl.reachable
          ? `A review that could support a claim about the whole exposure period samples every part of it. Drawing cases at random within each ${pl.stratify}, the samples below keep each ${pl.stratify}'s ${c} one-sided upper bound below ${formatPercent(pl.tolerable)} (${tolerableWords(pl, a.coverage.stageUnit)}) if its rate is the one observed (${formatPercent(pl.expectedRate)}): ${formatCount(pl.total)} cases in all.`
          : `A review that could support a claim about the whole exposure period samples every part of it. ${pl.unreachableReason}`,
      ),
      {
        kind: "table",
        headers: [capitalise(pl.stratify), "Period", capitalise(a.unit), "Sample"],
        rows: pl.strata.map((s) => [
          s.label,
          s.period.replace("/", " to "),
          formatCount(s.population),
          `${formatCount(s.sampleSize)}${s.census ? " (every case)" : ""}`,
        ]),
      },
      p(
        pl.detection.reachable
          ? `Alternatively, to find at least one affected case with ${c} probability if ${formatCount(pl.detection.affected)} or more were affected anywhere in the period, review ${formatCount(pl.detection.sampleSize)} of the ${formatCountOf(pl.detection.population, a.unit)} drawn at random from the whole period (exact hypergeometric).`
          : messages.detectionPlanUnreachable(
              formatCount(pl.detection.affected),
              c,
              formatCountOf(pl.detection.population, a.unit),
              formatPercent(pl.detection.probability),
            ),
      ),
      ...(chosen === null
        ? []
        : [
            {
              kind: "chart" as const,
              id: "sample-size",
              caption: `Upper bound against sample size for ${chosenStratumWords(chosen, pl.stratify)}${chosen.tiedForLargest > 1 ? "" : ` (${formatCount(chosen.stratum.population)})`}.`,
              alt: `Line chart of the ${c} one-sided upper bound on the rate against the number of cases reviewed from the ${formatCount(chosen.stratum.population)} cases of ${chosen.stratum.label}, if ${formatCount(chosen.curve.found)} affected ${chosen.curve.found === 1 ? "is" : "are"} found: reviewing ${formatCount(chosen.curve.plan.sampleSize)} brings it below the target of ${formatPercent(pl.tolerable)}.`,
              spec: sampleSizeChart(chosen.curve, {
                populationLabel: chosenStratumWords(chosen, pl.stratify),
              }),
            },
          ]),
    ],
  };
}

function limitations(a: Assessment): Section {
  const s = a.scenario;
  const items: string[] = [];
  // The assessment's warnings that these items already say, in the report's own words.
  const said = new Set<WarningId>();
  for (const w of s.windows) {
    if (w.selection !== "random") said.add("not-shown-random");
    items.push(
      w.selection === "random"
        ? `${w.label}: the ${formatCountOf(w.reviewed, "reviewed cases")} ${w.reviewed === 1 ? "is" : "are"} taken to be a simple random sample. If ${w.reviewed === 1 ? "it was" : "they were"} chosen another way, the window's bounds do not hold.`
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
    said.add("no-case-volumes");
    items.push(
      "Case volumes are not given: the number of cases outside the window is estimated from the window, assuming the same number per day. Figures outside the window scale with this estimate.",
    );
  }
  for (const warning of a.warnings) if (!said.has(warning.id)) items.push(warning.text);
  return {
    id: "limitations",
    heading: "Assumptions and limitations",
    blocks: [
      p("Each figure rests on stated assumptions. These are the ones a reader should weigh."),
      { kind: "list", items },
    ],
  };
}

function notShown(a: Assessment): Section {
  const items: string[] = [];
  const w = a.window;
  if (w && w.found === 0) {
    items.push(
      "Finding no affected case does not mean no case was affected: the bounds above say how many could have been missed.",
    );
  } else {
    items.push(
      "The cases found are not all the affected cases: the bounds above say how many more there could be.",
    );
  }
  items.push(
    a.window
      ? `How many cases were affected outside the examined ${a.coverage.windows.length === 1 ? "window" : "windows"}, unless the rate there was the same: without that assumption, anything from none to every case outside is consistent with what was found.`
      : "How many cases were affected: until cases are examined, anything from none to all of them is consistent with what is known.",
    "Anything that holds without the stated selection: every bound assumes the reviewed cases were a random sample (see Assumptions and limitations).",
    "Whether any outcome changed: the figures count affected cases, not the harm done to any one of them.",
    "Who is at fault or why the defect arose: the figures measure the review, not the cause.",
  );
  return {
    id: "not-shown",
    heading: "What this does not show",
    blocks: [{ kind: "box", heading: "Do not read this report as showing", items }],
  };
}

function missedAlt(a: Assessment): string {
  const w = a.window;
  const e = a.extrapolated;
  const u = a.unrestricted;
  const c = formatConfidence(a.confidence);
  const est = (x: number) => formatCount(roundDecimals(x, 1));
  const parts = [`Found by the review: ${formatCount(w?.found ?? 0)}`];
  if (w)
    parts.push(
      `undetected in the window: estimate ${est(w.undetected.estimate)}, at most ${formatCount(w.undetected.upper)}`,
    );
  if (e)
    parts.push(
      `undetected outside the window if the rate was constant: estimate ${est(e.outside.estimate)}, at most ${formatCount(e.outside.upper)}`,
    );
  parts.push(
    `outside the window with no assumption: anything from ${formatCount(u.outside.lower)} to ${formatCount(u.outside.upper)}, with no estimate`,
  );
  return `Bar chart of ${a.unit}, upper bounds at ${c} ${sidedWord(a.sided)}. ${parts.join("; ")}.`;
}

function confidenceCurveAlt(a: Assessment): string {
  const e = a.extrapolated;
  if (!e) return "";
  const c = formatConfidence(a.confidence);
  const median = e.confidenceCurve.find((point) => point.confidence >= 0.5);
  return `Step chart of the confidence that at most a given number of affected cases went undetected, under a constant rate. ${median ? `At 50% confidence, at most ${formatCount(median.undetected)}; ` : ""}at ${c}, at most ${formatCount(e.undetected.upper)} among ${formatCountOf(e.unreviewed, `unreviewed ${a.unit}`)}.`;
}

/** The heading of the methods section's list of works cited. */
const REFERENCES = "References";

/** The works the methods section cites, by how their entry starts. */
const CITED: readonly string[] = [
  "AICPA (2017)",
  "Buonaccorsi, J. P. (1987)",
  "Clopper, C. J. & Pearson, E. S. (1934)",
  "Manski, C. F. (1989)",
  "Thatcher, A. R. (1964)",
];

/**
 * The cited entries, quoted from the References of docs/methods.md (so that the two cannot drift), as
 * plain text: Markdown emphasis dropped, lines joined. An entry's DOI (`doi:10.…` at its end) becomes its
 * link, https://doi.org/ and the DOI.
 */
function references(cited: typeof CITED): { text: string; url?: string }[] {
  const entries = methodsExcerpt(["References"])
    .split(/\n- /)
    .slice(1)
    .map((entry) =>
      entry
        .replace(/\s*\n\s*/g, " ")
        .replace(/_([^_]+)_/g, "$1")
        .trim(),
    );
  return cited.map((starts) => {
    const entry = entries.find((text) => text.startsWith(starts));
    if (entry === undefined) throw new Error(messages.noReferenceStarting(starts));
    const doi = /\s+doi:(10\.\S+?)\.?$/.exec(entry);
    if (doi === null) return { text: entry };
    return { text: entry.slice(0, doi.index), url: `https://doi.org/${doi[1]}` };
  });
}

/**
 * The windows' method in words, at the tail probability each bound was computed at (`windowTail`, or the
 * total's `upperTail` for the joint limits), naming the Bonferroni adjustment when several windows share
 * the risk.
 */
function windowMethod(a: Assessment, w: WindowFinding): string {
  const m = a.coverage.windows.length;
  const thinned = w.method === "window-thinned" || w.method === "window-thinned-bonferroni";
  const found = thinned ? "recognising" : "finding";
  const missing = thinned
    ? "Assumes: a random sample, and the screening and review sensitivities used."
    : "Assumes: a random sample, and that reviewers recognise every affected case they examine.";
  const thinning = thinned
    ? ", and each affected case as missed by the screen or by the reviewer independently, at the sensitivities used"
    : "";
  // The bounds keep K only while the probability is strictly above the tail (docs/methods.md), so "more than".
  const stillHappens = (tail: number) => `would still happen more than ${formatPercent(tail)} of the time`;
  if (m === 1) {
    const tail = w.windowTail ?? w.upperTail;
    return `In the window: exact hypergeometric bounds (Buonaccorsi 1987)${thinned ? ", thinned by the screening and review sensitivities" : ""}. The ${formatCountOf(w.reviewed, "reviewed cases")} ${w.reviewed === 1 ? "is" : "are"} treated as drawn at random, without replacement, from the ${formatCountOf(w.population, a.unit)} in the window${thinning}. ${w.sided === "upper" ? "The bound" : "The upper bound"} is the largest number of affected ${a.unit} for which ${found} as few as ${formatCount(w.found)} ${stillHappens(tail)}${w.sided === "upper" ? "" : `; the lower bound is the smallest for which ${found} as many ${stillHappens(tail)}`}. ${missing}`;
  }
  const drawn = `In each window the reviewed cases are treated as drawn at random, without replacement, from its ${a.unit} (${formatCount(w.reviewed)} reviewed of ${formatCount(w.population)} in all)${thinning}.`;
  if (w.windowTail === null) {
    return `In the windows: exact joint limits on the total over the ${formatCount(m)} windows (Wendell & Schmee 1996). ${drawn} ${w.sided === "upper" ? "The bound" : "The upper bound"} is the largest total of affected ${a.unit} for which, however they are spread over the windows, a projected total as low as the one found (each window's count scaled up by its ${a.unit} over its reviewed) ${stillHappens(w.upperTail)}${w.sided === "upper" ? "" : `; the lower bound is the smallest total for which one as high ${stillHappens(w.upperTail)}`}. The total is tested as a whole, so the ${formatPercent(w.upperTail)} needs no sharing among the windows. ${missing}`;
  }
  return `In the windows: exact hypergeometric bounds (Buonaccorsi 1987) in each of the ${formatCount(m)} windows${thinned ? ", thinned by the screening and review sensitivities" : ""}, summed. ${drawn} Each window's ${w.sided === "upper" ? "bound" : "upper bound"} is the largest number of affected ${a.unit} for which ${found} as few as that window's count ${stillHappens(w.windowTail)}${w.sided === "upper" ? "" : `, and its lower bound the smallest for which ${found} as many ${stillHappens(w.windowTail)}`}: a Bonferroni adjustment divides the ${formatPercent(w.upperTail)} ${w.sided === "upper" ? "" : "of each tail "}among the ${formatCount(m)} windows, so that the summed ${w.sided === "upper" ? "bound" : "upper bound"} falls below the true total at most ${formatPercent(w.upperTail)} of the time${w.sided === "upper" ? "" : `, and the summed lower bound above it at most ${formatPercent(w.upperTail)}`}${w.method === "window-bonferroni" ? " (the exact joint limits would exceed their work limit)" : ""}. ${missing}`;
}

/** The methods in words a reader can check, each with what it assumes and its reference. */
function methods(a: Assessment): Section {
  const c = formatConfidence(a.confidence);
  const items: string[] = [];
  if (a.window) {
    items.push(
      windowMethod(a, a.window),
      "Outside the window: a binomial prediction limit (Thatcher 1964). It predicts the number of affected cases among those not reviewed, from the rate seen in the window, and allows for the uncertainty in that rate. Assumes: the same rate of affected cases throughout the exposure period (or the stated multiple θ of it, for the drift table).",
    );
  }
  items.push(
    "With no assumption: the assumption-free range (Manski 1989). Without any assumption about the cases not examined, every count from none to all of them is consistent with the data; the range says so rather than guessing.",
    `Detection power: the chance that a review finds at least one affected case if a given number were affected, for each way the affected cases could be spread over time. Each affected case is taken to be found or missed independently of the others (binomial, AICPA 2017), which puts the chance slightly below the exact hypergeometric one: it does not flatter the review. Assumes: ${a.coverage.windows.length === 0 ? "that a review, once made, examines a random sample of its window" : `a random sample within the examined window${a.coverage.windows.length === 1 ? "" : "s"}`}, and the spread in time each line names.`,
    `The adequate review: the smallest random sample in each ${a.adequatePlan.stratify} whose ${c} one-sided upper bound stays below the target rate if the rate found so far holds (exact hypergeometric, the convention of AICPA 2017). The target is ${formatPercent(a.adequatePlan.tolerable)} (${tolerableWords(a.adequatePlan, a.coverage.stageUnit)}). Assumes: cases drawn at random within each ${a.adequatePlan.stratify}.`,
  );
  return {
    id: "methods",
    heading: "Methods",
    blocks: [
      p(
        `Every bound is at ${c} confidence, ${a.sided === "upper" ? `${sidedWord(a.sided)}: if the method were applied again and again to new random samples, the bound would fall short of the true count at most ${formatPercent(a.upperTail)} of the time.` : `${sidedWord(a.sided)} unless stated: if the method were applied again and again to new random samples, the upper bound would fall short of the true count at most ${formatPercent(a.upperTail)} of the time, and the lower bound would exceed it at most ${formatPercent(a.upperTail)} of the time.`} Each method below says what it assumes. Formulas, conventions, and the checks against published tables and independent software are in the tool's methods page (docs/methods.md).`,
      ),
      { kind: "list", items },
      {
        kind: "links",
        heading: REFERENCES,
        items: references(
          a.window?.method === "window-joint" ? [...CITED, "Wendell and Schmee (1996)"] : CITED,
        ),
      },
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
  const author = context.author ?? a.scenario.author;
  const organisation = context.organisation ?? a.scenario.organisation;
  const url = context.url ?? a.scenario.url;
  const date = context.generatedAt.slice(0, 10);
  const who = [author, organisation].filter((x): x is string => x !== undefined && x !== "").join(", ");
  const text = `${who === "" ? "" : `${who} (${date.slice(0, 4)}). `}How much could the review have missed? ${a.name}. Analysis dated ${date}, made with sampling-adequacy ${context.version}: ${formatConfidence(a.confidence)} confidence, ${sidedWord(a.sided)} bounds.${url === undefined ? "" : ` ${url}`}`;
  const blocks: Block[] = [
    { kind: "code", language: "text", text },
    {
      kind: "list",
      items: [
        `Author: ${author ?? "not given (give --author or author: in the scenario)"}`,
        `Organisation: ${organisation ?? "not given (give --organisation or organisation: in the scenario)"}`,
        `Date of analysis: ${date}`,
        `Published at: ${url ?? "not given (give --url or url: in the scenario)"}`,
        `Command: ${context.command}`,
      ],
    },
  ];
  const sources = (a.scenario.sources ?? []).filter((x) => x.status === "public");
  if (sources.length > 0) {
    blocks.push(p("Sources of the public figures:"), {
      kind: "links",
      items: sources.map((x) => ({
        text: `${x.field}: ${x.note}`,
        ...(x.url === undefined ? {} : { url: x.url }),
      })),
    });
  }
  return { id: "cite", heading: "How to cite", blocks };
}
