import type { TopLevelSpec } from "vega-lite";
import { choices, type Group, given, libraryError, type Outcome, Reader } from "../form.js";
import {
  type Briefing,
  boundBriefing,
  compareIntervals,
  countInterval,
  detectionBriefing,
  detectionProbability,
  detectionSampleSize,
  InputError,
  intervalsChart,
  messages,
  PROPORTION_METHODS,
  planBriefing,
  planCurve,
  proportionInterval,
  SAMPLE_SIZE_MODELS,
  type SampleSizeModel,
  sampleSizeChart,
} from "../library.js";
import type { State } from "../permalink.js";

/** A result record (what `--format json` prints) and its briefing (what the table format prints). */
export interface Briefed {
  readonly record: unknown;
  readonly briefing: Briefing;
  /** The chart the command draws for the same inputs (adequacy chart intervals or sample-size). */
  readonly chart?: PageChart;
}

/** A chart the page draws, with its words for readers who cannot see it. */
export interface PageChart {
  readonly id: string;
  readonly caption: string;
  readonly alt: string;
  readonly spec: TopLevelSpec;
}

/** A chart builder's spec as a page chart: its title as the caption, its description as the words. */
function pageChart(id: string, spec: TopLevelSpec): PageChart {
  const title = (spec as { title?: { text?: string | string[] } }).title?.text ?? id;
  return {
    id,
    caption: Array.isArray(title) ? title.join(" ") : title,
    alt: spec.description ?? title.toString(),
    spec,
  };
}

const number = (key: string, label: string, hint?: string, required = false) =>
  ({ key, label, kind: "number", ...given("hint", hint), ...(required ? { required } : {}) }) as const;

/** Runs a library call, placing an InputError beside the field it names. */
function attempt(read: Reader, keys: readonly string[], run: () => Briefed): Outcome<Briefed> {
  if (read.errors.size > 0) return { kind: "errors", errors: read.errors };
  try {
    return { kind: "result", result: run() };
  } catch (error) {
    return {
      kind: "errors",
      errors: libraryError(error, (field) => field.replace(/^prior\./, "prior"), keys),
    };
  }
}

const BOUND_METHODS = ["hypergeometric", ...PROPORTION_METHODS] as const;

export const boundGroups = (): Group[] => [
  {
    legend: "The sample",
    fields: [
      number("population", "Cases the sample was drawn from (N)", "optional; gives exact count bounds"),
      number("sample", "Cases examined (n)", undefined, true),
      number("found", "Affected cases found among them (k)", undefined, true),
    ],
  },
  {
    legend: "The bound",
    fields: [
      number("confidence", "Confidence", "e.g. 0.95 or 95%"),
      {
        key: "sided",
        label: "Bounds",
        kind: "select",
        choices: choices(["upper"], "two"),
      },
      {
        key: "method",
        label: "Method",
        kind: "select",
        hint: "automatic: hypergeometric with N, else clopper-pearson",
        choices: choices(BOUND_METHODS, "automatic"),
      },
      number("priorAlpha", "Beta prior alpha (bayes)", "default 1"),
      number("priorBeta", "Beta prior beta (bayes)", "default 1"),
    ],
  },
];

/** `adequacy bound` in the page: the same calls, defaults and notes. */
export function bound(state: State): Outcome<Briefed> {
  const read = new Reader(state);
  if (read.text("sample") === undefined && read.text("found") === undefined) return { kind: "incomplete" };
  const population = read.number("population");
  const sample = read.number("sample", { required: true });
  const found = read.number("found", { required: true });
  const confidence = read.number("confidence", { percent: true });
  const sidedGiven = read.text("sided") as "upper" | "two" | undefined;
  const method = read.text("method") ?? (population === undefined ? "clopper-pearson" : "hypergeometric");
  const alpha = read.number("priorAlpha");
  const beta = read.number("priorBeta");
  const keys = ["population", "sample", "found", "confidence", "sided", "method", "priorAlpha", "priorBeta"];
  return attempt(read, keys, () => {
    const common = {
      found: found ?? 0,
      sample: sample ?? 0,
      sided: sidedGiven ?? "two",
      ...given("confidence", confidence),
    };
    const brief = (b: Briefing): Briefing =>
      sidedGiven === undefined ? { ...b, notes: [...b.notes, messages.sidedDefault("bound")] } : b;
    if (method === "hypergeometric") {
      if (population === undefined) throw new InputError("population", messages.required());
      const record = countInterval({ ...common, population });
      return {
        record,
        briefing: brief(boundBriefing(record)),
        ...given("chart", intervals({ ...common, population })),
      };
    }
    if (population !== undefined)
      throw new InputError("population", messages.onlyWith("the hypergeometric method"));
    if ((alpha !== undefined || beta !== undefined) && method !== "bayes") {
      throw new InputError(
        alpha !== undefined ? "priorAlpha" : "priorBeta",
        messages.onlyWith("the bayes method"),
      );
    }
    const prior =
      alpha !== undefined || beta !== undefined ? { alpha: alpha ?? 1, beta: beta ?? 1 } : undefined;
    const record = proportionInterval({
      ...common,
      method: method as (typeof PROPORTION_METHODS)[number],
      ...given("prior", prior),
    });
    return { record, briefing: brief(boundBriefing(record)), ...given("chart", intervals(common)) };
  });
}

/** Every method on the same data, as adequacy chart intervals draws it. */
function intervals(options: Parameters<typeof compareIntervals>[0]): PageChart | undefined {
  try {
    return pageChart("intervals", intervalsChart(compareIntervals(options)));
  } catch (error) {
    // A method the comparison cannot draw for these figures leaves the chart out, not the bound.
    if (error instanceof InputError) return undefined;
    throw error;
  }
}

export const planGroups = (): Group[] => [
  {
    legend: "What the review must show",
    fields: [
      number("tolerable", "Tolerable rate to rule out", "in (0, 1), e.g. 0.05 or 5%", true),
      number("confidence", "Confidence", "e.g. 0.95 or 95%"),
      number("population", "Cases to sample from (N)", "optional; required by the hypergeometric model"),
      {
        key: "model",
        label: "Sampling model",
        kind: "select",
        hint: "automatic: hypergeometric with N, else binomial",
        choices: choices(SAMPLE_SIZE_MODELS, "automatic"),
      },
      number("allowed", "Affected cases the plan tolerates in the sample", "default 0"),
      number("expectedRate", "Expected rate of affected cases", "optional; the plan allows ⌈n × rate⌉"),
    ],
  },
];

/** `adequacy plan` in the page. */
export function plan(state: State): Outcome<Briefed> {
  const read = new Reader(state);
  if (read.text("tolerable") === undefined) return { kind: "incomplete" };
  const tolerable = read.number("tolerable", { percent: true, required: true });
  const population = read.number("population");
  const confidence = read.number("confidence", { percent: true });
  const allowed = read.number("allowed");
  const expectedRate = read.number("expectedRate", { percent: true });
  const model = (read.text("model") ??
    (population === undefined ? "binomial" : "hypergeometric")) as SampleSizeModel;
  const keys = ["tolerable", "population", "confidence", "allowed", "expectedRate", "model"];
  return attempt(read, keys, () => {
    // planCurve is sampleSize with the upper bound at other sample sizes, as adequacy chart sample-size draws it.
    const curve = planCurve({
      model,
      tolerable: tolerable ?? 0,
      ...given("population", population),
      ...given("confidence", confidence),
      ...given("allowed", allowed),
      ...given("expectedRate", expectedRate),
    });
    return {
      record: curve.plan,
      briefing: planBriefing(curve.plan),
      chart: pageChart("sample-size", sampleSizeChart(curve)),
    };
  });
}

export const detectGroups = (): Group[] => [
  {
    legend: "What the review samples from",
    fields: [
      number(
        "population",
        "Cases the review samples from (N)",
        "optional; without it the population is unlimited",
      ),
      number("affected", "Affected cases among them (D)"),
      number("prevalence", "Or the rate of affected cases", "instead of affected cases, e.g. 0.01 or 1%"),
      number("sensitivity", "Chance a reviewer recognises an affected case", "(0, 1], default 1"),
    ],
  },
  {
    legend: "The question",
    hint: "Give the cases reviewed for the chance of finding at least one affected case; leave it blank for the sample size that would.",
    fields: [
      number("sample", "Cases reviewed (n)", "optional"),
      number("confidence", "Probability of finding one, for the sample size", "without n; default 0.95"),
    ],
  },
];

/** `adequacy detect` in the page. */
export function detect(state: State): Outcome<Briefed> {
  const read = new Reader(state);
  if (read.text("affected") === undefined && read.text("prevalence") === undefined)
    return { kind: "incomplete" };
  const population = read.number("population");
  const affected = read.number("affected");
  const prevalence = read.number("prevalence", { percent: true });
  const sample = read.number("sample");
  const sensitivity = read.number("sensitivity", { percent: true });
  const confidence = read.number("confidence", { percent: true });
  const keys = ["population", "affected", "prevalence", "sample", "sensitivity", "confidence"];
  return attempt(read, keys, () => {
    const target = {
      ...given("population", population),
      ...given("affected", affected),
      ...given("prevalence", prevalence),
      ...given("sensitivity", sensitivity),
    };
    if (sample !== undefined) {
      if (confidence !== undefined)
        throw new InputError("confidence", messages.onlyWith("no cases reviewed (n)"));
      const record = detectionProbability({ ...target, sample });
      return { record, briefing: detectionBriefing(record) };
    }
    const record = detectionSampleSize({ ...target, ...given("confidence", confidence) });
    return { record, briefing: detectionBriefing(record) };
  });
}
