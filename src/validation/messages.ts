import { formatCases, formatConfidence, formatPercent, roundSignificant } from "../text/format.js";
import { formatDecimal } from "../text/formatDecimal.js";

/**
 * Every user-facing error and warning text, in one place (tests assert against these builders).
 * Each builder returns the part after the field's name, so that the library can name an option
 * (`found`), the CLI a flag (`--found`) and a scenario a path (`windows[0].found`) with the same words.
 */
export const messages = {
  notANumber: (raw: string) => `must be a number; got ${quote(raw)}`,
  notFinite: (raw: string) => `must be a finite number; got ${quote(raw)}`,
  underflow: (raw: string) =>
    `is too small for a double-precision number (it would read as 0); got ${quote(raw)}`,
  beyondPrecision: (raw: string, read: number) =>
    `has more digits than a double-precision number holds: it would read as the whole number ${read}; got ${quote(raw)}`,
  notWhole: (value: number) => `must be a whole number; got ${value}`,
  wholeInRange: (min: number, max: number | string, value: number) =>
    `must be a whole number from ${min} to ${describeMax(max)}; got ${value}`,
  openUnit: (value: number) =>
    `must be strictly between 0 and 1; got ${value}${value > 1 && value < 100 ? ` (for ${value}%, write ${value / 100} or ${value}%)` : ""}`,
  confidenceBelowHalf: (value: number) =>
    `must be at least 0.5 (50%) and below 1: a bound at a lower confidence is more likely wrong than right; got ${value}${confidenceHint(value)}`,
  halfOpenUnit: (value: number) => `must be greater than 0 and at most 1; got ${value}`,
  closedUnit: (value: number) => `must be from 0 to 1; got ${value}`,
  positive: (value: number) => `must be greater than 0; got ${value}`,
  driftRange: (value: number) =>
    `must be greater than 0 and at most 1000 (the outside rate at most 1,000 times the window's); got ${value}`,
  selectionBiasNeedsPerfectReview: () =>
    "The selection-bias sensitivity is not computed when the screening or review sensitivity is below 1 (the two models are not combined).",
  biasRange: (value: number) =>
    `must be from 0.001 to 1000 (1 is random selection; 2 means an affected case was half as likely to be picked); got ${value}`,
  oneOf: (allowed: readonly string[], value: unknown) =>
    value === undefined
      ? `is required: give one of ${allowed.join(", ")}`
      : `must be one of ${allowed.join(", ")}; got ${quote(String(value))}`,
  required: () => "is required",
  requiredWith: (flag: string) => `is required with ${flag} (it gives the window that flag describes)`,
  giveChartKind: (kinds: readonly string[]) =>
    `give the kind of chart to draw: ${kinds.slice(0, -1).join(", ")} or ${kinds.at(-1)}`,
  keyGivenTwice: (key: string) => `the key ${quote(key)} is given more than once; give it once`,
  aliasBomb: (path: string, limit: number) =>
    `${path}: refused: its YAML aliases expand to more than ${limit} copies (an "alias bomb"); write the values out`,
  stratumGivenTwice: (label: string) => `names the stratum ${quote(label)} more than once; give it once`,
  combinedBeyondCount: (total: bigint) =>
    `populations add up to ${total.toLocaleString("en-US")}, more than ${formatDecimal(Number.MAX_SAFE_INTEGER)} (2^53 − 1), the largest count computed exactly; appraise fewer or smaller strata together`,
  ratesDiffer: (statistic: string, df: number, p: string, rough: boolean) =>
    `The windows' rates differ more than chance allows (Pearson's chi-square ${statistic} on ${df} degrees of freedom, p = ${p}${rough ? ", approximate: some expected counts are below 5" : ""}): the data contradict the constant-rate assumption on which the extrapolation rests.`,
  totalBeyondCount: (total: number) =>
    `cases add up to ${formatDecimal(total)}, more than ${formatDecimal(Number.MAX_SAFE_INTEGER)} (2^53 − 1), the largest count computed exactly`,
  driftRowsBeyondCount: (drifts: readonly number[], largest: number) =>
    `The drift ${drifts.length === 1 ? "row" : "rows"} θ = ${drifts.join(", ")} ${drifts.length === 1 ? "is" : "are"} not computed: θ times the cases outside the windows, with the cases in them, would exceed ${formatDecimal(Number.MAX_SAFE_INTEGER)} (2^53 − 1), the largest count computed exactly; θ up to ${floorSignificant(largest)} can be computed here.`,
  tippingPointSearchedTo: (drift: number) =>
    `The tipping point was searched up to θ = ${floorSignificant(drift)}: beyond it the counts exceed ${formatDecimal(Number.MAX_SAFE_INTEGER)} (2^53 − 1), the largest computed exactly, so larger θ were not searched.`,
  needsDriftRow: (builder: string) =>
    `${builder} needs a drift row: each θ given exceeds 2^53 − 1 cases, the largest count computed exactly`,
  noDriftRowComputed: () =>
    "gives no drift value whose row can be computed exactly (each exceeds 2^53 − 1 cases; see the assessment's warnings): give a smaller θ",
  /** The largest θ a tipping-point search reached, as a sentence cites it (rounded down). */
  driftSearched: (searchedTo: number) => `θ = ${floorSignificant(searchedTo)}`,
  tippingPointNotReached: (searchedTo: number | null) =>
    searchedTo === null
      ? "not reached at any plausible rate"
      : `not reached up to θ = ${floorSignificant(searchedTo)} (larger θ not computed exactly)`,
  reviewedBeyondProRated: (reviewed: number, stage: number, field: string) =>
    `(${reviewed}) is more than the window's ${stage} cases, pro-rated from the cases over the span; give the window's own count (${field})`,
  noColumn: (name: string | undefined, header: readonly string[]) =>
    `has no column "${name}"; the header is ${cut(header.map((h) => `"${h}"`).join(", "))}`,
  noUsableRow: (
    rowsRead: number,
    rejected: readonly { line: number; reason: string }[],
    position: "line" | "row" = "line",
  ) =>
    rowsRead === 0
      ? "has no usable row: it has a header but no rows"
      : `has no usable row: ${rowsRead === 1 ? "its only row was" : `all ${formatDecimal(rowsRead)} rows were`} rejected: ${rejected
          .map((r) => `${position} ${r.line}: ${r.reason}`)
          .join("; ")}${rowsRead > rejected.length ? "; …" : ""}`,
  volumeFlaggedPartial: () =>
    "is required when another period of the volume profile gives flagged (give it for every period, or for none)",
  volumeFlaggedWindow: () =>
    "is required when the volume profile gives flagged (the flagged cases are then counted everywhere)",
  volumeFlaggedBoundaries: (window: string) =>
    `(${window}) must start and end on the volume profile's period boundaries when the profile gives flagged`,
  volumeFlaggedDisagrees: (window: number, profile: number) =>
    `(${formatDecimal(window)}) differs from the flagged cases the volume profile gives for the window's periods (${formatDecimal(profile)}); make them agree`,
  givenTwice: () => "was given more than once; give it once",
  emptyPath: () => "needs the path of a file or folder; got an empty value",
  needsValue: (flag: string, next: string | undefined) =>
    next === undefined || !next.startsWith("-")
      ? "needs a value"
      : `needs a value; to give one that starts with "-", write ${flag}=${next}`,
  notAnOption: (command: string | undefined) =>
    command === undefined ? "is not an option of adequacy" : `is not an option of adequacy ${command}`,
  notAnArgument: (command: string) => `is not an argument of adequacy ${command}`,
  needsReviewedWindow: (builder: string) =>
    `${builder} needs an assessment with at least one reviewed window`,
  needsElusionSample: (builder: string) => `${builder} needs an assessment with an elusion sample`,
  noReferenceStarting: (starts: string) => `docs/methods.md lists no reference starting "${starts}"`,
  notACommand: (suggestion?: string) =>
    `is not a command${suggestion === undefined ? "" : `; did you mean ${suggestion}?`}`,
  wrongType: (expected: string, value: unknown) => `must be ${expected}; got ${describeType(value)}`,
  exclusive: (other: string) => `cannot be given together with ${other}`,
  needsOneOf: (options: readonly string[]) => `needs one of ${options.join(" or ")}`,
  onlyWith: (other: string) => `applies only with ${other}`,
  cannotRead: (path: string, code: string) => `cannot read "${path}": ${fileProblem(code, "file")}`,
  cannotWrite: (path: string, code: string) => `cannot write "${path}": ${fileProblem(code, "folder")}`,
  needs: (other: string) => `needs ${other}`,
  expectedNotBelowTolerable: (expected: number, tolerable: number) =>
    `(${expected}) must be below the tolerable rate (${tolerable}); no sample size can show a rate below its expected value`,
  planUnreachable: (limit: number, reason: string) =>
    `cannot be met: no sample size up to ${formatDecimal(limit)} reaches it (${reason})`,
  precisionScanTooLong: (limit: number) =>
    `asks for more than ${formatDecimal(limit)} cases; widen the precision (the search steps through every sample size)`,
  countTailsTooWide: (limit: number, found: number, sample: number) =>
    `and sample − found must not both exceed ${formatDecimal(limit)} for exact count bounds (their tails are summed term by term); got ${formatDecimal(found)} found in ${formatDecimal(sample)}. A rate bound without a population answers at any size`,
  planSearchTooLong: (expectedRate: number, steps: number) =>
    `is too close to the tolerable rate: the search for the smallest sample allowing ⌈n × ${expectedRate}⌉ affected did not settle in ${formatDecimal(steps)} steps; use an expected rate further below the tolerable rate`,
  detectionUnreachable: (best: number, confidence: number) =>
    `cannot be met: even reviewing every case finds one with a chance of only ${formatPercent(best)}, below the ${formatConfidence(confidence)} asked for`,
  ratePlanUnreachable: (observed: string, tolerable: string) =>
    `No review keeps the rate's upper bound below ${tolerable}: the rate observed in the windows (${observed}, after the sensitivities) is not below it, so even a review of every case would not; every period is shown as a census.`,
  noSampleSizeCurve: (reason: string) =>
    `gives no rate plan to draw as sample-size: ${reason === "" ? "no sample keeps the rate's upper bound below a tolerable rate under 100%" : reason} Give a tolerable rate the windows can rule out.`,
  detectionPlanUnreachable: (affected: string, confidence: string, population: string, best: string) =>
    `No random sample finds at least one affected case with ${confidence} probability if ${affected} were affected: even reviewing all ${population} finds one with a chance of only ${best}, because not every affected case reviewed is recognised (the sensitivities).`,
  flaggedOutsideEstimated: (count: string, rate: string) =>
    `The flagged cases outside the windows (${count}) are estimated, not counted: the windows' flag rate (${rate}) applied to the cases given there. Give flagged per period of the volume profile (a case file does) to use counts.`,
  windowWithoutReview: () => "has no reviewed flagged case in the case file",
  reviewedOutsideWindows: (count: number, first: string) =>
    `does not cover ${formatDecimal(count)} reviewed case${count === 1 ? "" : "s"} of the case file (the first on ${first}); every reviewed case must lie in a window`,
  caseFileCounts: () =>
    "cannot be combined with a case file: the counts come from its rows (give --window to state the review's window)",
  caseFileScenarioWindows: () =>
    "must be empty with a case file: the windows come from its rows or from --window",
  caseFileWindowsGiven: () => "Windows as given with --window, with their counts from the rows.",
  caseFileWindowsDerived: (labels: readonly string[]) =>
    `Windows derived from the rows: each run of consecutive calendar months with reviewed cases (${labels.join("; ")}); give --window to state the review's own.`,
  caseFileSpanDerived: () => "the case file's first to last date (give --span to state the exposure period)",
  caseFileVolumeCounted: (flagged: boolean) =>
    `counted from the case file's rows: cases${flagged ? " and flagged cases" : ""} per calendar month, split where a window starts or ends`,
  caseFileWindowDerived: () =>
    "a run of consecutive calendar months with reviewed cases in the case file (give --window to state the review's own window)",
  caseFileWindowGiven: () => "given with --window; its counts are taken from the case file's rows",
  caseFileWindowCounted: () =>
    "counted from the case file's rows in the window (cases, flagged, reviewed and found)",
  outsideStageLabel: (basis: "given" | "flagRate" | "perDay") =>
    basis === "given"
      ? "Outside the window (given)"
      : basis === "flagRate"
        ? "Outside the window, estimated from the flag rate"
        : "Outside the window, estimated per day",
  timelineVolume: (unit: string, basis: "given" | "flagRate" | "perDay", outside: boolean) =>
    !outside || basis === "given"
      ? `Monthly ${unit}`
      : basis === "flagRate"
        ? `Monthly ${unit} outside the windows are estimated from the windows' flag rate (no flagged counts given there)`
        : `Monthly ${unit} outside the windows are estimated from the windows (no case volumes given)`,
  caseDateAmbiguous: (text: string, readings: readonly string[]) =>
    readings.length === 2
      ? `date "${text}" could be day/month/year or month/day/year; give --date-format dmy or --date-format mdy`
      : readings.length === 1
        ? `date "${text}" reads only as ${readings[0] === "dmy" ? "day/month/year" : "month/day/year"}; give --date-format ${readings[0]} (dates with day and month first are never guessed)`
        : `date "${text}" is not a calendar date in any order of day and month`,
  caseDateFormat: (text: string, format: string | undefined) =>
    `date must be YYYY-MM-DD, YYYY-MM or an ISO timestamp${format === undefined ? " (or give --date-format dmy or mdy for day and month first)" : format === "dmy" ? ", or DD/MM/YYYY" : ", or MM/DD/YYYY"}; got "${text}"`,
  caseDateTime: (text: string, part: string) =>
    `date has an impossible ${part === "zone" ? "time zone (beyond ±14:00)" : "time of day"}: "${text}"`,
  sheetNotFound: (sheet: string, sheets: readonly string[]) =>
    sheets.length === 0
      ? `has no sheet ${quote(sheet)}: the workbook has no sheets`
      : `has no sheet ${quote(sheet)}; ${sheetChoice(sheets)}`,
  noSheets: () =>
    "has no sheets: no --sheet was given, so the first sheet was to be read, and the workbook has none (save the cases on a sheet, or as CSV)",
  sheetUnreadable: (sheet: string | undefined, sheets: readonly string[]) =>
    `${sheet === undefined ? `cannot be read on its first sheet${sheets[0] === undefined ? "" : `, ${quote(sheets[0])}`} (no --sheet was given, so the first sheet was read)` : `cannot be read on sheet ${quote(sheet)}`}: the sheet is missing from the workbook or malformed; ${sheets.length === 0 ? "the workbook lists no sheets" : sheetChoice(sheets)}`,
  notAWorkbook: (legacy: boolean) =>
    legacy
      ? "is a legacy .xls workbook, which is not read; save it as .xlsx (or export the sheet as CSV)"
      : "is not a readable .xlsx workbook",
  casesAsFile: () =>
    "--cases with a file name is read as a case file; write --case-file FILE (--cases takes the number of cases)",
  standardInput: () => "standard input",
  casesFileFlag: () =>
    "--cases FILE is read as the case file; write --case-file FILE, as in assess (where --cases is the number of cases)",
  casesCountHere: (command: "appraise" | "select", count: string) =>
    `is a number of cases (${count}), which ${command} does not take: give the case file with --case-file FILE${command === "select" ? `, or --frame ${count} for cases numbered 1 to ${count}` : ""}`,
  numberInRange: (low: number, lowOpen: boolean, high: number, highOpen: boolean, value: number) =>
    `must be ${lowOpen ? "greater than" : "at least"} ${low} and ${highOpen ? "below" : "at most"} ${high}; got ${value}`,
  intervalShape: (text: string) =>
    `must be an interval "start/end" of dates YYYY-MM-DD or months YYYY-MM, or one month YYYY-MM; got "${text}"`,
  // Dates and intervals (a scenario's span and periods, --span, --window, a case file's dates).
  dateShape: (text: string) => `must be a date YYYY-MM-DD or a month YYYY-MM; got "${text}"`,
  noSuchMonth: (month: string, text: string) => `has no month ${month}: "${text}"`,
  notACalendarDate: (text: string) => `is not a calendar date: "${text}"`,
  intervalParts: (text: string) =>
    `must be an interval "start/end", e.g. "2019-01-01/2024-02-29"; got "${text}"`,
  intervalBackwards: (text: string) => `ends before it starts: "${text}"`,
  intervalNotText: (type: string) => `must be an interval "start/end"; got ${type}`,
  // A scenario's shape, and the checks between its fields.
  unknownKeys: (keys: readonly string[]) =>
    `has unknown key${keys.length > 1 ? "s" : ""} ${keys.map((key) => `"${key}"`).join(", ")}`,
  notAUrl: (value: string) => `must be a URL with its scheme, such as "https://…"; got ${quote(value)}`,
  listsNothing: () => "must list at least one value",
  requiredAlong: (other: string, alternative?: string) =>
    `is required with ${other}${alternative === undefined ? "" : ` (or give ${alternative})`}`,
  withinSpan: (period: string, span: string) => `(${period}) must lie within the span (${span})`,
  overlapsWindow: (window: string, period: string) => `overlaps ${window} (${period})`,
  overlapsVolume: () => "overlaps an earlier period of the volume profile",
  volumeGap: (period: string) => `must cover the span; nothing is given for ${period}`,
  casesDisagreeWithVolume: (cases: number, total: number) =>
    `(${cases}) differs from the volume profile's total (${total}); give one or make them agree`,
  volumeEmpty: () => "has no cases",
  flaggedInEveryWindow: () => "is required when another window gives flagged",
  windowNeedsCases: () => "needs flagged or cases (or give the span's cases or a volume profile)",
  screeningNeedsFlagged: () => "applies only when the windows give flagged",
  screeningNeedsCases: (window: string) =>
    `below 1 needs the cases in every window (${window}, the span's cases or a volume profile), to count the cases the screen did not flag`,
  elusionNeedsFlagged: () => "applies only when the windows give flagged (a screen)",
  elusionTwice: (window: string) =>
    `cannot be given together with ${window}; give the elusion sample per window or across the span`,
  elusionWithScreening: (elusion: string) =>
    `cannot be given together with ${elusion}: the elusion sample measures the screen's recall`,
  unflaggedDisagrees: (given: number, at: string, derived: number) =>
    `(${given}) must equal ${at}cases − ${at}flagged (${derived})`,
  // Refusals of the command line and of the files it reads.
  requiredOr: (alternative: string) => `is required (or give ${alternative})`,
  requiredBy: (what: string) => `is required by ${what}`,
  numberFromTo: (low: number, high: number, value: number) => `must be from ${low} to ${high}; got ${value}`,
  onlyToMethod: (method: string, given?: string) =>
    `applies only to --method ${method}${given === undefined ? "" : `, not ${given}`}`,
  onlyToCountBounds: () => "applies only to count bounds (give --population)",
  confidenceOnlyWithoutSample: () => "applies only without --sample (when asking for a sample size)",
  stratumShape: (text: string) => `must be N,n,found or LABEL:N,n,found; got "${text}"`,
  twoStageUnitShape: (text: string) =>
    `must be M,m,found or LABEL:M,m,found (cases in the unit, examined, affected); got "${text}"`,
  exampleName: (names: readonly string[], name: string) => `name ${oneOfText(names, name)}`,
  chartOutExtension: (got: string) =>
    `needs an extension .vl.json, .svg, .png or .html (or give --format); got "${got}"`,
  scenarioNeededToDraw: (kind: string) => `or --scenario or --span with --window is needed to draw ${kind}`,
  scenarioNeededByChartAll: () => "or --scenario or --span with --window is needed by chart all",
  noWindowToDraw: (kind: string) =>
    `gives no reviewed window, so there is no ${kind} chart to draw (try timeline, power or sample-size)`,
  screenChartNeedsElusion: () =>
    "is needed to draw screen: the scenario gives no elusion sample of the unflagged cases",
  selectionBiasChartNeedsBiases: () =>
    "is needed to draw selection-bias (for example --selection-bias 1,1.5,2,3,5,10), with sensitivities of 1",
  selectionBiasChartNeedsWindow: () =>
    "selectionBiasChart needs an assessment with a reviewed window and sensitivities of 1",
  outDirOnlyForAll: () => "applies only to chart all; use --out",
  outRequiredForPng: () => "is required for PNG (binary output is not written to the terminal)",
  outRequiredForPdf: () => "is required for PDF",
  chromiumMissing: (looked: string) =>
    `cannot make a PDF: no Chromium found (looked at ${looked}). Install it (Debian or Ubuntu: apt-get install chromium) or set CHROMIUM_PATH, or use --format html and print that page.`,
  chromiumFailed: (chromium: string, detail: string) =>
    `Chromium (${chromium}) could not print the PDF: ${detail}`,
  lineColumn: (line: number, column: number) => ` line ${line}, column ${column}`,
  notValidJson: (path: string, where: string, reason: string) =>
    `${path}${where}: not valid JSON (${reason})`,
  notValidYaml: (path: string, where: string, reason: string) =>
    `${path}${where}: not valid YAML (${reason})`,
  scenarioFileExtension: (path: string) => `must be a .json, .yaml or .yml file; got "${path}"`,
  notAScenarioObject: (file: string) => `${file}: must hold a scenario object (see adequacy schema)`,
  notValidCsv: (path: string, line: number | undefined, reason: string) =>
    `${path}${line ? ` line ${line}` : ""}: not valid CSV (${reason})`,
  volumeHeader: (path: string) => `${path}: needs a header row with columns period and cases`,
  volumeCasesNotWhole: (line: number, text: string) =>
    `line ${line}: cases must be a whole number of 0 or more; got "${text}"`,
  volumePeriodEmpty: (line: number) => `line ${line}: period is empty`,
  volumeBadRows: (path: string, count: number, listed: readonly string[], more: number) =>
    `${path} has ${count} bad row${count > 1 ? "s" : ""}: ${listed.join("; ")}${more > 0 ? `; and ${more} more` : ""}`,
  volumeNoRows: (path: string) => `${path}: has no rows`,
  fileLine: (path: string, line: number, detail: string) => `${path} line ${line}: ${detail}`,
  rowsRejected: (
    path: string,
    rejected: number,
    read: number,
    listed: readonly { position: string; line: number; reason: string }[],
    more: number,
  ) =>
    `${path}: ${rejected} of ${read} rows rejected (give --skip-invalid to leave them out): ${listed
      .map((r) => `${r.position} ${r.line}: ${r.reason}`)
      .join("; ")}${more > 0 ? `; and ${more} more` : ""}`,
  countPerWindow: (given: number, windows: number) =>
    `was given ${given === 1 ? "once" : `${given} times`} for ${windows} windows; give it once per --window, in the same order`,
  caseFileWithExample: () => "with a case file cannot be combined with --example",
  flagWithScenario: (source: string) =>
    `cannot be combined with ${source}; edit the scenario instead (adequacy example NAME prints one as YAML)`,
  selectionPerWindow: () => "give it once for all windows, or once per --window",
  wouldOverwriteInput: (path: string) => `would write over the input file "${path}"; choose another name`,
  csvInvalidAt: (line: number, reason: string) => `line ${line}: not valid CSV (${reason})`,
  quotedFieldOpen: (line: number) => `line ${line}: a quoted field is never closed`,
  noHeaderRow: () => "is empty: no header row",
  noRowAtAll: () => "has no usable row",
  needsStratum: () => "needs at least one stratum",
  stratifyNeedsCaseFile: () => "needs --case-file: a frame of N has no dates",
  sizesPerStratum: (sizes: number, strata: number) => `gives ${sizes} sizes for ${strata} strata`,
  // Lines the command line writes besides its results.
  wrote: (path: string) => `wrote ${path}`,
  wroteSelection: (path: string, cases: number, seed: string) =>
    `wrote ${path}: ${cases} cases (seed ${seed})`,
  seedGenerated: (seed: string) => `seed ${seed} (generated); give --seed ${seed} to repeat this selection`,
  usageHelp: (help: string, command: boolean) =>
    `Run '${help}' for ${command ? "its options" : "the commands and their options"}.`,
  internalError: (message: string) =>
    `internal error: ${message}\nPlease report this with the command you ran.`,
  caseFileRead: (
    path: string,
    read: number,
    used: number,
    rejected: number,
    listed: readonly { position: string; line: number; reason: string }[],
    more: boolean,
  ) =>
    `Case file ${path}: ${formatDecimal(read)} rows read, ${formatDecimal(used)} used, ${formatDecimal(rejected)} rejected${
      rejected === 0
        ? "."
        : ` (left out with --skip-invalid): ${listed.map((r) => `${r.position} ${r.line}: ${r.reason}`).join("; ")}${more ? "; …" : ""}.`
    }`,
  elusionToleratesFewer: (tolerated: number, allowed: number) =>
    `it tolerates ${formatDecimal(tolerated)} affected unflagged case${tolerated === 1 ? "" : "s"}, fewer than the ${formatDecimal(allowed)} allowed`,
  sidedDefault: (command: "bound" | "appraise" | "assess") =>
    command === "assess"
      ? "One-sided (upper) is assess's default: it asks how many could have been missed. bound and appraise default to two-sided ranges; give --sided two for two-sided bounds here."
      : `Two-sided is ${command}'s default: it asks how many are affected, as a range. assess defaults to one-sided upper bounds (how many could have been missed); give --sided upper for a one-sided bound here.`,
  seedText: (seed: string) =>
    `must be text without control characters or blanks at either end (the sha256 generator hashes it as typed); got ${quote(seed)}`,
  seedNumber: (seed: string) =>
    `must be a number, as RAT-STATS reads its seed (e.g. 48863.78); got ${quote(seed)}`,
  tooManyDraws: (draws: number, max: number) =>
    `asks for ${formatDecimal(draws)} cases with the spares; one selection draws at most ${formatDecimal(max)}`,
  tooManyRepeats: (generator: string, expected: number, max: number) =>
    `needs about ${formatDecimal(Math.round(expected))} draws with ${generator}, which skips repeats; it makes at most ${formatDecimal(max)}: draw fewer cases, or use the xoroshiro generator (a shuffle, which draws each case once)`,
  noReviewedPeriod: () => "has no period with a reviewed case to appraise",
  idsTooLong: (max: number) =>
    `has ids of more than ${formatDecimal(max)} bytes in all, more than a selection keeps; select from a file with shorter ids or fewer rows`,
  sizesFormat: (part: string) => `must be LABEL=n,LABEL=n; got ${quote(part)}`,
  unknownStrata: (unknown: readonly string[], strata: readonly string[]) =>
    `names strata that do not exist: ${unknown.join(", ")} (strata: ${strata.join(", ")})`,
  notThisFrame: () => "is not the case file this selection was drawn from (its SHA-256 or row count differs)",
  ratStatsFrame: (frame: number, max: number) =>
    `has ${formatDecimal(frame)} cases; the rat-stats generator takes frames of at most ${formatDecimal(max)} (beyond that its 6.95 × 10^12 states are too few to reach every case about equally often)`,
  portInUse: (port: number) => `${port} is in use; give another port, or 0 for any free one`,
  portRefused: (port: number) =>
    `${port} may not be used by this user; give a port from 1024 to 65535, or 0 for any free one`,
  webAppNotBuilt: (folder: string) => `the web calculator is not built in ${folder}; run npm run build:web`,
  webAppServing: (url: string) =>
    `The calculator is at ${url} (it computes in the browser). Ctrl-C stops it.`,
  // Warnings attached to results.
  waldDegenerate: (found: number, sample: number) =>
    `Wald interval degenerates at ${found} of ${sample}: its width is zero, which claims certainty the data do not give; use clopper-pearson or wilson.`,
  poissonClipped: () => "the Poisson bound exceeded a rate of 1 and was clipped to 1.",
  periodsNotSampled: (
    labels: readonly string[],
    population: number,
    counted: "flagged" | "cases",
    all: number,
  ) => {
    const noun = (count: number) =>
      counted === "flagged" ? formatCases(count, "flagged case") : formatCases(count);
    const listed =
      labels.length <= 10
        ? labels.join(", ")
        : `${labels.slice(0, 9).join(", ")} and ${formatDecimal(labels.length - 9)} more`;
    return `Not sampled: ${listed}. No case was reviewed in these months, so none of their ${noun(population)} could be selected and the review says nothing about them: 0 to ${formatDecimal(population)} could be affected (assumption-free). The strata and the combined figures cover the sampled months only; the total over all ${noun(all)} adds that range.`;
  },
  // A stratum's or unsampled part's label: a calendar period and, when only part of it, its months.
  periodPart: (period: string, months: readonly string[]) => `${period} (${months.join(", ")})`,
  monthRun: (first: string, last: string) => `${first} to ${last}`,
  appraisalTotalTitle: (population: number, counted: "flagged" | "cases") =>
    `All ${counted === "flagged" ? formatCases(population, "flagged case") : formatCases(population)}: sampled and not sampled`,
  appraisalTotalNote: () =>
    `Total: the exact limits over the sampled months plus the assumption-free range of the months not sampled, which hold between none and all of their cases. It covers the total of the whole file at the stated confidence whatever the months not sampled hold, assuming random selection only within the sampled months. Cite it for the file as a whole; the combined figures above are for the sampled months only.`,
  notSampledRange: (population: number, counted: "flagged" | "cases", sided: "two" | "upper") =>
    `${counted === "flagged" ? formatCases(population, "flagged case") : formatCases(population)}, none reviewed: ${sided === "two" ? `0 to ${formatDecimal(population)}` : `at most ${formatDecimal(population)}`} affected (assumption-free)`,
  sparesShort: (stratum: string, available: number, asked: number) =>
    `stratum ${stratum} has only ${available} case${available === 1 ? "" : "s"} left after its sample, so it has ${available} spare${available === 1 ? "" : "s"}, not ${asked}.`,
  bundleStandardInput: (flag: string) =>
    `cannot record standard input (${flag} -) in a bundle; save it to a file and name that file`,
  bundleExists: (dir: string) =>
    `cannot be "${dir}": it exists and is not empty; a bundle is written into a new folder`,
  bundleReplayFailed: (code: number, stderr: string) =>
    `replaying the command inside the bundle ended with exit code ${code}: ${stderr.trim()}`,
  bundleWritten: (dir: string, files: number) =>
    `wrote the audit bundle ${dir} (${files} files); check it with: adequacy verify ${dir}`,
  bundleNotAFolder: () => "is not a folder holding an audit bundle",
  bundleUnreadable: (path: string) =>
    `is not an audit bundle that adequacy can read: "${path}" is missing or not as adequacy writes it`,
  bundleUnsafe: (what: string) =>
    `is not replayed: its command names ${what}, outside the bundle's inputs/ and outputs/ folders`,
  bundleNeedsInput: (given: string, sha256: string) =>
    `is needed: the bundle left out the case file "${given}" (SHA-256 ${sha256}); give it with --input PATH`,
  bundleInputUnused: (path: string) =>
    `"${path}" is none of the files the bundle left out (its SHA-256 matches none of theirs)`,
  seedGeneratedForBundle: (seed: string) =>
    `seed ${seed} (generated, and kept in the bundle's command); give --seed ${seed} to repeat this selection`,
  verifyTitle: (dir: string) => `Audit bundle ${dir}`,
  verifyCommand: (command: string) => `Command: ${command}`,
  verifyVersions: (recorded: string, current: string) =>
    recorded === current
      ? `Recorded and recomputed with sampling-adequacy ${current}`
      : `Recorded with sampling-adequacy ${recorded}, recomputed with ${current}: figures may differ where a method changed between the versions`,
  verifyFiles: (intact: number, total: number) =>
    `Files: ${intact} of ${total} intact (SHA-256 as the manifest records)`,
  verifyFileProblem: (path: string, integrity: string) =>
    integrity === "unlisted"
      ? `  ${path}: not in the manifest (added after the bundle was written)`
      : `  ${path}: ${integrity === "missing" ? "missing" : "changed since the bundle was written"}`,
  verifyOutput: (path: string, status: string, figures: number) =>
    `  ${path}: ${status}${figures > 0 ? ` (${figures.toLocaleString("en-GB")} figure${figures === 1 ? "" : "s"} compared)` : ""}`,
  verifyDifference: (where: string, bundle: string, recomputed: string) =>
    `    ${where}: the bundle has ${bundle}, recomputed ${recomputed}`,
  verifyMoreDifferences: (more: number) => `    … and ${more} more`,
  verifyNotCompared: () =>
    "  (a PDF is not compared byte for byte: Chromium stamps it with the time it was printed)",
  verifyPassed: () => "Verdict: every file intact and every output reproduced.",
  verifyFailed: () => "Verdict: NOT verified: a file was changed or a figure was not reproduced (see above).",
  verificationFailed: (dir: string) => `the audit bundle ${dir} did not verify`,
  twoStageAssumptions: (ratio: boolean) =>
    `A normal approximation (RAT-STATS two-stage appraisal): it assumes the units were drawn at random and the cases within each unit at random, and its coverage is not guaranteed; with few units or rates near 0% or 100% it can fall well below the stated confidence.${ratio ? " The universe's case count was not given, so the rate is a ratio estimate and no total is projected (give --universe for one)." : ""}`,
  twoStageDegenerate: () =>
    "The limits have zero width: every unit found the same share and none varies within, a certainty the sample does not give; it says nothing about how many cases could be affected.",
  twoStageOutsidePossible: () =>
    "The approximation left the possible range and is shown cut off at its end (never below the cases found, nor above every case not found unaffected).",
  twoStageUnit: () => "must be M,m,found or LABEL:M,m,found (cases in the unit, examined, affected)",
  twoStageTooFewUnits: (units: number) =>
    `needs at least two sampled units (the variance between units divides by n − 1); got ${units}`,
  twoStageSampleOfOne: () =>
    "must be at least 2 unless the whole unit is examined (the variance within a unit divides by m − 1)",
  // Warnings an assessment attaches.
  notShownRandom: (window: string, reviewed: number, selection: string) =>
    `${window}: the ${reviewed} reviewed cases were not shown to be a random sample (selection: ${selection}); the model-based bounds assume they were, and the assumption-free range treats every unreviewed case as possibly affected.`,
  casesProRated: (window: string, cases: number) =>
    `${window}: its case count (${cases}) is pro-rated from the volume profile, not given.`,
  noCaseVolumes: (unit: string, outside: number) =>
    `No case volumes are given: the ${unit} outside the windows (${formatDecimal(outside)}) are estimated by assuming the same number per day as in the windows.`,
  unrestrictedCountsStageOnly: (unit: string) =>
    `The assumption-free range outside the windows counts only the estimated ${unit} there: the total number of cases outside the windows is not given.`,
  beyondSensitivity: (review: number, screening: number) =>
    `More affected cases were recognised than a review sensitivity of ${formatDecimal(review, 0, 4)} and a screening sensitivity of ${formatDecimal(screening, 0, 4)} make plausible even if every case was affected; the lower bound is reported at that maximum. Check the stated sensitivities.`,
  jointLimitUndecided: () =>
    "The joint limit over the windows kept a total its search could not decide within its work limit: it holds at the stated confidence, but may be a few cases wider than the exact joint limit.",
  driftImplausible: () =>
    "Some drift values imply an outside rate above 100% at the upper bound; those rows are marked implausible.",
  driftSaturated: () =>
    "For some drift values the bound reached the assumption-free maximum (every outside case, plus what the window's own bound allows) and is reported at that maximum.",
  recallUnbounded: () =>
    "The elusion sample cannot bound the screen's recall above 0 (no flagged case is certainly affected); the model-based figures assume the screen flagged every affected case, and the screen section's bounds are the ones to cite for the unflagged cases.",
  recallCasesUnknown: () =>
    "The screen's recall bound is not used as the screening sensitivity because some window's case count is not known (the cases the screen did not flag cannot be counted); the model-based figures assume the screen flagged every affected case.",
  rateBoundFromApproximation: (method: string) =>
    `${method} is an approximation; its coverage can fall below the stated confidence for small samples or rates near 0 or 1.`,
} as const;

/** What an operating-system error code means for a path the user gave; `missing` is what ENOENT lacks. */
function fileProblem(code: string, missing: "file" | "folder"): string {
  switch (code) {
    case "ENOENT":
      return `no such ${missing}`;
    case "EACCES":
    case "EPERM":
      return "permission denied";
    case "EISDIR":
      return "it is a folder";
    case "ENOTDIR":
    case "EEXIST":
      return "a file stands where a folder is needed";
    case "ENAMETOOLONG":
      return "the name is too long";
    case "ELOOP":
      return "too many symbolic links";
    case "EROFS":
      return "the file system is read-only";
    case "ENOSPC":
    case "EDQUOT":
      return "no space left on the device";
    case "ENXIO":
    case "ESPIPE":
    case "EINVAL":
    case "EAGAIN":
      return `it is not a regular file (${code})`;
    default:
      return `the system refused (${code})`;
  }
}

/** What a confidence below 50% was probably meant to be: a percentage typed twice, or the risk instead. */
function confidenceHint(value: number): string {
  const asPercent = roundSignificant(value * 100, 12);
  if (asPercent >= 0.5 && asPercent < 1) {
    return ` (${asPercent}% was probably meant as ${asPercent * 100}%: write ${asPercent} or ${roundSignificant(asPercent * 100, 12)}%)`;
  }
  const complement = roundSignificant(1 - value, 12);
  if (value <= 0.2)
    return ` (if ${value} is the risk of being wrong, the confidence is ${complement}: write ${complement})`;
  return "";
}

function describeMax(max: number | string): string {
  return typeof max === "number" ? String(max) : max;
}

/** A positive number rounded down to three significant figures, so that a stated limit is never overstated. */
function floorSignificant(value: number): string {
  const unit = 10 ** (Math.floor(Math.log10(value)) - 2);
  return String(roundSignificant(Math.floor(value / unit) * unit, 3));
}

/** The longest echo of a user's text in a message; a longer text is cut, with its length. */
const ECHO_LIMIT = 200;

/** Text echoed back to the user, cut to its first 200 characters so that a huge line is not repeated whole. */
function cut(text: string): string {
  if (text.length <= ECHO_LIMIT) return text;
  // Not between the two halves of a character outside the Basic Multilingual Plane.
  const end = /[\uD800-\uDBFF]/.test(text.charAt(ECHO_LIMIT - 1)) ? ECHO_LIMIT - 1 : ECHO_LIMIT;
  return `${text.slice(0, end)}… (${formatDecimal(text.length)} characters)`;
}

/** The words of `oneOf`, for builders that name the field themselves. */
function oneOfText(allowed: readonly string[], value: unknown): string {
  return `must be one of ${allowed.join(", ")}; got ${quote(String(value))}`;
}

/** The sheets a workbook has, and how to choose one. */
function sheetChoice(sheets: readonly string[]): string {
  return `its sheets are ${sheets.map((x) => quote(x)).join(", ")} (give --sheet with a name or a number from 1 to ${sheets.length})`;
}

function quote(raw: string): string {
  return raw === "" ? "an empty value" : `"${raw}"`;
}

function describeType(value: unknown): string {
  if (value === null) return "null";
  if (value === undefined) return "nothing";
  if (Array.isArray(value)) return "an array";
  if (typeof value === "string") return `the string ${quote(value)}`;
  if (typeof value === "number") return String(value);
  return typeof value === "object" ? "an object" : `a ${typeof value}`;
}
