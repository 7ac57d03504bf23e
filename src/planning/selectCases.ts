import { periodTotals } from "../data/scenarioFromCases.js";
import { calendarPeriods, type DayInterval, type Stratum } from "../scenario/calendar.js";
import { requireCount, requireOneOf } from "../validation/checks.js";
import { InputError, isInputError } from "../validation/InputError.js";
import { messages } from "../validation/messages.js";
import type { CaseFrame } from "./caseFrame.js";
import { type DrawOptions, forEachPosition, planSelection, type SelectionPlan } from "./drawSample.js";

/** Cases numbered `low` to `high`, as RAT-STATS' low and high numbers (1 to N for a frame of N). */
export interface NumberedFrame {
  readonly low: number;
  readonly high: number;
}

export interface SelectCasesOptions extends Omit<DrawOptions, "strata" | "sizes"> {
  /** With a case file: draw within each calendar month, quarter or year; default one stratum, `all`. */
  readonly stratify?: Stratum;
  /** Sample per stratum, by label, instead of `size`; strata not named get none. */
  readonly sizes?: Readonly<Record<string, number>>;
}

/** Where a selection was drawn from, as its provenance records it. */
export type SelectionFrame =
  | { readonly kind: "numbers"; readonly low: number; readonly high: number }
  | {
      readonly kind: "cases";
      readonly rowsRead: number;
      readonly rowsUsed: number;
      readonly rowsRejected: number;
      /** SHA-256 of the case file's bytes. */
      readonly sha256: string;
      readonly span: DayInterval;
      readonly stratify?: Stratum;
    };

/** A selection's plan and provenance: everything its header records. The ids come from {@link forEachSelectedCase}. */
export interface CaseSelection extends SelectionPlan {
  readonly frame: SelectionFrame;
}

/** One selected case, in draw order. */
export interface SelectedCase {
  /** 1, 2, … over the whole selection. */
  readonly order: number;
  readonly id: string;
  /** The stratum's label (`all` for a simple random sample). */
  readonly stratum: string;
  readonly role: "sample" | "spare";
}

/**
 * A reproducible random selection from a case file (read once by {@link readCaseFrame}) or from cases
 * numbered low to high: the strata (calendar periods of the file's span, or one), their sizes, and the
 * generator, seed and algorithm, checked and allocated as {@link planSelection} does. Drawing waits for
 * {@link forEachSelectedCase}, so that nothing is held but the frame.
 *
 * Within a stratum, position p (0-based) is the stratum's (p + 1)-th accepted row in file order; a
 * numbered frame's position p is case low + p.
 *
 * Reference: as {@link planSelection} and {@link forEachDraw}.
 *
 * @throws {InputError} as {@link planSelection}; `sizes` naming a stratum the frame does not have;
 * `frame` for a numbered frame beyond 2^53 − 1 numbers
 * @example
 * ```ts
 * const selection = selectCases({ low: 1, high: 876 }, { size: 5, seed: "3546311556112163624615351222" });
 * const ids: string[] = [];
 * forEachSelectedCase(selection, undefined, (c) => ids.push(c.id)); // ["740", "180", "264", "789", "238"]
 * ```
 */
export function selectCases(frame: CaseFrame | NumberedFrame, options: SelectCasesOptions): CaseSelection {
  const { stratify, sizes, ...draw } = options;
  let strata: { label: string; population: number }[];
  let provenance: SelectionFrame;
  if ("rows" in frame) {
    const { summary } = frame;
    if (stratify !== undefined) {
      requireOneOf("stratify", stratify, ["month", "quarter", "year"] as const);
      strata = periodTotals(summary, stratify).map((p) => ({ label: p.label, population: p.cases }));
    } else strata = [{ label: "all", population: summary.rowsUsed }];
    provenance = {
      kind: "cases",
      rowsRead: summary.rowsRead,
      rowsUsed: summary.rowsUsed,
      rowsRejected: summary.rowsRejected,
      sha256: frame.sha256,
      span: summary.span,
      ...(stratify === undefined ? {} : { stratify }),
    };
  } else {
    if (stratify !== undefined) throw new InputError("stratify", messages.needs("a case file"));
    const low = requireCount("low", frame.low, -Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER);
    const high = requireCount(
      "high",
      frame.high,
      low,
      Math.min(Number.MAX_SAFE_INTEGER, low + Number.MAX_SAFE_INTEGER - 1),
      "low plus 2^53 − 2",
    );
    strata = [{ label: "all", population: high - low + 1 }];
    provenance = { kind: "numbers", low, high };
  }
  let sizeList: number[] | undefined;
  if (sizes !== undefined) {
    const labels = strata.map((s) => s.label);
    const unknown = Object.keys(sizes).filter((label) => !labels.includes(label));
    if (unknown.length > 0) throw new InputError("sizes", messages.unknownStrata(unknown, labels));
    // Cast: TypeScript does not narrow a record's entry by Object.hasOwn (which keeps out "constructor" and
    // the like), and an entry given as undefined is passed on for planSelection to refuse.
    sizeList = labels.map((label) => (Object.hasOwn(sizes, label) ? (sizes[label] as number) : 0));
  }
  let plan: SelectionPlan;
  try {
    plan = planSelection({ ...draw, strata, ...(sizeList === undefined ? {} : { sizes: sizeList }) });
  } catch (error) {
    // The per-stratum field of planSelection is an index; here sizes are given by label.
    if (isInputError(error) && /^sizes\[\d+\]$/.test(error.field))
      throw new InputError("sizes", error.detail);
    throw error;
  }
  return { ...plan, frame: provenance };
}

/**
 * Draws a selection made by {@link selectCases} and calls `visit` for each case in draw order, stratum by
 * stratum, the sample then the spares, with its id: from the case file's rows (pass the frame it was
 * selected from) or low + position. Nothing is kept, so a caller can write each case as it comes.
 *
 * Reference: as {@link forEachDraw}.
 *
 * @throws {InputError} when `frame` is not the case file the selection was drawn from
 * @example
 * ```ts
 * const selection = selectCases({ low: 1, high: 1000 }, { size: 3, seed: "1" });
 * forEachSelectedCase(selection, undefined, (c) => console.log(c.order, c.id, c.role)); // prints 1 97 sample, …
 * ```
 */
export function forEachSelectedCase(
  selection: CaseSelection,
  frame: CaseFrame | undefined,
  visit: (selected: SelectedCase) => void,
): void {
  const labels = selection.strata.map((s) => s.label);
  const { frame: from } = selection;
  let order = 0;
  if (from.kind === "numbers") {
    forEachPosition(selection, (_, position, sample) =>
      visit({
        order: ++order,
        id: String(from.low + position),
        stratum: "all",
        role: sample ? "sample" : "spare",
      }),
    );
    return;
  }
  if (frame === undefined || frame.sha256 !== from.sha256 || frame.rows.count !== from.rowsUsed)
    throw new InputError("frame", messages.notThisFrame());
  const rowOf = stratumRows(frame, from.stratify);
  forEachPosition(selection, (stratum, position, sample) =>
    visit({
      order: ++order,
      id: frame.rows.id(rowOf(stratum, position)),
      stratum: labels[stratum] as string,
      role: sample ? "sample" : "spare",
    }),
  );
}

/** Row (in file order) of each stratum's positions: a counting sort of the rows by stratum, stable. */
function stratumRows(
  frame: CaseFrame,
  stratify: Stratum | undefined,
): (stratum: number, position: number) => number {
  if (stratify === undefined) return (_, position) => position;
  const { span } = frame.summary;
  const periods = calendarPeriods(span, stratify);
  const stratumOfDay = new Int32Array(span.end - span.start + 1);
  periods.forEach(({ interval }, h) => {
    stratumOfDay.fill(h, interval.start - span.start, interval.end - span.start + 1);
  });
  // A counting sort of every row by stratum, ten million in a large case file: the typed-array reads are
  // cast, not checked with math/at.ts. A row's day is within the span, so stratumOfDay holds it, and a
  // stratum h < periods.length indexes starts and next; the returned lookup is asked for positions below
  // a stratum's count only.
  const { rows } = frame;
  const starts = new Float64Array(periods.length + 1);
  for (let row = 0; row < rows.count; row++) {
    const after = (stratumOfDay[rows.day(row) - span.start] as number) + 1;
    starts[after] = (starts[after] as number) + 1;
  }
  for (let h = 1; h <= periods.length; h++) starts[h] = (starts[h] as number) + (starts[h - 1] as number);
  const next = starts.slice(0, periods.length);
  const order = new Int32Array(rows.count);
  for (let row = 0; row < rows.count; row++) {
    const h = stratumOfDay[rows.day(row) - span.start] as number;
    order[next[h] as number] = row;
    next[h] = (next[h] as number) + 1;
  }
  return (stratum, position) => order[(starts[stratum] as number) + position] as number;
}
