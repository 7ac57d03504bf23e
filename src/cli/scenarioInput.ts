// One place builds the scenario of assess, chart and report: from a built-in example, a scenario file, a
// case file or the window flags, with the same overrides and the same error wording.

import type { ArgumentsCamelCase, Argv } from "yargs";
import type { Assessment } from "../investigation/assessInvestigation.js";
import { requireBias, requireDrift } from "../validation/checks.js";
import { InputError, isInputError } from "../validation/InputError.js";
import { messages } from "../validation/messages.js";
import { isNumeral } from "../validation/parseNumber.js";
import { caseColumnOptions } from "./caseColumnOptions.js";
import { biasModelOption, confidenceOption, numberOption, sidedOption } from "./commonOptions.js";
import { parseNumber, single } from "./flags.js";
import type { Io } from "./Io.js";

/** Options that describe the scenario's windows; with --scenario or --example they are errors. */
const WINDOW_FLAGS = [
  "span",
  "cases",
  "caseFile",
  "volume",
  "window",
  "windowCases",
  "flagged",
  "reviewed",
  "found",
  "selection",
  "name",
] as const;

/** Scenario inputs shared by assess and the commands that draw or report an assessment. */
export function scenarioOptions(yargs: Argv): Argv {
  return caseColumnOptions(yargs)
    .option("example", {
      type: "string",
      describe: "A built-in scenario (see adequacy example --list)",
      requiresArg: true,
    })
    .option("scenario", {
      type: "string",
      describe: "A scenario file, .json or .yaml (see adequacy schema)",
      requiresArg: true,
    })
    .option("name", { type: "string", describe: "Name shown in outputs", requiresArg: true })
    .option("span", {
      type: "string",
      describe: "Exposure period start/end (YYYY-MM-DD or YYYY-MM)",
      requiresArg: true,
    })
    .option("cases", numberOption("Total cases over the span (a number; a case file is --case-file)"))
    .option("case-file", {
      type: "string",
      describe:
        "A file of cases, one row per case: CSV (any separator), .xlsx, or - for standard input; windows and counts come from its rows",
      requiresArg: true,
    })
    .option("volume", {
      type: "string",
      describe: "CSV of cases per period (columns period,cases)",
      requiresArg: true,
    })
    .option("window", {
      type: "string",
      describe:
        "Examined window start/end; repeat for several, with the counts below in the same order (with a case file: the review's own window, its counts from the rows; none: no review yet, the range and the plan only)",
      requiresArg: true,
    })
    .option("window-cases", numberOption("Cases in the window [default: pro-rated from the volume]"))
    .option("flagged", numberOption("Cases flagged by screening in the window"))
    .option("reviewed", numberOption("Cases reviewed in the window"))
    .option("found", numberOption("Reviewed cases found affected", "k"))
    .option(
      "unflagged",
      numberOption(
        "Cases the screen did not flag: per --window with window flags [default: window cases − flagged]; across the span with --example, --scenario or a case file",
      ),
    )
    .option(
      "unflagged-reviewed",
      numberOption("Unflagged cases reviewed at random (an elusion sample), as --unflagged"),
    )
    .option("unflagged-found", numberOption("Reviewed unflagged cases found affected, as --unflagged"))
    .option("selection", {
      type: "string",
      describe: "How the reviewed cases were chosen: random (default), judgmental or unknown",
      requiresArg: true,
    })
    .option("drift", {
      type: "string",
      describe:
        "Outside-to-window rate ratios above 0 and up to 1000, e.g. 0.5,1,2 [default: 0.5,1,2,5,10]; a ratio whose row would count more than 2^53 − 1 cases is left out, with a note",
      requiresArg: true,
    })
    .option("selection-bias", {
      type: "string",
      describe:
        "Selection biases ω to assess, e.g. 1,1.5,2,3: an affected case 1/ω times as likely to be picked [default: none; with --bias-model alone 1,1.5,2,3,5,10]",
      requiresArg: true,
    })
    .option("bias-model", biasModelOption)
    .option(
      "screening-sensitivity",
      numberOption("Chance the screen flags an affected case, (0, 1] [default: 1]"),
    )
    .option(
      "review-sensitivity",
      numberOption("Chance a reviewer recognises an affected case, (0, 1] [default: 1]"),
    )
    .option(
      "materiality",
      numberOption("A number of missed cases that would matter (gives the tipping point)"),
    )
    .option(
      "tolerable",
      numberOption("Tolerable rate for the adequate plan [default: the window's upper bound]"),
    )
    .option("stratify", {
      type: "string",
      choices: ["month", "quarter", "year"],
      describe: "Strata of the adequate plan [default: year]",
      requiresArg: true,
    })
    .option("confidence", confidenceOption)
    .option("sided", { ...sidedOption, describe: "upper (default): one-sided upper bounds; two: two-sided" });
}

function list(raw: unknown): string[] {
  if (raw === undefined) return [];
  return (Array.isArray(raw) ? raw : [raw]).map(String);
}

function counts(flag: string, raw: unknown, windows: number): (number | undefined)[] {
  const values = list(raw);
  if (values.length === 0) return Array.from({ length: windows }, () => undefined);
  if (values.length !== windows) {
    throw new InputError(flag, messages.countPerWindow(values.length, windows));
  }
  return values.map((v) => parseNumber(flag, v));
}

/**
 * The case file and the flag that named it: `--case-file FILE`, or, as before, `--cases FILE` (anything
 * that is not a number), which still works with a note saying so.
 */
export function caseFileFlag(argv: ArgumentsCamelCase): { flag: string; path: string } | undefined {
  const file = single("--case-file", argv.caseFile);
  const cases = single("--cases", argv.cases);
  if (file !== undefined && cases !== undefined)
    throw new InputError("--case-file", messages.exclusive("--cases"));
  if (file !== undefined) return { flag: "--case-file", path: file };
  // An empty --cases is neither: it is refused as a number (parseNumber) rather than read as a path.
  return cases !== undefined && cases !== "" && !isNumeral(cases)
    ? { flag: "--cases", path: cases }
    : undefined;
}

/** The case file given, if any (see {@link caseFileFlag}). */
export function caseFileOf(argv: ArgumentsCamelCase): string | undefined {
  return caseFileFlag(argv)?.path;
}

/** A scenario from a case file: the windows and volume from the rows, assumptions from flags or --scenario. */
async function scenarioFromCaseFile(
  argv: ArgumentsCamelCase,
  { flag, path }: { flag: string; path: string },
  file: string | undefined,
): Promise<Record<string, unknown>> {
  if (argv.example !== undefined) throw new InputError(flag, messages.caseFileWithExample());
  for (const key of ["windowCases", "flagged", "reviewed", "found", "volume"] as const) {
    if (argv[key] !== undefined) {
      throw new InputError(
        `--${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`,
        messages.caseFileCounts(),
      );
    }
  }
  let base: Record<string, unknown> = {};
  if (file !== undefined) {
    const { readScenarioFile } = await import("./readScenarioFile.js");
    base = readScenarioFile("--scenario", file) as Record<string, unknown>;
    if (Array.isArray(base.windows) && base.windows.length > 0) {
      throw new InputError(`${file}: windows`, messages.caseFileScenarioWindows());
    }
  }
  const { parseInterval } = await import("../scenario/calendar.js");
  const windows = list(argv.window).map((text) => parseInterval("--window", text));
  const spanText = single("--span", argv.span) ?? (typeof base.span === "string" ? base.span : undefined);
  const span = spanText === undefined ? undefined : parseInterval("--span", spanText);
  const { caseColumns, caseFileFormat, caseFileNote, readCaseFile } = await import("./caseFile.js");
  const summary = await readCaseFile(flag, path, {
    format: caseFileFormat(argv),
    columns: caseColumns(argv, (base.columns ?? {}) as Record<string, string>),
    ...(span ? { span } : {}),
    skipInvalid: Boolean(argv.skipInvalid),
  });
  const { scenarioFromCases } = await import("../data/scenarioFromCases.js");
  const selection = single("--selection", argv.selection) as "random" | "judgmental" | "unknown" | undefined;
  let derived: ReturnType<typeof scenarioFromCases>;
  try {
    derived = scenarioFromCases(summary, {
      name: single("--name", argv.name) ?? (typeof base.name === "string" ? base.name : path),
      ...(selection ? { selection } : {}),
      ...(span ? { span } : {}),
      ...(windows.length > 0 ? { windows } : {}),
    });
  } catch (error) {
    if (!isInputError(error)) throw error;
    const at = /^windows(?:\[(\d+)\])?/.exec(error.field);
    if (!at) throw error;
    const which = at[1] !== undefined && windows.length > 1 ? ` (window ${Number(at[1]) + 1})` : "";
    throw new InputError(`--window${which}`, error.detail);
  }
  const {
    columns: _columns,
    windows: _windows,
    cases: _cases,
    volume: _volume,
    sources,
    ...assumptions
  } = base;
  return {
    ...assumptions,
    ...derived,
    sources: [...(Array.isArray(sources) ? sources : []), ...(derived.sources ?? [])],
    description: `${caseFileNote(path, summary)} ${windows.length > 0 ? messages.caseFileWindowsGiven() : messages.caseFileWindowsDerived(derived.windows.map((w) => w.label ?? w.period))}`,
  };
}

/** Builds the scenario input from --example, --scenario or the window flags, then applies overrides. */
export async function scenarioFromArgs(argv: ArgumentsCamelCase): Promise<unknown> {
  const example = single("--example", argv.example);
  const file = single("--scenario", argv.scenario);
  if (example !== undefined && file !== undefined)
    throw new InputError("--example", messages.exclusive("--scenario"));
  let scenario: Record<string, unknown>;
  const caseFile = caseFileFlag(argv);
  if (caseFile !== undefined) {
    scenario = await scenarioFromCaseFile(argv, caseFile, file);
  } else if (example !== undefined || file !== undefined) {
    const clash = WINDOW_FLAGS.find((key) => argv[key] !== undefined);
    if (clash) {
      throw new InputError(
        `--${clash.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`,
        messages.flagWithScenario(example !== undefined ? "--example" : "--scenario"),
      );
    }
    if (example !== undefined) {
      const { examples } = await import("../scenario/examples.js");
      const found = examples[example];
      if (!found) throw new InputError("--example", messages.oneOf(Object.keys(examples), example));
      scenario = structuredClone(found) as Record<string, unknown>;
    } else {
      const { readScenarioFile } = await import("./readScenarioFile.js");
      const read = readScenarioFile("--scenario", file as string);
      if (read === null || typeof read !== "object" || Array.isArray(read)) {
        throw new InputError("--scenario", messages.notAScenarioObject(file as string));
      }
      scenario = read as Record<string, unknown>;
    }
  } else {
    const volumeFile = single("--volume", argv.volume);
    const { readVolumeCsv } = await import("./readVolumeCsv.js");
    const volume = volumeFile === undefined ? undefined : readVolumeCsv("--volume", volumeFile);
    if (volume !== undefined) {
      VOLUME_LINES.set(
        argv,
        volume.map((row) => row.line),
      );
    }
    scenario = scenarioFromFlags(
      argv,
      volume?.map(({ period, cases }) => ({ period, cases })),
    );
  }
  const override = (key: string, value: unknown) => {
    if (value !== undefined) scenario[key] = value;
  };
  if (caseFile !== undefined || example !== undefined || file !== undefined) {
    override("unflagged", parseNumber("--unflagged", argv.unflagged));
    override("unflaggedReviewed", parseNumber("--unflagged-reviewed", argv.unflaggedReviewed));
    override("unflaggedFound", parseNumber("--unflagged-found", argv.unflaggedFound));
  }
  override("drift", parseDrift(argv.drift));
  override("selectionBias", parseSelectionBias(argv.selectionBias));
  override("biasModel", single("--bias-model", argv.biasModel));
  override("screeningSensitivity", parseNumber("--screening-sensitivity", argv.screeningSensitivity, true));
  override("reviewSensitivity", parseNumber("--review-sensitivity", argv.reviewSensitivity, true));
  override("materiality", parseNumber("--materiality", argv.materiality));
  override("tolerable", parseNumber("--tolerable", argv.tolerable, true));
  override("confidence", parseNumber("--confidence", argv.confidence, true));
  override("sided", single("--sided", argv.sided));
  override("stratify", single("--stratify", argv.stratify));
  return scenario;
}

function parseDrift(raw: unknown): number[] | undefined {
  const text = single("--drift", raw);
  if (text === undefined) return undefined;
  return text.split(",").map((part) => requireDrift("--drift", parseNumber("--drift", part.trim())));
}

function parseSelectionBias(raw: unknown): number[] | undefined {
  const text = single("--selection-bias", raw);
  if (text === undefined) return undefined;
  return text
    .split(",")
    .map((part) => requireBias("--selection-bias", parseNumber("--selection-bias", part.trim())));
}

function scenarioFromFlags(
  argv: ArgumentsCamelCase,
  volume: { period: string; cases: number }[] | undefined,
): Record<string, unknown> {
  const span = single("--span", argv.span);
  if (span === undefined) {
    throw new InputError("--span", messages.requiredOr("--example NAME or --scenario FILE"));
  }
  const periods = list(argv.window);
  // No --window: an assessment before any review (the range and the plan). A per-window flag without a
  // window has nothing to attach to.
  if (periods.length === 0) {
    const orphan = PER_WINDOW.find((name) => name !== "window" && argv[name] !== undefined);
    if (orphan !== undefined) throw new InputError("--window", messages.requiredWith(`--${orphan}`));
  }
  const reviewed = counts("--reviewed", argv.reviewed, periods.length);
  const found = counts("--found", argv.found, periods.length);
  const flagged = counts("--flagged", argv.flagged, periods.length);
  const windowCases = counts("--window-cases", argv.windowCases, periods.length);
  const unflagged = counts("--unflagged", argv.unflagged, periods.length);
  const unflaggedReviewed = counts("--unflagged-reviewed", argv.unflaggedReviewed, periods.length);
  const unflaggedFound = counts("--unflagged-found", argv.unflaggedFound, periods.length);
  const selections = list(argv.selection);
  if (selections.length > 1 && selections.length !== periods.length) {
    throw new InputError("--selection", messages.selectionPerWindow());
  }
  const windows = periods.map((period, i) => {
    // Left out when not given, so that the scenario records random selection as its default, not as given.
    const selection = selections[selections.length === 1 ? 0 : i];
    if (reviewed[i] === undefined) throw new InputError("--reviewed", messages.required());
    if (found[i] === undefined) throw new InputError("--found", messages.required());
    return {
      period,
      reviewed: reviewed[i],
      found: found[i],
      ...(flagged[i] === undefined ? {} : { flagged: flagged[i] }),
      ...(windowCases[i] === undefined ? {} : { cases: windowCases[i] }),
      ...(unflagged[i] === undefined ? {} : { unflagged: unflagged[i] }),
      ...(unflaggedReviewed[i] === undefined ? {} : { unflaggedReviewed: unflaggedReviewed[i] }),
      ...(unflaggedFound[i] === undefined ? {} : { unflaggedFound: unflaggedFound[i] }),
      ...(selection === undefined ? {} : { selection }),
    };
  });
  const cases = parseNumber("--cases", argv.cases);
  return {
    name: single("--name", argv.name) ?? "command-line scenario",
    span,
    windows,
    ...(cases === undefined ? {} : { cases }),
    ...(volume === undefined ? {} : { volume }),
  };
}

/** The options given once per --window (long names). */
export const PER_WINDOW = [
  "window",
  "window-cases",
  "flagged",
  "reviewed",
  "found",
  "unflagged",
  "unflagged-reviewed",
  "unflagged-found",
  "selection",
] as const;

const WINDOW_FIELD_FLAGS: Readonly<Record<string, string>> = {
  period: "--window",
  cases: "--window-cases",
  flagged: "--flagged",
  reviewed: "--reviewed",
  found: "--found",
  unflagged: "--unflagged",
  unflaggedReviewed: "--unflagged-reviewed",
  unflaggedFound: "--unflagged-found",
  selection: "--selection",
};

/**
 * The CSV line of each --volume row, for `locateScenarioError`: blank lines and quoted line breaks put a
 * row on a later line than its index says.
 */
const VOLUME_LINES = new WeakMap<ArgumentsCamelCase, readonly number[]>();

/**
 * Re-words a scenario error so that it names what the user wrote: the flag (and which --window) when the
 * scenario came from flags, the CSV line for a --volume row, the file or example otherwise.
 */
export function locateScenarioError(error: unknown, argv: ArgumentsCamelCase): unknown {
  if (!isInputError(error)) return error;
  const file = single("--scenario", argv.scenario);
  const example = single("--example", argv.example);
  if (file !== undefined || example !== undefined) {
    if (/^[a-z][A-Za-z]*$/.test(error.field) && argv[error.field] !== undefined) return error;
    return new InputError(`${file ?? `example ${example}`}: ${error.field}`, error.detail);
  }
  const several = list(argv.window).length > 1;
  const rename = (text: string) =>
    text.replace(/windows\[(\d+)\](?:\.(\w+))?/g, (_, i: string, key?: string) => {
      const which = several ? ` (window ${Number(i) + 1})` : "";
      return key ? `${WINDOW_FIELD_FLAGS[key] ?? key}${which}` : `--window${which}`;
    });
  const volume = /^volume\[(\d+)\]\.(\w+)$/.exec(error.field);
  const line = volume ? VOLUME_LINES.get(argv)?.[Number(volume[1])] : undefined;
  if (volume && line !== undefined && typeof argv.volume === "string") {
    return new InputError("--volume", messages.fileLine(argv.volume, line, `${volume[2]} ${error.detail}`));
  }
  if (error.field === "volume" && typeof argv.volume === "string")
    return new InputError(`--volume ${argv.volume}`, error.detail);
  if (/^windows\[/.test(error.field)) return new InputError(rename(error.field), rename(error.detail));
  return error;
}

/** Whether the command line describes a scenario (chart draws some charts without one). */
export function usesScenario(argv: ArgumentsCamelCase): boolean {
  return (
    argv.example !== undefined ||
    argv.scenario !== undefined ||
    argv.window !== undefined ||
    argv.span !== undefined ||
    caseFileOf(argv) !== undefined
  );
}

/** The files the scenario was read from, which an output must never overwrite. */
export function scenarioInputFiles(argv: ArgumentsCamelCase): string[] {
  return [argv.scenario, argv.volume, caseFileOf(argv)].filter(
    (x): x is string => typeof x === "string" && x !== "-",
  );
}

/** The assessment of the scenario the command line describes; errors name what the user wrote. */
export async function assessmentFromArgs(argv: ArgumentsCamelCase, io: Io): Promise<Assessment> {
  if (caseFileFlag(argv)?.flag === "--cases") io.err(`adequacy: note: ${messages.casesAsFile()}\n`);
  const input = await scenarioFromArgs(argv);
  const { assessInvestigation } = await import("../investigation/assessInvestigation.js");
  try {
    return assessInvestigation(input);
  } catch (error) {
    throw locateScenarioError(error, argv);
  }
}
