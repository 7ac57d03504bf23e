import type { Sided } from "../intervals/types.js";
import type { Assessment } from "../investigation/assessInvestigation.js";
import type { ScreenAssessment } from "../investigation/screenAssessment.js";
import type { SelectionBias } from "../investigation/selectionBias.js";
import type { MethodId } from "../methods/methodRegistry.js";
import { drawnAtRandom } from "../text/drawnAtRandom.js";
import {
  capitalise,
  describeSided,
  formatChance,
  formatConfidence,
  formatCount,
  formatCountOf,
  formatFrequency,
  formatPercent,
  roundSignificant,
  sidedWord,
} from "../text/format.js";
import { messages } from "../validation/messages.js";
import { assumptionWords, tolerableWords } from "./assumptionWords.js";

/** A sentence a report can cite, with the number it states and what that number rests on. */
export interface Statement {
  readonly id: string;
  readonly text: string;
  readonly value: number | null;
  /** The methods the number comes from (ids in the method registry). */
  readonly methods: readonly MethodId[];
  readonly confidence: number | null;
  readonly sided: Sided | null;
  readonly assumption: string;
}

const plural = (count: number, one: string, many = `${one}s`) =>
  `${formatCount(count)} ${count === 1 ? one : many}`;

/** The assessment record `adequacy assess --format json` prints: the assessment with its statements. */
export interface AssessmentRecord extends Assessment {
  readonly statements: readonly Statement[];
}

/**
 * The assessment with its citable sentences, as `adequacy assess --format json` prints it.
 *
 * @example
 * import { assessInvestigation, assessmentRecord, examples } from "sampling-adequacy";
 * assessmentRecord(assessInvestigation(examples["hmcts-sscs"])).statements.length; // 6
 */
export function assessmentRecord(a: Assessment): AssessmentRecord {
  return { ...a, statements: statements(a) };
}

/**
 * Three to six citable sentences from an assessment (seven with an elusion sample): what the window
 * shows, what lies outside it under the constant-rate model and under drift, what the data cannot say
 * without an assumption, what the review could detect, and what review would have been adequate. Every
 * number is a field of the assessment; this only words it. Methods: docs/methods.md, "Investigation over
 * a time span" (Statements).
 *
 * @example
 * import { assessInvestigation, examples, statements } from "sampling-adequacy";
 * statements(assessInvestigation(examples["hmcts-sscs"]))[0]?.id; // "assumption-free" (selection not known)
 */
export function statements(a: Assessment): Statement[] {
  const c = formatConfidence(a.confidence);
  const tail = sidedWord(a.sided);
  const unit = a.unit;
  const out: Statement[] = [];
  const plan = a.adequatePlan;
  // The plan's target and the rate it assumes, named in its sentence whether or not a plan meets it.
  const target = `${formatPercent(plan.tolerable)} (${plan.materialityShare !== null ? `${plural(plan.materialityShare.materiality, "case")} over the whole period, the materiality given` : plan.target === "tolerable" ? "the tolerable rate given" : "the default target, an assumption"})`;
  const assumedRate =
    plan.expectedRate > 0
      ? `observed in the ${a.coverage.windows.length === 1 ? "window" : "windows"} (${formatPercent(plan.expectedRate)})`
      : `of 0% (${a.window === null ? "none reviewed yet" : "none found"})`;
  const planSentence = (): Statement => ({
    id: "adequate-plan",
    text:
      (plan.reachable
        ? `To show with ${c} confidence that each ${plan.stratify}'s rate of affected cases is below ${target}, ` +
          `assuming the rate ${assumedRate} holds in every ${plan.stratify}, ` +
          `a review adequate for the whole exposure period would examine ${plural(plan.total, "case")} drawn at random across ${plural(plan.strata.length, plan.stratify)}; `
        : `The plan's target is a rate below ${target}, assuming the rate ${assumedRate}. ${plan.unreachableReason} `) +
      // After a census sentence the detection plan starts a sentence of its own, not a clause.
      (plan.detection.reachable
        ? `${plan.reachable ? "or" : "A review could instead examine"} ${plural(plan.detection.sampleSize, "case")} drawn at random from the whole period to find at least one affected case with ${c} probability if ${formatCount(plan.detection.affected)} or more were affected.`
        : `${plan.reachable ? "and no" : "No"} detection plan meets the target${plan.reachable ? "" : " either"}. ${messages.detectionPlanUnreachable(formatCount(plan.detection.affected), c, formatCount(plan.detection.population), formatPercent(plan.detection.probability))}`),
    value: plan.total,
    methods: [plan.method, plan.detection.method],
    confidence: a.confidence,
    sided: "upper",
    assumption: `cases drawn at random within each period; the target ${formatPercent(plan.tolerable)} (${tolerableWords(plan, a.coverage.stageUnit)}); the expected rate ${formatPercent(plan.expectedRate)}`,
  });

  if (a.window === null || a.extrapolated === null) {
    const population = plan.detection.population;
    out.push({
      id: "no-review",
      text: `No review has yet examined any of the ${formatCountOf(population, unit)} of the exposure period (${a.scenario.span.replace("/", " to ")}); until some are examined, anything from 0 to ${formatCount(population)} affected is consistent with what is known.`,
      value: population,
      methods: ["assumption-free"],
      confidence: null,
      sided: null,
      assumption: "none",
    });
    out.push(planSentence());
    const zeroFound = a.ifNoneFound;
    if (zeroFound === null) return out;
    out.push({
      id: "if-none-found",
      text: `If that review finds no affected case among ${plural(zeroFound.sample, "case")} drawn at random, one could state with ${c} confidence that at most ${formatCount(zeroFound.upper)} of the ${formatCount(population)} (${formatPercent(zeroFound.rate.upper)}) were affected (exact hypergeometric, one-sided).`,
      value: zeroFound.upper,
      methods: ["hypergeometric"],
      confidence: a.confidence,
      sided: "upper",
      assumption: "the reviewed cases are a random sample of all the cases",
    });
    return out;
  }

  const w = a.window;
  const random = a.scenario.windows.every((x) => x.selection === "random");
  const drawn = drawnAtRandom(w.reviewed, a.scenario);
  const windowAssumption = `the ${formatCount(w.reviewed)} reviewed cases were a random sample of the ${formatCount(w.population)}${random ? "" : " — they were not shown to be, and the bound does not hold if they were not"}`;
  const windows = a.coverage.windows.length === 1 ? "a window" : `${a.coverage.windows.length} windows`;
  const windowStatement: Statement = {
    id: "window",
    text:
      `A review of ${formatCount(w.reviewed)} of the ${formatCountOf(w.population, unit)} (${formatPercent(w.sampledFraction, 1)}) from ${windows} covering ${formatPercent(a.coverage.timeFraction, 1)} of the exposure period ` +
      `found ${formatCount(w.found)} affected; ${drawn}, then with ${c} confidence at most ${formatCount(w.affected.upper)} of the ${formatCountOf(w.population, unit)} were affected (exact hypergeometric${a.coverage.windows.length > 1 ? ", combined over the windows" : ""}, ${tail}) — up to ${formatCount(w.undetected.upper)} not detected.`,
    value: w.affected.upper,
    methods: [w.method],
    confidence: a.confidence,
    sided: a.sided,
    assumption: windowAssumption,
  };
  out.push(windowStatement);

  const e = a.extrapolated;
  out.push({
    id: "constant-rate",
    text:
      `${capitalise(drawn)} and the rate of affected cases was the same throughout the exposure period, then with ${c} confidence at most ${formatCountOf(e.undetected.upper, "affected cases")} went undetected among the ${a.coverage.outsideStageBasis === "given" ? "" : "estimated "}${formatCountOf(e.unreviewed, `unreviewed ${unit}`)}, ` +
      `up to ${formatCount(e.outside.upper)} of them outside the ${a.coverage.windows.length === 1 ? "window" : "windows"} (binomial prediction limit, Thatcher 1964, ${tail}).`,
    value: e.undetected.upper,
    methods: [e.method],
    confidence: a.confidence,
    sided: a.sided,
    assumption: assumptionWords(e.assumptions, a.coverage.stageUnit),
  });

  const s = a.sensitivity;
  const outsideWord = a.coverage.windows.length === 1 ? "window" : "windows";
  if (s !== null && s.materiality !== null) {
    out.push({
      id: "tipping-point",
      text:
        s.tippingPoint === null
          ? s.tippingPointSearchedTo === null
            ? `${capitalise(drawn)}, no plausible rate outside the ${outsideWord} brings the upper bound to ${plural(s.materiality, "missed case")} (${c}, ${tail}).`
            : `${capitalise(drawn)}, no rate outside the ${outsideWord} up to ${messages.driftSearched(s.tippingPointSearchedTo)} brings the upper bound to ${plural(s.materiality, "missed case")}; larger θ are beyond the counts computed exactly (${c}, ${tail}).`
          : s.tippingPoint === 0
            ? `${capitalise(drawn)}, the upper bound already reaches ${plural(s.materiality, "missed case")} without counting any case outside the ${outsideWord} (${c}, ${tail}).`
            : `${capitalise(drawn)}, the upper bound on undetected cases reaches ${plural(s.materiality, "missed case")} at a rate outside the ${outsideWord} ${roundSignificant(s.tippingPoint, 3)} times the rate inside (${c}, ${tail}).`,
      value: s.tippingPoint,
      methods: [s.method],
      confidence: a.confidence,
      sided: a.sided,
      assumption:
        "the reviewed cases were a random sample; the outside rate is a fixed multiple of the window rate",
    });
  } else if (s !== null) {
    // The first plausible drift above 1 (a doubling, with the default grid) illustrates the sensitivity.
    const row = s.rows.find((r) => r.drift > 1 && !r.implausible) ?? s.rows.find((r) => !r.implausible);
    if (row) {
      out.push({
        id: "drift",
        text: `${capitalise(drawn)} and the rate outside the ${a.coverage.windows.length === 1 ? "window" : "windows"} was ${row.drift} times the rate inside, up to ${formatCountOf(row.undetected.upper, "affected cases")} could have gone undetected (${c}, ${tail}).`,
        value: row.undetected.upper,
        methods: [s.method],
        confidence: a.confidence,
        sided: a.sided,
        assumption: `the outside rate was ${row.drift} times the window rate`,
      });
    }
  }

  const u = a.unrestricted;
  // Without random selection the assumption-free range is the one figure that holds: it leads.
  out.splice(random ? out.length : 0, 0, {
    id: "assumption-free",
    text: `Without an assumption about the unexamined period, the data cannot rule out anything from ${formatCount(u.outside.lower)} to ${formatCount(u.outside.upper)} affected ${u.unit} outside the ${a.coverage.windows.length === 1 ? "window" : "windows"}${random ? "" : `, nor up to ${formatCount(u.window.upper)} undetected inside, since the reviewed cases were not shown to be a random sample`}.`,
    value: u.total.upper,
    methods: [u.method],
    confidence: null,
    sided: null,
    assumption: "none",
  });

  if (a.selectionBias !== null) out.push(selectionBiasStatement(a.selectionBias));

  const cited = a.detectionPower.cited;
  if (cited !== null) {
    const at = cited.total;
    out.push({
      id: "detection",
      text:
        `If ${plural(at, "case")} ${at === 1 ? "was" : "were"} affected, spread evenly over the exposure period, and the ${formatCount(w.reviewed)} reviewed ${random ? "were" : "had been"} drawn at random, then of 100 reviews like this one, ${formatFrequency(cited.uniform)} would have found at least one affected case (a chance of ${formatChance(cited.uniform)}). ` +
        `Had the problem ended before the ${a.coverage.windows.length === 1 ? "window" : "first window"}, ${formatFrequency(cited.endedBeforeWindow)} would have (a chance of ${formatChance(cited.endedBeforeWindow)}), however many were affected.`,
      value: cited.uniform,
      methods: [a.detectionPower.method],
      confidence: null,
      sided: null,
      assumption: "affected cases spread in time as each profile says; reviewed cases drawn at random",
    });
  }
  out.push(planSentence());
  if (a.screen !== null) out.splice(1, 0, screenStatement(a.screen));
  return out.slice(0, 6 + (a.screen === null ? 0 : 1) + (a.selectionBias === null ? 0 : 1));
}

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
    assumption: assumptionWords(screen.assumptions),
  };
}

/** ω as a sentence prints it: up to three significant figures. */
const times = (bias: number) => `${roundSignificant(bias, 3)} times`;

/**
 * The citable sentence on selection bias: how much less likely reviewers must have been to pick an
 * affected case before the window's bound reaches the target (materiality, else twice the random-sample
 * bound), the bound over the whole period at the same point, and the model the sentence rests on.
 */
export function selectionBiasStatement(s: SelectionBias): Statement {
  const c = formatConfidence(s.confidence);
  const tail = sidedWord(s.sided);
  const model =
    s.model === "wallenius"
      ? "Wallenius' model: cases picked one after another, every pick favouring an unaffected case by that factor"
      : "Fisher's model: each case included independently, an affected case's odds of inclusion divided by that factor";
  const goal =
    s.target.source === "materiality"
      ? `the materiality of ${formatCount(s.target.undetected)} missed cases`
      : `${formatCount(s.target.undetected)} undetected (twice its random-sample value of ${formatCount(s.randomSample.undetected)})`;
  const w = s.tippingBias.window;
  const span = s.tippingBias.span;
  const spanPart =
    span === null
      ? `over the whole period the bound stays below ${formatCount(s.target.spanUndetected)} at every bias up to 1,000 times`
      : span === 1
        ? `over the whole period it reaches ${formatCount(s.target.spanUndetected)} even for a random sample`
        : `over the whole period it reaches ${formatCount(s.target.spanUndetected)} only if reviewers were at least ${times(span)} less likely`;
  const windowPart =
    w === null
      ? `Even if reviewers had been 1,000 times less likely to pick an affected case than an unaffected one, the window's upper bound would stay below ${goal}`
      : w === 1
        ? `The window's upper bound reaches ${goal} even if the reviewed cases were a random sample`
        : `The window's upper bound reaches ${goal} only if reviewers were at least ${times(w)} less likely to pick an affected case than an unaffected one`;
  return {
    id: "selection-bias",
    text: `${windowPart}; ${spanPart} (${model}; ${c} confidence, ${tail}).`,
    value: w,
    methods: [s.method],
    confidence: s.confidence,
    sided: s.sided,
    assumption: assumptionWords(s.assumptions),
  };
}
