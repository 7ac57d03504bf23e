// zod/mini: the same validator as zod, in a tree-shakable form a twelfth of the size, which keeps the
// CLI's start-up light.
import * as z from "zod/mini";
import { BIAS_MODELS, type BiasModel } from "../intervals/noncentralCount.js";
import type { Sided } from "../intervals/types.js";
import {
  MAX_COUNT,
  requireBias,
  requireConfidence,
  requireCount,
  requireDrift,
  requireHalfOpenUnit,
  requireOneOf,
  requireOpenUnit,
} from "../validation/checks.js";
import { InputError } from "../validation/InputError.js";
import { messages } from "../validation/messages.js";
import {
  type DayInterval,
  daysIn,
  formatInterval,
  overlapDays,
  parseInterval,
  STRATA,
  type Stratum,
} from "./calendar.js";

export const SELECTIONS = ["random", "judgmental", "unknown"] as const;
export type Selection = (typeof SELECTIONS)[number];
export const DEFAULT_DRIFT = [0.5, 1, 2, 5, 10] as const;
export const DEFAULT_SELECTION_BIAS = [1, 1.5, 2, 3, 5, 10] as const;

function described<T extends z.ZodMiniType>(schema: T, description: string): T {
  return schema.check(z.describe(description)) as T;
}

/** A whole count from `min` up to 2^53 − 1: `integer`, `minimum` and `maximum` in the JSON Schema. */
function count(min: number) {
  return z
    .int({ error: (issue) => rangeText(min, MAX_COUNT, issue.input) })
    .check(
      z.gte(min, { error: (issue) => rangeText(min, MAX_COUNT, issue.input) }),
      z.lte(MAX_COUNT, { error: (issue) => rangeText(min, MAX_COUNT, issue.input) }),
    );
}

function rangeText(min: number, max: number, value: unknown): string {
  return typeof value === "number"
    ? messages.wholeInRange(min, max, value)
    : messages.wrongType("a number", value);
}

/** A number in a range, each end open or closed: the JSON Schema's (exclusive) minimum and maximum. */
function rate(range: { above?: number; atLeast?: number; below?: number; atMost?: number }) {
  const text = (value: unknown) =>
    typeof value !== "number"
      ? messages.wrongType("a number", value)
      : messages.numberInRange(
          range.above ?? (range.atLeast as number),
          range.above !== undefined,
          range.below ?? (range.atMost as number),
          range.below !== undefined,
          value,
        );
  const error = (issue: { input?: unknown }) => text(issue.input);
  return z
    .number({ error })
    .check(
      range.above !== undefined ? z.gt(range.above, { error }) : z.gte(range.atLeast as number, { error }),
      range.below !== undefined ? z.lt(range.below, { error }) : z.lte(range.atMost as number, { error }),
    );
}

/** An interval `start/end` of `YYYY-MM-DD` or `YYYY-MM` dates, or one month: a `pattern` in the JSON Schema. */
function interval() {
  return z
    .string()
    .check(z.regex(INTERVAL, { error: (issue) => messages.intervalShape(String(issue.input)) }));
}

const INTERVAL = /^\s*\d{4}-\d{2}(?:-\d{2})?\s*(?:\/\s*\d{4}-\d{2}(?:-\d{2})?\s*)?$/;

const windowSchema = z
  .strictObject({
    period: described(interval(), "Examined window, 'start/end' (YYYY-MM-DD or YYYY-MM), both ends included"),
    label: z.optional(described(z.string(), "Name shown in outputs; default 'window 1', 'window 2', …")),
    cases: z.optional(described(count(1), "All cases in the window; else pro-rated from the volume profile")),
    flagged: z.optional(described(count(1), "Cases flagged by a screening stage; the review sampled these")),
    reviewed: described(count(1), "Cases examined in the review"),
    found: described(count(0), "Examined cases found affected"),
    unflagged: z.optional(
      described(count(1), "Cases the screen did not flag in the window; default cases − flagged"),
    ),
    unflaggedReviewed: z.optional(
      described(count(1), "Unflagged window cases reviewed at random (an elusion sample)"),
    ),
    unflaggedFound: z.optional(described(count(0), "Reviewed unflagged window cases found affected")),
    selection: z.optional(
      described(
        z.enum(SELECTIONS),
        "How the reviewed cases were chosen; default random. Non-random selection widens the assumption-free range",
      ),
    ),
  })
  .check(z.describe("An examined window"));

const volumeSchema = z.strictObject({
  period: described(interval(), "A period 'start/end' or a month 'YYYY-MM'"),
  cases: described(count(0), "Cases in that period"),
  flagged: z.optional(
    described(
      count(0),
      "Flagged cases in that period (as counted from a case file); else estimated from the windows' flag rate",
    ),
  ),
});

/**
 * Where a figure comes from: public (published reporting), given (supplied by the user), default (not
 * given; the documented default is used), assumed (an assumption stated so a reader can change it), or
 * derived (computed from other inputs, such as counts from a case file).
 */
export const PROVENANCE = ["public", "given", "default", "assumed", "derived"] as const;
export type Provenance = (typeof PROVENANCE)[number];

const sourceSchema = z.strictObject({
  field: described(z.string(), "The figure, e.g. 'windows[0].flagged'"),
  status: described(z.enum(PROVENANCE), "public, given, default, assumed or derived"),
  note: z.string(),
  url: z.optional(described(z.url(), "Where the figure was published, cited in reports")),
});

/** A figure's provenance, as a scenario's `sources` records it. */
export interface Source {
  readonly field: string;
  readonly status: Provenance;
  readonly note: string;
  /** Where the figure was published. */
  readonly url?: string;
}

/** The scenario as written in a file or built from flags. */
export const scenarioSchema = z
  .strictObject({
    name: described(z.string(), "Short name, shown in every output"),
    description: z.optional(z.string()),
    author: z.optional(described(z.string(), "Who made the analysis, cited in reports")),
    organisation: z.optional(described(z.string(), "On whose behalf, cited in reports")),
    url: z.optional(described(z.url(), "Where the analysis is published, cited in reports")),
    span: described(interval(), "Exposure period: when the defect could affect cases, 'start/end'"),
    cases: z.optional(described(count(1), "Total cases over the span")),
    volume: z.optional(
      described(z.array(volumeSchema), "Cases per period, covering the span; uniform when absent"),
    ),
    windows: described(z.array(windowSchema), "Examined windows (may be empty: a review still to plan)"),
    drift: z.optional(
      described(
        z.array(rate({ above: 0, atMost: 1000 })),
        "Rate outside the windows relative to inside; default [0.5, 1, 2, 5, 10]",
      ),
    ),
    selectionBias: z.optional(
      described(
        z.array(rate({ atLeast: 0.001, atMost: 1000 })),
        "Selection biases ω to assess: an affected case 1/ω times as likely to be picked (assessed only when given, or with biasModel: then [1, 1.5, 2, 3, 5, 10])",
      ),
    ),
    biasModel: z.optional(
      described(
        z.enum(["wallenius", "fisher"]),
        "How a biased review picked cases: wallenius (one after another; default) or fisher (each independently)",
      ),
    ),
    screeningSensitivity: z.optional(
      described(
        rate({ above: 0, atMost: 1 }),
        "Share of affected cases the screen flagged, (0, 1]; default 1",
      ),
    ),
    reviewSensitivity: z.optional(
      described(
        rate({ above: 0, atMost: 1 }),
        "Chance a reviewer recognises an affected case, (0, 1]; default 1",
      ),
    ),
    unflagged: z.optional(
      described(
        count(1),
        "Cases over the span the screen did not flag (with an elusion sample across the span)",
      ),
    ),
    unflaggedReviewed: z.optional(
      described(count(1), "Unflagged cases over the span reviewed at random (an elusion sample)"),
    ),
    unflaggedFound: z.optional(described(count(0), "Reviewed unflagged cases found affected")),
    confidence: z.optional(
      described(
        z.union([
          rate({ atLeast: 0.5, below: 1 }),
          z.string().check(z.regex(/^\s*(?:\d+(?:\.\d*)?|\.\d+)\s*%?\s*$/)),
        ]),
        "From 0.5 up to (not including) 1, as a number (0.95) or a percentage ('95%'); default 0.95",
      ),
    ),
    sided: z.optional(described(z.enum(["upper", "two"]), "Default upper (one-sided upper bounds)")),
    materiality: z.optional(described(count(1), "A count of missed cases that would matter")),
    tolerable: z.optional(
      described(
        rate({ above: 0, below: 1 }),
        "Tolerable rate for the adequate plan; default the windows' one-sided upper bound",
      ),
    ),
    stratify: z.optional(described(z.enum(STRATA), "Strata of the adequate plan; default year")),
    sources: z.optional(
      described(
        z.array(sourceSchema),
        "Where figures come from (public, given, default, assumed, derived); defaults taken are added",
      ),
    ),
    columns: z.optional(
      described(
        z.strictObject({
          id: z.optional(z.string()),
          date: z.optional(z.string()),
          flagged: z.optional(z.string()),
          reviewed: z.optional(z.string()),
          impact: z.optional(z.string()),
        }),
        "Column names in a case file given with --cases (defaults: id, date, flagged, reviewed, impact)",
      ),
    ),
  })
  .check(z.describe("An investigation scenario for sampling-adequacy's assess command"));

export type ScenarioInput = z.input<typeof scenarioSchema>;

export interface ScenarioWindow {
  readonly label: string;
  readonly period: DayInterval;
  readonly cases?: number;
  readonly flagged?: number;
  readonly reviewed: number;
  readonly found: number;
  /** The window's elusion sample, when one was reviewed. */
  readonly unflagged?: ElusionSample;
  readonly selection: Selection;
}

/** A random sample of the cases a screen did not flag: how many there were, reviewed and found affected. */
export interface ElusionSample {
  readonly cases: number;
  readonly reviewed: number;
  readonly found: number;
}

/** One period of the volume profile. */
export interface VolumeEntry {
  readonly period: DayInterval;
  readonly cases: number;
  readonly flagged?: number;
}

/** A validated scenario with defaults applied and dates parsed. */
export interface Scenario {
  readonly name: string;
  readonly description: string;
  readonly author?: string;
  readonly organisation?: string;
  readonly url?: string;
  readonly span: DayInterval;
  readonly cases?: number;
  /** Cases per period; `flagged` when the profile counts the flagged cases too (every entry, or none). */
  readonly volume?: readonly VolumeEntry[];
  readonly windows: readonly ScenarioWindow[];
  readonly drift: readonly number[];
  /** The selection biases to assess; null when neither they nor a bias model were given. */
  readonly selectionBias: readonly number[] | null;
  readonly biasModel: BiasModel;
  readonly screeningSensitivity: number;
  readonly reviewSensitivity: number;
  /** An elusion sample across the span. */
  readonly unflagged?: ElusionSample;
  readonly confidence: number;
  readonly sided: Sided;
  readonly materiality?: number;
  readonly tolerable?: number;
  readonly stratify: Stratum;
  /** Provenance of figures: as given in the scenario, plus a `default` entry for each default taken. */
  readonly sources: readonly Source[];
}

/**
 * The JSON Schema of a scenario file, generated from the same validator.
 *
 * @example
 * scenarioJsonSchema().type; // "object"
 */
export function scenarioJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(scenarioSchema, { target: "draft-2020-12" }) as Record<string, unknown>;
}

function pathOf(path: readonly PropertyKey[]): string {
  return path.reduce<string>(
    (text, key) =>
      typeof key === "number" ? `${text}[${key}]` : text ? `${text}.${String(key)}` : String(key),
    "",
  );
}

function structural(input: unknown): z.output<typeof scenarioSchema> {
  const parsed = scenarioSchema.safeParse(input);
  if (parsed.success) return parsed.data;
  // Ranges are in the schema (and so in its JSON Schema), but a value out of its range is left to
  // normalizeScenario, whose checks also know the bounds one field sets another (found ≤ reviewed) and
  // name them. Only the shape (unknown keys, wrong types, missing fields) is refused here.
  const shape = parsed.error.issues.filter((issue) => !isRangeIssue(issue, input));
  if (shape.length === 0) return input as z.output<typeof scenarioSchema>;
  const issue = shape[0] as z.core.$ZodIssue;
  const field = pathOf(issue.path) || "scenario";
  switch (issue.code) {
    case "unrecognized_keys":
      throw new InputError(
        field,
        `has unknown key${issue.keys.length > 1 ? "s" : ""} ${issue.keys.map((k) => `"${k}"`).join(", ")}`,
      );
    case "invalid_value":
      throw new InputError(field, messages.oneOf(issue.values.map(String), pathValue(input, issue.path)));
    case "invalid_type": {
      const value = pathValue(input, issue.path);
      if (value === undefined) throw new InputError(field, messages.required());
      throw new InputError(field, messages.wrongType(article(issue.expected), value));
    }
    default:
      throw new InputError(field, issue.message);
  }
}

/** Whether an issue is a value outside its range (or pattern), not a wrong shape. */
function isRangeIssue(issue: z.core.$ZodIssue, input: unknown): boolean {
  const value = pathValue(input, issue.path);
  switch (issue.code) {
    case "too_small":
    case "too_big":
    case "invalid_format":
      return true;
    case "invalid_type":
      return issue.expected === "int" && typeof value === "number";
    case "invalid_union":
      return typeof value === "number" || typeof value === "string";
    default:
      return false;
  }
}

function article(expected: string): string {
  return expected === "array" || expected === "object" ? `an ${expected}` : `a ${expected}`;
}

function pathValue(input: unknown, path: readonly PropertyKey[]): unknown {
  let value: unknown = input;
  for (const key of path) {
    if (value === null || typeof value !== "object") return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

/**
 * Validates a scenario (from a file, flags or a built-in example) and applies the documented defaults.
 * Every error names the field path (`windows[0].found`) and the allowed range.
 *
 * @throws {InputError} for unknown keys, wrong types, impossible dates, windows outside the span or
 *   overlapping each other, counts out of order, and probabilities out of range
 *
 * @example
 * normalizeScenario(examples["hmcts-sscs"]).windows[0]?.reviewed; // 109
 */
export function normalizeScenario(input: unknown): Scenario {
  const raw = structural(input);
  const span = parseInterval("span", raw.span);
  const cases = raw.cases === undefined ? undefined : requireCount("cases", raw.cases, 1);
  const volume = raw.volume?.map((entry, i): VolumeEntry => {
    const period = parseInterval(`volume[${i}].period`, entry.period);
    const volumeCases = requireCount(`volume[${i}].cases`, entry.cases, 0);
    return {
      period,
      cases: volumeCases,
      ...(entry.flagged === undefined
        ? {}
        : {
            flagged: requireCount(
              `volume[${i}].flagged`,
              entry.flagged,
              0,
              volumeCases,
              `volume[${i}].cases (${volumeCases})`,
            ),
          }),
    };
  });
  if (volume) checkVolume(volume, span, cases);
  const windows = raw.windows.map((w, i) => normalizeWindow(w, i, span));
  if (volume) checkVolumeFlagged(volume, windows);
  windows.forEach((w, i) => {
    for (let j = 0; j < i; j++) {
      const other = windows[j] as ScenarioWindow;
      if (overlapDays(w.period, other.period) > 0) {
        throw new InputError(
          `windows[${i}].period`,
          `overlaps windows[${j}] (${formatInterval(other.period)})`,
        );
      }
    }
  });
  const flaggedCount = windows.filter((w) => w.flagged !== undefined).length;
  if (flaggedCount > 0 && flaggedCount < windows.length) {
    const missing = windows.findIndex((w) => w.flagged === undefined);
    throw new InputError(`windows[${missing}].flagged`, "is required when another window gives flagged");
  }
  const knowsCases = cases !== undefined || volume !== undefined;
  windows.forEach((w, i) => {
    if (w.flagged === undefined && w.cases === undefined && !knowsCases) {
      throw new InputError(
        `windows[${i}]`,
        "needs flagged or cases (or give the span's cases or a volume profile)",
      );
    }
  });
  const screeningSensitivity = requireHalfOpenUnit("screeningSensitivity", raw.screeningSensitivity ?? 1);
  if (screeningSensitivity < 1) {
    if (flaggedCount === 0)
      throw new InputError("screeningSensitivity", "applies only when the windows give flagged");
    const unknownCases = windows.findIndex((w) => w.cases === undefined && !knowsCases);
    if (unknownCases >= 0) {
      throw new InputError(
        "screeningSensitivity",
        `below 1 needs the cases in every window (windows[${unknownCases}].cases, the span's cases or a volume profile), to count the cases the screen did not flag`,
      );
    }
  }
  const spanElusion = elusionSample("", raw, undefined);
  const windowElusion = windows.findIndex((w) => w.unflagged !== undefined);
  if (spanElusion !== undefined || windowElusion >= 0) {
    const field =
      spanElusion !== undefined ? "unflaggedReviewed" : `windows[${windowElusion}].unflaggedReviewed`;
    if (flaggedCount === 0)
      throw new InputError(field, "applies only when the windows give flagged (a screen)");
    if (spanElusion !== undefined && windowElusion >= 0) {
      throw new InputError(
        field,
        `cannot be given together with windows[${windowElusion}].unflaggedReviewed; give the elusion sample per window or across the span`,
      );
    }
    if (raw.screeningSensitivity !== undefined && raw.screeningSensitivity !== 1) {
      throw new InputError(
        "screeningSensitivity",
        `cannot be given together with ${field}: the elusion sample measures the screen's recall`,
      );
    }
  }
  const drift = [...new Set((raw.drift ?? DEFAULT_DRIFT).map((d, i) => requireDrift(`drift[${i}]`, d)))].sort(
    (a, b) => a - b,
  );
  if (drift.length === 0) throw new InputError("drift", "must list at least one value");
  const selectionBias =
    raw.selectionBias === undefined && raw.biasModel === undefined
      ? null
      : [
          ...new Set(
            (raw.selectionBias ?? DEFAULT_SELECTION_BIAS).map((b, i) =>
              requireBias(`selectionBias[${i}]`, b),
            ),
          ),
        ].sort((a, b) => a - b);
  if (selectionBias?.length === 0) throw new InputError("selectionBias", "must list at least one value");
  return {
    name: raw.name,
    description: raw.description ?? "",
    ...(raw.author === undefined ? {} : { author: raw.author }),
    ...(raw.organisation === undefined ? {} : { organisation: raw.organisation }),
    ...(raw.url === undefined ? {} : { url: raw.url }),
    span,
    ...(cases === undefined ? {} : { cases }),
    ...(volume === undefined ? {} : { volume }),
    windows,
    drift,
    selectionBias,
    biasModel: requireOneOf("biasModel", raw.biasModel ?? "wallenius", BIAS_MODELS),
    screeningSensitivity,
    reviewSensitivity: requireHalfOpenUnit("reviewSensitivity", raw.reviewSensitivity ?? 1),
    ...(spanElusion === undefined ? {} : { unflagged: spanElusion }),
    confidence: requireConfidence("confidence", percentOrNumber("confidence", raw.confidence ?? 0.95)),
    sided: requireOneOf("sided", raw.sided ?? "upper", ["upper", "two"] as const),
    ...(raw.materiality === undefined
      ? {}
      : { materiality: requireCount("materiality", raw.materiality, 1) }),
    ...(raw.tolerable === undefined ? {} : { tolerable: requireOpenUnit("tolerable", raw.tolerable) }),
    stratify: raw.stratify ?? "year",
    sources: withDefaults(raw),
  };
}

/**
 * The scenario's sources, plus a `default` entry for each documented default taken (a field neither
 * written nor already described), so that outputs can say which figures the user did not give.
 */
function withDefaults(raw: z.output<typeof scenarioSchema>): Source[] {
  const sources: Source[] = (raw.sources ?? []).map(({ url, ...source }) =>
    url === undefined ? source : { ...source, url },
  );
  const known = new Set(sources.map((x) => x.field));
  const add = (field: string, absent: boolean, note: string) => {
    if (absent && !known.has(field)) sources.push({ field, status: "default", note });
  };
  raw.windows.forEach((w, i) => {
    add(
      `windows[${i}].selection`,
      w.selection === undefined,
      "not given; taken as random, on which every model-based bound rests",
    );
  });
  add("confidence", raw.confidence === undefined, "not given; the default 95%");
  add("sided", raw.sided === undefined, "not given; one-sided upper bounds, assess's default");
  add("drift", raw.drift === undefined, "not given; the default grid");
  add(
    "screeningSensitivity",
    raw.screeningSensitivity === undefined,
    "not given; every affected case assumed flagged",
  );
  add(
    "reviewSensitivity",
    raw.reviewSensitivity === undefined,
    "not given; every affected case examined assumed recognised",
  );
  add("stratify", raw.stratify === undefined, "not given; the plan is stratified by year");
  add(
    "tolerable",
    raw.tolerable === undefined && raw.materiality === undefined,
    "not given, nor a materiality; the plan's target is the default of 5%, an assumption",
  );
  return sources;
}

/** A number, or text such as "95%" or "0.95" as a scenario file may write a confidence. */
function percentOrNumber(field: string, value: number | string): number {
  if (typeof value === "number") return value;
  const match = /^\s*([+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?)\s*(%?)\s*$/.exec(value);
  if (!match) throw new InputError(field, messages.notANumber(value));
  const number = Number(match[1]);
  return match[2] === "%" ? number / 100 : number;
}

function normalizeWindow(w: z.output<typeof windowSchema>, i: number, span: DayInterval): ScenarioWindow {
  const at = `windows[${i}]`;
  const period = parseInterval(`${at}.period`, w.period);
  if (period.start < span.start || period.end > span.end) {
    throw new InputError(
      `${at}.period`,
      `(${formatInterval(period)}) must lie within the span (${formatInterval(span)})`,
    );
  }
  const cases = w.cases === undefined ? undefined : requireCount(`${at}.cases`, w.cases, 1);
  const flagged =
    w.flagged === undefined
      ? undefined
      : requireCount(
          `${at}.flagged`,
          w.flagged,
          1,
          cases ?? Number.MAX_SAFE_INTEGER,
          cases === undefined ? undefined : `${at}.cases (${cases})`,
        );
  const stage = flagged ?? cases;
  const reviewed = requireCount(
    `${at}.reviewed`,
    w.reviewed,
    1,
    stage ?? Number.MAX_SAFE_INTEGER,
    stage === undefined ? undefined : `${flagged !== undefined ? `${at}.flagged` : `${at}.cases`} (${stage})`,
  );
  const found = requireCount(`${at}.found`, w.found, 0, reviewed, `${at}.reviewed (${reviewed})`);
  const derived = cases !== undefined && flagged !== undefined ? cases - flagged : undefined;
  const unflagged = elusionSample(`${at}.`, w, derived);
  if (
    unflagged !== undefined &&
    derived !== undefined &&
    w.unflagged !== undefined &&
    w.unflagged !== derived
  ) {
    throw new InputError(
      `${at}.unflagged`,
      `(${w.unflagged}) must equal ${at}.cases − ${at}.flagged (${derived})`,
    );
  }
  return {
    label: w.label ?? `window ${i + 1}`,
    period,
    ...(cases === undefined
      ? unflagged === undefined || flagged === undefined
        ? {}
        : { cases: flagged + unflagged.cases }
      : { cases }),
    ...(flagged === undefined ? {} : { flagged }),
    reviewed,
    found,
    ...(unflagged === undefined ? {} : { unflagged }),
    selection: w.selection ?? "random",
  };
}

/** The elusion sample fields of a window (`at` = "windows[0].") or of the span (`at` = ""). */
function elusionSample(
  at: string,
  raw: {
    unflagged?: number | undefined;
    unflaggedReviewed?: number | undefined;
    unflaggedFound?: number | undefined;
  },
  derived: number | undefined,
): ElusionSample | undefined {
  if (raw.unflaggedReviewed === undefined && raw.unflaggedFound === undefined) {
    if (at === "" && raw.unflagged !== undefined) {
      throw new InputError("unflaggedReviewed", `${messages.required()} with unflagged`);
    }
    return undefined;
  }
  if (raw.unflaggedReviewed === undefined)
    throw new InputError(`${at}unflaggedReviewed`, `${messages.required()} with ${at}unflaggedFound`);
  if (raw.unflaggedFound === undefined)
    throw new InputError(`${at}unflaggedFound`, `${messages.required()} with ${at}unflaggedReviewed`);
  const given = raw.unflagged ?? derived;
  if (given === undefined) {
    throw new InputError(
      `${at}unflagged`,
      `${messages.required()} with ${at}unflaggedReviewed${at === "" ? "" : ` (or give ${at}cases and ${at}flagged)`}`,
    );
  }
  const cases = requireCount(`${at}unflagged`, given, 1);
  // The details name the other field, so that the command line can name it as a flag too.
  const mentioning = <T>(other: string, check: () => T): T => {
    try {
      return check();
    } catch (error) {
      if (error instanceof InputError) throw new InputError(error.field, error.detail, [other]);
      throw error;
    }
  };
  const reviewed = mentioning(`${at}unflagged`, () =>
    requireCount(`${at}unflaggedReviewed`, raw.unflaggedReviewed, 1, cases, `${at}unflagged (${cases})`),
  );
  const found = mentioning(`${at}unflaggedReviewed`, () =>
    requireCount(
      `${at}unflaggedFound`,
      raw.unflaggedFound,
      0,
      reviewed,
      `${at}unflaggedReviewed (${reviewed})`,
    ),
  );
  return { cases, reviewed, found };
}

/**
 * A profile that counts the flagged cases counts them everywhere: every entry gives flagged, every window
 * gives flagged, starts and ends on the profile's period boundaries, and agrees with the profile's count.
 */
function checkVolumeFlagged(volume: readonly VolumeEntry[], windows: readonly ScenarioWindow[]): void {
  const given = volume.filter((v) => v.flagged !== undefined).length;
  if (given === 0) return;
  if (given < volume.length) {
    const missing = volume.findIndex((v) => v.flagged === undefined);
    throw new InputError(`volume[${missing}].flagged`, messages.volumeFlaggedPartial());
  }
  windows.forEach((w, i) => {
    if (w.flagged === undefined)
      throw new InputError(`windows[${i}].flagged`, messages.volumeFlaggedWindow());
    const inside = volume.filter((v) => v.period.start >= w.period.start && v.period.end <= w.period.end);
    const covered = inside.reduce((sum, v) => sum + daysIn(v.period), 0);
    if (covered !== daysIn(w.period)) {
      throw new InputError(
        `windows[${i}].period`,
        messages.volumeFlaggedBoundaries(formatInterval(w.period)),
      );
    }
    const counted = inside.reduce((sum, v) => sum + (v.flagged as number), 0);
    if (counted !== w.flagged) {
      throw new InputError(`windows[${i}].flagged`, messages.volumeFlaggedDisagrees(w.flagged, counted));
    }
  });
}

function checkVolume(
  volume: readonly { period: DayInterval; cases: number }[],
  span: DayInterval,
  cases: number | undefined,
): void {
  const sorted = volume.map((v, i) => ({ ...v, i })).sort((a, b) => a.period.start - b.period.start);
  let next = span.start;
  for (const entry of sorted) {
    const field = `volume[${entry.i}].period`;
    if (entry.period.start < span.start || entry.period.end > span.end) {
      throw new InputError(
        field,
        `(${formatInterval(entry.period)}) must lie within the span (${formatInterval(span)})`,
      );
    }
    if (entry.period.start < next)
      throw new InputError(field, `overlaps an earlier period of the volume profile`);
    if (entry.period.start > next) {
      throw new InputError(
        "volume",
        `must cover the span; nothing is given for ${formatInterval({ start: next, end: entry.period.start - 1 })}`,
      );
    }
    next = entry.period.end + 1;
  }
  if (next <= span.end) {
    throw new InputError(
      "volume",
      `must cover the span; nothing is given for ${formatInterval({ start: next, end: span.end })}`,
    );
  }
  const total = volume.reduce((sum, v) => sum + v.cases, 0);
  if (cases !== undefined && total !== cases) {
    throw new InputError(
      "cases",
      `(${cases}) differs from the volume profile's total (${total}); give one or make them agree`,
    );
  }
  if (total === 0) throw new InputError("volume", "has no cases");
}

/** A scenario in input form with every default written out: what assessments echo and reports print. */
export interface ScenarioRecord {
  readonly name: string;
  readonly description?: string;
  readonly author?: string;
  readonly organisation?: string;
  readonly url?: string;
  readonly span: string;
  readonly cases?: number;
  readonly volume?: readonly {
    readonly period: string;
    readonly cases: number;
    readonly flagged?: number;
  }[];
  readonly windows: readonly {
    readonly label: string;
    readonly period: string;
    readonly cases?: number;
    readonly flagged?: number;
    readonly reviewed: number;
    readonly found: number;
    readonly unflagged?: number;
    readonly unflaggedReviewed?: number;
    readonly unflaggedFound?: number;
    readonly selection: Selection;
  }[];
  readonly drift: readonly number[];
  readonly selectionBias?: readonly number[];
  readonly biasModel?: BiasModel;
  readonly screeningSensitivity: number;
  readonly reviewSensitivity: number;
  readonly unflagged?: number;
  readonly unflaggedReviewed?: number;
  readonly unflaggedFound?: number;
  readonly confidence: number;
  readonly sided: Sided;
  readonly materiality?: number;
  readonly tolerable?: number;
  readonly stratify: Stratum;
  readonly sources?: readonly Source[];
}

/**
 * The scenario as input again, every default written out (dates as `YYYY-MM-DD/YYYY-MM-DD`): what a
 * report prints for reproducibility, and what `normalizeScenario` turns back into the same scenario.
 *
 * @example
 * scenarioToInput(normalizeScenario(examples["hmcts-sscs"])).name; // "hmcts-sscs"
 */
export function scenarioToInput(scenario: Scenario): ScenarioRecord {
  return {
    name: scenario.name,
    ...(scenario.description ? { description: scenario.description } : {}),
    ...(scenario.author === undefined ? {} : { author: scenario.author }),
    ...(scenario.organisation === undefined ? {} : { organisation: scenario.organisation }),
    ...(scenario.url === undefined ? {} : { url: scenario.url }),
    span: formatInterval(scenario.span),
    ...(scenario.cases === undefined ? {} : { cases: scenario.cases }),
    ...(scenario.volume === undefined
      ? {}
      : {
          volume: scenario.volume.map((v) => ({
            period: formatInterval(v.period),
            cases: v.cases,
            ...(v.flagged === undefined ? {} : { flagged: v.flagged }),
          })),
        }),
    windows: scenario.windows.map((w) => ({
      label: w.label,
      period: formatInterval(w.period),
      ...(w.cases === undefined ? {} : { cases: w.cases }),
      ...(w.flagged === undefined ? {} : { flagged: w.flagged }),
      reviewed: w.reviewed,
      found: w.found,
      ...elusionRecord(w.unflagged),
      selection: w.selection,
    })),
    drift: [...scenario.drift],
    ...(scenario.selectionBias === null
      ? {}
      : { selectionBias: [...scenario.selectionBias], biasModel: scenario.biasModel }),
    screeningSensitivity: scenario.screeningSensitivity,
    reviewSensitivity: scenario.reviewSensitivity,
    ...elusionRecord(scenario.unflagged),
    confidence: scenario.confidence,
    sided: scenario.sided,
    ...(scenario.materiality === undefined ? {} : { materiality: scenario.materiality }),
    ...(scenario.tolerable === undefined ? {} : { tolerable: scenario.tolerable }),
    stratify: scenario.stratify,
    ...(scenario.sources.length === 0 ? {} : { sources: scenario.sources.map((s) => ({ ...s })) }),
  };
}

function elusionRecord(sample: ElusionSample | undefined) {
  return sample === undefined
    ? {}
    : { unflagged: sample.cases, unflaggedReviewed: sample.reviewed, unflaggedFound: sample.found };
}
