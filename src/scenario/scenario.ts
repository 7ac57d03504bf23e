// zod/mini: the same validator as zod, in a tree-shakable form a twelfth of the size, which keeps the
// CLI's start-up light.
import * as z from "zod/mini";
import type { BiasModel } from "../intervals/noncentralCount.js";
import type { Sided } from "../intervals/types.js";
import { MAX_COUNT } from "../validation/checks.js";
import { InputError } from "../validation/InputError.js";
import { messages } from "../validation/messages.js";
import { type DayInterval, daysIn, formatInterval, overlapDays, readInterval, STRATA } from "./calendar.js";

// The scenario is declared once, here: the schema holds every field, its type, its range and its default
// handling; `ScenarioInput` and `Scenario` are its input and output types; `adequacy schema` prints its JSON
// Schema; and `normalizeScenario` words its refusals from the messages module (see `issueText`). The record
// an assessment echoes (`ScenarioRecord`, `scenarioToInput`) is derived from the same fields, and so is its
// part of the assessment's JSON Schema (scripts/result-schema.mjs).

export const SELECTIONS = ["random", "judgmental", "unknown"] as const;
export type Selection = (typeof SELECTIONS)[number];
export const DEFAULT_DRIFT = [0.5, 1, 2, 5, 10] as const;
export const DEFAULT_SELECTION_BIAS = [1, 1.5, 2, 3, 5, 10] as const;

function described<T extends z.ZodMiniType>(schema: T, description: string): T {
  return schema.check(z.describe(description)) as T;
}

/** The least value of each count schema, for the wording of its refusals (see `countMin`). */
const COUNT_MIN = new WeakMap<object, number>();

/** A whole count from `min` up to 2^53 − 1: `integer`, `minimum` and `maximum` in the JSON Schema. */
function count(min: number, description: string) {
  const schema = z.int().check(z.gte(min), z.lte(MAX_COUNT), z.describe(description));
  COUNT_MIN.set(schema, min);
  return schema;
}

/**
 * A number in a range, each end open or closed (the JSON Schema's (exclusive) minimum and maximum), and
 * the message that states the range when a value falls outside it.
 */
function rate(
  range:
    | { above: number; atMost: number }
    | { atLeast: number; atMost: number }
    | { atLeast: number; below: number }
    | { above: number; below: number },
  text: (value: number) => string,
) {
  const error = (issue: { input?: unknown }) =>
    typeof issue.input === "number" && Number.isFinite(issue.input)
      ? text(issue.input)
      : messages.wrongType("a number", issue.input);
  return z
    .number({ error })
    .check(
      "above" in range ? z.gt(range.above, { error }) : z.gte(range.atLeast, { error }),
      "below" in range ? z.lt(range.below, { error }) : z.lte(range.atMost, { error }),
    );
}

/** A confidence below 50% gets the hint of what was probably meant; one outside (0, 1) the plain range. */
function confidenceText(value: number): string {
  return value > 0 && value < 1 ? messages.confidenceBelowHalf(value) : messages.openUnit(value);
}

/**
 * An interval `start/end` of `YYYY-MM-DD` or `YYYY-MM` dates, or one month: a `pattern` in the JSON Schema,
 * read into a {@link DayInterval}. A text the pattern refuses is described as the reader would refuse it.
 */
function interval(description: string) {
  return z.codec(
    z.string().check(
      z.regex(INTERVAL, {
        error: (issue) => {
          const text = String(issue.input);
          const read = readInterval(text);
          return "problem" in read ? read.problem : messages.intervalShape(text);
        },
      }),
      z.describe(description),
    ),
    z.custom<DayInterval>(),
    {
      decode: (text, payload) => {
        const read = readInterval(text);
        if ("interval" in read) return read.interval;
        payload.issues.push({ code: "custom", message: read.problem, input: text });
        return z.NEVER;
      },
      // An assessment echoes its scenario with every interval as `YYYY-MM-DD/YYYY-MM-DD` (see scenarioToInput).
      encode: formatInterval,
    },
  );
}

const INTERVAL = /^\s*\d{4}-\d{2}(?:-\d{2})?\s*(?:\/\s*\d{4}-\d{2}(?:-\d{2})?\s*)?$/;

/** A confidence written as a number ("0.95") or a percentage ("95%"), as the command line reads it. */
const PERCENT_OR_NUMBER = /^\s*([+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?)\s*(%?)\s*$/;

function percentOrNumber(text: string): number {
  const match = PERCENT_OR_NUMBER.exec(text) as RegExpExecArray;
  const number = Number(match[1]);
  return match[2] === "%" ? number / 100 : number;
}

const CONFIDENCE = { atLeast: 0.5, below: 1 } as const;

const windowFields = z.strictObject({
  label: z.optional(described(z.string(), "Name shown in outputs; default 'window 1', 'window 2', …")),
  period: interval("Examined window, 'start/end' (YYYY-MM-DD or YYYY-MM), both ends included"),
  cases: z.optional(count(1, "All cases in the window; else pro-rated from the volume profile")),
  flagged: z.optional(count(1, "Cases flagged by a screening stage; the review sampled these")),
  reviewed: count(1, "Cases examined in the review"),
  found: count(0, "Examined cases found affected"),
  unflagged: z.optional(count(1, "Cases the screen did not flag in the window; default cases − flagged")),
  unflaggedReviewed: z.optional(count(1, "Unflagged window cases reviewed at random (an elusion sample)")),
  unflaggedFound: z.optional(count(0, "Reviewed unflagged window cases found affected")),
  selection: z.optional(
    described(
      z.enum(SELECTIONS),
      "How the reviewed cases were chosen; default random. Non-random selection widens the assumption-free range",
    ),
  ),
});

const volumeFields = z.strictObject({
  period: interval("A period 'start/end' or a month 'YYYY-MM'"),
  cases: count(0, "Cases in that period"),
  flagged: z.optional(
    count(
      0,
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

/** Read-only all the way down, an optional field absent rather than undefined (as in JSON). */
type DeepReadonly<T> = T extends readonly (infer U)[]
  ? readonly DeepReadonly<U>[]
  : T extends object
    ? { readonly [K in keyof T]: DeepReadonly<Exclude<T[K], undefined>> }
    : T;

/** A figure's provenance, as a scenario's `sources` records it. */
export type Source = DeepReadonly<z.output<typeof sourceSchema>>;

const scenarioFields = z.strictObject({
  name: described(z.string(), "Short name, shown in every output"),
  description: z.optional(z.string()),
  author: z.optional(described(z.string(), "Who made the analysis, cited in reports")),
  organisation: z.optional(described(z.string(), "On whose behalf, cited in reports")),
  url: z.optional(described(z.url(), "Where the analysis is published, cited in reports")),
  span: interval("Exposure period: when the defect could affect cases, 'start/end'"),
  cases: z.optional(count(1, "Total cases over the span")),
  volume: z.optional(
    described(z.array(volumeFields), "Cases per period, covering the span; uniform when absent"),
  ),
  windows: described(
    z.array(windowFields.check(z.describe("An examined window"))),
    "Examined windows (may be empty: a review still to plan)",
  ),
  drift: z.optional(
    described(
      z.array(rate({ above: 0, atMost: 1000 }, messages.driftRange)).check(z.minLength(1)),
      "Rate outside the windows relative to inside; default [0.5, 1, 2, 5, 10]",
    ),
  ),
  selectionBias: z.optional(
    described(
      z.array(rate({ atLeast: 0.001, atMost: 1000 }, messages.biasRange)).check(z.minLength(1)),
      "Selection biases ω to assess: an affected case 1/ω times as likely to be picked (assessed only when given, or with biasModel: then [1, 1.5, 2, 3, 5, 10])",
    ),
  ),
  biasModel: z.optional(
    described(
      z.enum(["wallenius", "fisher"] satisfies BiasModel[]),
      "How a biased review picked cases: wallenius (one after another; default) or fisher (each independently)",
    ),
  ),
  screeningSensitivity: z.optional(
    described(
      rate({ above: 0, atMost: 1 }, messages.halfOpenUnit),
      "Share of affected cases the screen flagged, (0, 1]; default 1",
    ),
  ),
  reviewSensitivity: z.optional(
    described(
      rate({ above: 0, atMost: 1 }, messages.halfOpenUnit),
      "Chance a reviewer recognises an affected case, (0, 1]; default 1",
    ),
  ),
  unflagged: z.optional(
    count(1, "Cases over the span the screen did not flag (with an elusion sample across the span)"),
  ),
  unflaggedReviewed: z.optional(
    count(1, "Unflagged cases over the span reviewed at random (an elusion sample)"),
  ),
  unflaggedFound: z.optional(count(0, "Reviewed unflagged cases found affected")),
  confidence: z.optional(
    described(
      z.union([
        rate(CONFIDENCE, confidenceText),
        z.pipe(
          z.pipe(
            z
              .string()
              .check(
                z.regex(PERCENT_OR_NUMBER, { error: (issue) => messages.notANumber(String(issue.input)) }),
              ),
            z.transform(percentOrNumber),
          ),
          rate(CONFIDENCE, confidenceText),
        ),
      ]),
      "From 0.5 up to (not including) 1, as a number (0.95) or a percentage ('95%'); default 0.95",
    ),
  ),
  sided: z.optional(
    described(z.enum(["upper", "two"] satisfies Sided[]), "Default upper (one-sided upper bounds)"),
  ),
  materiality: z.optional(count(1, "A count of missed cases that would matter")),
  tolerable: z.optional(
    described(
      rate({ above: 0, below: 1 }, messages.openUnit),
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
});

type Fields = z.output<typeof scenarioFields>;

/**
 * The scenario as written in a file or built from flags: its fields with their types and ranges, the
 * checks between fields (found ≤ reviewed, windows within the span, …), and the validated scenario with
 * defaults applied and dates read as its output.
 */
export const scenarioSchema = z.pipe(
  scenarioFields.check(
    z.superRefine((raw, context) => {
      checkScenario(raw, context);
    }),
    z.describe("An investigation scenario for sampling-adequacy's assess command"),
  ),
  z.transform(toScenario),
);

/** A scenario as written: what `normalizeScenario` and `assessInvestigation` take. */
export type ScenarioInput = z.input<typeof scenarioSchema>;
/** A validated scenario with defaults applied and dates read. */
export type Scenario = z.output<typeof scenarioSchema>;
export type ScenarioWindow = Scenario["windows"][number];
/** A random sample of the cases a screen did not flag: how many there were, reviewed and found affected. */
export type ElusionSample = NonNullable<ScenarioWindow["unflagged"]>;
/** One period of the volume profile. */
export type VolumeEntry = NonNullable<Scenario["volume"]>[number];

/**
 * The JSON Schema of a scenario file, generated from the same validator (the input side: what a file
 * holds).
 *
 * @example
 * scenarioJsonSchema().type; // "object"
 */
export function scenarioJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(scenarioSchema, { target: "draft-2020-12", io: "input" }) as Record<string, unknown>;
}

function pathOf(path: readonly PropertyKey[]): string {
  return path.reduce<string>(
    (text, key) =>
      typeof key === "number" ? `${text}[${key}]` : text ? `${text}.${String(key)}` : String(key),
    "",
  );
}

function pathValue(input: unknown, path: readonly PropertyKey[]): unknown {
  let value: unknown = input;
  for (const key of path) {
    if (value === null || typeof value !== "object") return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

/** The least value of the count at `path` (`windows[0].found`: 0), or undefined when it is not a count. */
function countMin(path: readonly PropertyKey[]): number | undefined {
  const key = path.at(-1);
  if (typeof key !== "string") return undefined;
  const owner =
    path.length === 1
      ? scenarioFields
      : path.length === 3 && path[0] === "windows"
        ? windowFields
        : path.length === 3 && path[0] === "volume"
          ? volumeFields
          : undefined;
  let schema: z.core.$ZodType | undefined = (owner?.shape as Record<string, z.core.$ZodType> | undefined)?.[
    key
  ];
  if (schema instanceof z.ZodMiniOptional) schema = schema._zod.def.innerType;
  return schema === undefined ? undefined : COUNT_MIN.get(schema);
}

/**
 * The field that bounds the count at `path` from above, as messages name it (`windows[0].reviewed (109)`),
 * with its value; `mention` when the command line should name that field as a flag too. A window's
 * unflagged cases are its cases − flagged when not given.
 */
function upperBound(
  input: unknown,
  path: readonly PropertyKey[],
): { label: string; value: number; mention?: string } | undefined {
  const key = path.at(-1);
  const parent = pathValue(input, path.slice(0, -1));
  if (parent === null || typeof parent !== "object" || Array.isArray(parent)) return undefined;
  const at = path.length === 1 ? "" : `${pathOf(path.slice(0, -1))}.`;
  const number = (name: string) => {
    const value = (parent as Record<string, unknown>)[name];
    return typeof value === "number" && Number.isFinite(value) ? value : undefined;
  };
  const bound = (name: string, value = number(name)) =>
    value === undefined ? undefined : { label: `${at}${name} (${value})`, value };
  const mentioned = (name: string, found: { label: string; value: number } | undefined) =>
    found === undefined ? undefined : { ...found, mention: `${at}${name}` };
  const inWindow = path[0] === "windows" && path.length === 3;
  const inVolume = path[0] === "volume" && path.length === 3;
  switch (key) {
    case "flagged":
      return inWindow || inVolume ? bound("cases") : undefined;
    case "reviewed":
      return inWindow ? (bound("flagged") ?? bound("cases")) : undefined;
    case "found":
      return inWindow ? bound("reviewed") : undefined;
    case "unflaggedReviewed": {
      const cases = number("cases");
      const flagged = number("flagged");
      const derived = inWindow && cases !== undefined && flagged !== undefined ? cases - flagged : undefined;
      return mentioned("unflagged", bound("unflagged", number("unflagged") ?? derived));
    }
    case "unflaggedFound":
      return mentioned("unflaggedReviewed", bound("unflaggedReviewed"));
    default:
      return undefined;
  }
}

function article(expected: string): string {
  return expected === "array" || expected === "object" ? `an ${expected}` : `a ${expected}`;
}

/**
 * The error map: the detail of a refusal, in the messages module's words. A count out of its range
 * states the range, up to the field that bounds it when one does (`windows[0].found` up to
 * `windows[0].reviewed (109)`); checks that word their own refusals (rates, intervals, the checks between
 * fields) keep their words.
 */
function issueText(issue: z.core.$ZodRawIssue, input: unknown): string | undefined {
  const value = issue.input;
  const path = issue.path ?? [];
  switch (issue.code) {
    case "unrecognized_keys":
      return messages.unknownKeys(issue.keys);
    case "invalid_value":
      return messages.oneOf(issue.values.map(String), value);
    case "invalid_format":
      return issue.format === "url" ? messages.notAUrl(String(value)) : undefined;
    case "invalid_union": {
      // The confidence: a number or a text; the branch of the value's own type says what is wrong.
      const branch = typeof value === "number" ? 0 : typeof value === "string" ? 1 : undefined;
      const errors = (issue as { errors?: readonly (readonly { message: string }[])[] }).errors;
      return branch === undefined
        ? messages.wrongType('a number or a percentage such as "95%"', value)
        : errors?.[branch]?.[0]?.message;
    }
    case "too_small":
      if (issue.origin === "array") return messages.listsNothing();
      break;
  }
  const min = countMin(path);
  if (min !== undefined && typeof value === "number" && Number.isFinite(value)) {
    return messages.wholeInRange(min, upperBound(input, path)?.label ?? MAX_COUNT, value);
  }
  if (issue.code === "invalid_type") {
    return value === undefined ? messages.required() : messages.wrongType(article(issue.expected), value);
  }
  return undefined;
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
  const parsed = scenarioSchema.safeParse(input, { error: (issue) => issueText(issue, input) });
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0] as z.core.$ZodIssue;
  const field = pathOf(issue.path) || "scenario";
  // A count out of the range another field sets names that field, so the command line can name it as a
  // flag too.
  const mentions =
    issue.code === "custom"
      ? ((issue.params?.mentions as string[] | undefined) ?? [])
      : countMin(issue.path) !== undefined && typeof pathValue(input, issue.path) === "number"
        ? [upperBound(input, issue.path)?.mention].filter((name) => name !== undefined)
        : [];
  throw new InputError(field, issue.message, mentions);
}

/**
 * The checks between fields, in the order a reader would make them: counts within the counts that bound
 * them, the volume profile covering the span, windows within the span and apart, the screen's fields
 * given together. Only the first refusal is reported; false when there was one.
 */
function checkScenario(raw: Fields, context: z.core.$RefinementCtx<Fields>): boolean {
  const refuse: Refuse = (path, message, mentions = []) => {
    context.issues.push({ code: "custom", path, message, input: pathValue(raw, path), params: { mentions } });
    return false;
  };
  /** A count above the field that bounds it, refused in the words of its range. */
  const aboveBound = (path: PropertyKey[]): boolean => {
    const value = pathValue(raw, path);
    const bound = upperBound(raw, path);
    if (typeof value !== "number" || bound === undefined || value <= bound.value) return false;
    refuse(
      path,
      messages.wholeInRange(countMin(path) ?? 0, bound.label, value),
      bound.mention === undefined ? [] : [bound.mention],
    );
    return true;
  };
  const volume = raw.volume ?? [];
  for (const i of volume.keys()) if (aboveBound(["volume", i, "flagged"])) return false;
  if (raw.volume !== undefined && !checkVolume(raw.volume, raw.span, raw.cases, refuse)) return false;
  for (const [i, w] of raw.windows.entries()) {
    const at = `windows[${i}]`;
    if (w.period.start < raw.span.start || w.period.end > raw.span.end) {
      return refuse(
        ["windows", i, "period"],
        messages.withinSpan(formatInterval(w.period), formatInterval(raw.span)),
      );
    }
    for (const key of ["flagged", "reviewed", "found"]) if (aboveBound(["windows", i, key])) return false;
    if (!checkElusion(w, ["windows", i], refuse)) return false;
    for (const key of ["unflaggedReviewed", "unflaggedFound"])
      if (aboveBound(["windows", i, key])) return false;
    const derived = w.cases !== undefined && w.flagged !== undefined ? w.cases - w.flagged : undefined;
    if (
      w.unflaggedReviewed !== undefined &&
      derived !== undefined &&
      w.unflagged !== undefined &&
      w.unflagged !== derived
    ) {
      return refuse(["windows", i, "unflagged"], messages.unflaggedDisagrees(w.unflagged, `${at}.`, derived));
    }
  }
  if (raw.volume !== undefined && !checkVolumeFlagged(raw.volume, raw.windows, refuse)) return false;
  for (const [i, w] of raw.windows.entries()) {
    for (const [j, other] of raw.windows.slice(0, i).entries()) {
      if (overlapDays(w.period, other.period) > 0) {
        return refuse(
          ["windows", i, "period"],
          messages.overlapsWindow(`windows[${j}]`, formatInterval(other.period)),
        );
      }
    }
  }
  const flaggedCount = raw.windows.filter((w) => w.flagged !== undefined).length;
  if (flaggedCount > 0 && flaggedCount < raw.windows.length) {
    const missing = raw.windows.findIndex((w) => w.flagged === undefined);
    return refuse(["windows", missing, "flagged"], messages.flaggedInEveryWindow());
  }
  const knowsCases = raw.cases !== undefined || raw.volume !== undefined;
  const uncounted = raw.windows.findIndex((w) => w.flagged === undefined && w.cases === undefined);
  if (uncounted >= 0 && !knowsCases) return refuse(["windows", uncounted], messages.windowNeedsCases());
  if (raw.screeningSensitivity !== undefined && raw.screeningSensitivity < 1) {
    if (flaggedCount === 0) return refuse(["screeningSensitivity"], messages.screeningNeedsFlagged());
    const unknownCases = raw.windows.findIndex((w) => w.cases === undefined && !knowsCases);
    if (unknownCases >= 0) {
      return refuse(["screeningSensitivity"], messages.screeningNeedsCases(`windows[${unknownCases}].cases`));
    }
  }
  if (!checkElusion(raw, [], refuse)) return false;
  for (const key of ["unflaggedReviewed", "unflaggedFound"]) if (aboveBound([key])) return false;
  const spanElusion = raw.unflaggedReviewed !== undefined;
  const windowElusion = raw.windows.findIndex((w) => w.unflaggedReviewed !== undefined);
  if (spanElusion || windowElusion >= 0) {
    const field = spanElusion ? "unflaggedReviewed" : `windows[${windowElusion}].unflaggedReviewed`;
    const path = spanElusion ? ["unflaggedReviewed"] : ["windows", windowElusion, "unflaggedReviewed"];
    if (flaggedCount === 0) return refuse(path, messages.elusionNeedsFlagged());
    if (spanElusion && windowElusion >= 0) {
      return refuse(path, messages.elusionTwice(`windows[${windowElusion}].unflaggedReviewed`));
    }
    if (raw.screeningSensitivity !== undefined && raw.screeningSensitivity !== 1) {
      return refuse(["screeningSensitivity"], messages.elusionWithScreening(field));
    }
  }
  return true;
}

/** Reports a refusal at `path`; false, for `return refuse(…)` in a check that stops at the first. */
type Refuse = (path: PropertyKey[], message: string, mentions?: readonly string[]) => false;

/**
 * The elusion sample fields of a window (`at` = ["windows", 0]) or of the span (`at` = []) come together:
 * reviewed and found both, and the unflagged cases given (or, in a window, its cases and flagged).
 */
function checkElusion(
  raw: {
    unflagged?: number | undefined;
    unflaggedReviewed?: number | undefined;
    unflaggedFound?: number | undefined;
    cases?: number | undefined;
    flagged?: number | undefined;
  },
  at: PropertyKey[],
  refuse: Refuse,
): boolean {
  const prefix = at.length === 0 ? "" : `${pathOf(at)}.`;
  if (raw.unflaggedReviewed === undefined && raw.unflaggedFound === undefined) {
    if (at.length === 0 && raw.unflagged !== undefined) {
      return refuse(["unflaggedReviewed"], messages.requiredAlong("unflagged"));
    }
    return true;
  }
  if (raw.unflaggedReviewed === undefined) {
    return refuse([...at, "unflaggedReviewed"], messages.requiredAlong(`${prefix}unflaggedFound`));
  }
  if (raw.unflaggedFound === undefined) {
    return refuse([...at, "unflaggedFound"], messages.requiredAlong(`${prefix}unflaggedReviewed`));
  }
  const derived =
    at.length > 0 && raw.cases !== undefined && raw.flagged !== undefined
      ? raw.cases - raw.flagged
      : undefined;
  const unflagged = raw.unflagged ?? derived;
  if (unflagged === undefined) {
    return refuse(
      [...at, "unflagged"],
      messages.requiredAlong(
        `${prefix}unflaggedReviewed`,
        at.length === 0 ? undefined : `${prefix}cases and ${prefix}flagged`,
      ),
    );
  }
  if (unflagged < 1) {
    return refuse([...at, "unflagged"], messages.wholeInRange(1, MAX_COUNT, unflagged));
  }
  return true;
}

/**
 * A profile that counts the flagged cases counts them everywhere: every entry gives flagged, every window
 * gives flagged, starts and ends on the profile's period boundaries, and agrees with the profile's count.
 */
function checkVolumeFlagged(
  volume: Fields["volume"] & {},
  windows: Fields["windows"],
  refuse: Refuse,
): boolean {
  const given = volume.filter((v) => v.flagged !== undefined).length;
  if (given === 0) return true;
  if (given < volume.length) {
    const missing = volume.findIndex((v) => v.flagged === undefined);
    return refuse(["volume", missing, "flagged"], messages.volumeFlaggedPartial());
  }
  for (const [i, w] of windows.entries()) {
    if (w.flagged === undefined) {
      return refuse(["windows", i, "flagged"], messages.volumeFlaggedWindow());
    }
    const inside = volume.filter((v) => v.period.start >= w.period.start && v.period.end <= w.period.end);
    const covered = inside.reduce((sum, v) => sum + daysIn(v.period), 0);
    if (covered !== daysIn(w.period)) {
      return refuse(["windows", i, "period"], messages.volumeFlaggedBoundaries(formatInterval(w.period)));
    }
    const counted = inside.reduce((sum, v) => sum + (v.flagged ?? 0), 0);
    if (counted !== w.flagged) {
      return refuse(["windows", i, "flagged"], messages.volumeFlaggedDisagrees(w.flagged, counted));
    }
  }
  return true;
}

/** The volume profile covers the span once, agrees with the span's cases, and has cases. */
function checkVolume(
  volume: Fields["volume"] & {},
  span: DayInterval,
  cases: number | undefined,
  refuse: Refuse,
): boolean {
  const sorted = volume.map((v, i) => ({ ...v, i })).sort((a, b) => a.period.start - b.period.start);
  let next = span.start;
  for (const entry of sorted) {
    const path = ["volume", entry.i, "period"];
    if (entry.period.start < span.start || entry.period.end > span.end) {
      return refuse(path, messages.withinSpan(formatInterval(entry.period), formatInterval(span)));
    }
    if (entry.period.start < next) {
      return refuse(path, messages.overlapsVolume());
    }
    if (entry.period.start > next) {
      return refuse(
        ["volume"],
        messages.volumeGap(formatInterval({ start: next, end: entry.period.start - 1 })),
      );
    }
    next = entry.period.end + 1;
  }
  if (next <= span.end) {
    return refuse(["volume"], messages.volumeGap(formatInterval({ start: next, end: span.end })));
  }
  const total = volume.reduce((sum, v) => sum + v.cases, 0);
  if (cases !== undefined && total !== cases) {
    return refuse(["cases"], messages.casesDisagreeWithVolume(cases, total));
  }
  if (total === 0) {
    return refuse(["volume"], messages.volumeEmpty());
  }
  return true;
}

/** The checked fields as the library reads them: defaults applied, elusion samples gathered. */
function toScenario(raw: Fields) {
  const windows = raw.windows.map((w, i) => {
    const unflagged = elusionSample(
      w,
      w.cases !== undefined && w.flagged !== undefined ? w.cases - w.flagged : undefined,
    );
    const cases =
      w.cases ??
      (unflagged !== undefined && w.flagged !== undefined ? w.flagged + unflagged.cases : undefined);
    return {
      label: w.label ?? `window ${i + 1}`,
      period: w.period,
      ...optional("cases", cases),
      ...optional("flagged", w.flagged),
      reviewed: w.reviewed,
      found: w.found,
      ...optional("unflagged", unflagged),
      selection: w.selection ?? "random",
    };
  });
  const unique = (values: readonly number[]) => [...new Set(values)].sort((a, b) => a - b);
  return {
    name: raw.name,
    description: raw.description ?? "",
    ...optional("author", raw.author),
    ...optional("organisation", raw.organisation),
    ...optional("url", raw.url),
    span: raw.span,
    ...optional("cases", raw.cases),
    /** Cases per period; `flagged` when the profile counts the flagged cases too (every entry, or none). */
    ...optional(
      "volume",
      raw.volume?.map((v) => ({ period: v.period, cases: v.cases, ...optional("flagged", v.flagged) })),
    ),
    windows,
    drift: unique(raw.drift ?? DEFAULT_DRIFT),
    /** The selection biases to assess; null when neither they nor a bias model were given. */
    selectionBias:
      raw.selectionBias === undefined && raw.biasModel === undefined
        ? null
        : unique(raw.selectionBias ?? DEFAULT_SELECTION_BIAS),
    biasModel: raw.biasModel ?? "wallenius",
    screeningSensitivity: raw.screeningSensitivity ?? 1,
    reviewSensitivity: raw.reviewSensitivity ?? 1,
    /** An elusion sample across the span. */
    ...optional("unflagged", elusionSample(raw, undefined)),
    confidence: raw.confidence ?? 0.95,
    sided: raw.sided ?? "upper",
    ...optional("materiality", raw.materiality),
    ...optional("tolerable", raw.tolerable),
    stratify: raw.stratify ?? "year",
    /** Provenance of figures: as given in the scenario, plus a `default` entry for each default taken. */
    sources: withDefaults(raw),
  };
}

/** `{ [key]: value }`, or nothing when the value is absent (optional fields are left out, not undefined). */
function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}

/** A checked elusion sample (of a window, or of the span with `derived` undefined). */
function elusionSample(
  raw: {
    unflagged?: number | undefined;
    unflaggedReviewed?: number | undefined;
    unflaggedFound?: number | undefined;
  },
  derived: number | undefined,
): { cases: number; reviewed: number; found: number } | undefined {
  const cases = raw.unflagged ?? derived;
  if (raw.unflaggedReviewed === undefined || raw.unflaggedFound === undefined || cases === undefined)
    return undefined;
  return { cases, reviewed: raw.unflaggedReviewed, found: raw.unflaggedFound };
}

/**
 * The scenario's sources, plus a `default` entry for each documented default taken (a field neither
 * written nor already described), so that outputs can say which figures the user did not give.
 */
function withDefaults(raw: Fields): Source[] {
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

/**
 * The scenario in input form with every default written out, derived from the scenario's own fields: the
 * defaults taken become required, a window's label and selection too, the confidence is a number (not a
 * percentage), and the case file's columns are left out (they concern the file, not the scenario). What
 * assessments echo and reports print; `normalizeScenario` takes it back to the same scenario.
 */
const scenarioRecordSchema = z.required(
  z.omit(
    z.extend(scenarioFields, {
      windows: z.array(z.required(windowFields, { label: true, selection: true })),
      confidence: described(rate(CONFIDENCE, confidenceText), "From 0.5 up to (not including) 1"),
    }),
    { columns: true },
  ),
  { drift: true, screeningSensitivity: true, reviewSensitivity: true, sided: true, stratify: true },
);

/** A scenario in input form with every default written out: what assessments echo and reports print. */
export type ScenarioRecord = DeepReadonly<z.input<typeof scenarioRecordSchema>>;

/**
 * The JSON Schema of a {@link ScenarioRecord} (draft-07, as the assessment record's schema), generated from
 * the same validator: scripts/result-schema.mjs puts it in the assessment record's schema as the echoed
 * scenario.
 *
 * @example
 * (scenarioRecordJsonSchema().required as string[]).includes("confidence"); // true
 */
export function scenarioRecordJsonSchema(): Record<string, unknown> {
  const { $schema: _, ...schema } = z.toJSONSchema(scenarioRecordSchema, { target: "draft-7", io: "input" });
  return schema;
}

/**
 * The scenario as input again, every default written out (dates as `YYYY-MM-DD/YYYY-MM-DD`): what a
 * report prints for reproducibility, and what `normalizeScenario` turns back into the same scenario.
 * Encoded through the record schema, which writes the dates and puts the fields in the schema's order;
 * only what `toScenario` gathered or filled in without a field of its own is undone here by hand (the
 * elusion samples, an empty description, selection biases not asked for, no sources).
 *
 * @example
 * scenarioToInput(normalizeScenario(examples["hmcts-sscs"])).name; // "hmcts-sscs"
 */
export function scenarioToInput(scenario: Scenario): ScenarioRecord {
  const { description, windows, selectionBias, biasModel, unflagged, sources, ...same } = scenario;
  // zod types an optional field as possibly undefined; the scenario leaves an absent field out (see
  // `optional`), and so does the encoding.
  return z.encode(scenarioRecordSchema, {
    ...same,
    ...(description === "" ? {} : { description }),
    windows: windows.map(({ unflagged, ...w }) => ({ ...w, ...elusionRecord(unflagged) })),
    ...(selectionBias === null ? {} : { selectionBias: [...selectionBias], biasModel }),
    ...elusionRecord(unflagged),
    ...(sources.length === 0 ? {} : { sources }),
  }) as ScenarioRecord;
}

function elusionRecord(sample: ElusionSample | undefined) {
  return sample === undefined
    ? {}
    : { unflagged: sample.cases, unflaggedReviewed: sample.reviewed, unflaggedFound: sample.found };
}
