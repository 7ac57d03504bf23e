import {
  affectedBounds,
  type RecallInterval,
  recallInterval,
  type ScreenStratum,
} from "../intervals/recallInterval.js";
import type { Interval, Sided } from "../intervals/types.js";
import { SIDED, tailProbability } from "../intervals/types.js";
import { requireConfidence, requireCount, requireOneOf } from "../validation/checks.js";

export interface ScreenEvaluationOptions {
  /** The flagged cases and their review; without it, only the elusion is evaluated. */
  readonly flagged?: ScreenStratum;
  /** The unflagged cases and the random sample of them reviewed (the elusion sample). */
  readonly unflagged: ScreenStratum;
  /** Default 0.95. */
  readonly confidence?: number;
  /** Default `two`. */
  readonly sided?: Sided;
}

export interface Elusion {
  readonly method: "hypergeometric";
  readonly confidence: number;
  readonly sided: Sided;
  /** Unflagged cases, reviewed at random, found affected. */
  readonly population: number;
  readonly sample: number;
  readonly found: number;
  /** Affected cases among all the unflagged: exact hypergeometric bounds (integers). */
  readonly affected: Interval<number | null>;
  /** The elusion rate: affected unflagged ÷ unflagged. */
  readonly rate: Interval<number | null>;
}

/** Where the affected cases could be, each bound at the recall interval's per-side confidence (jointly at least `confidence`). */
export interface AffectedPlacement {
  readonly confidence: number;
  readonly sideConfidence: number;
  /** Found affected in the reviews of both sides: certain. */
  readonly found: number;
  /** Affected among the flagged cases not reviewed. */
  readonly flaggedUnreviewed: Interval<number | null>;
  /** Affected among the unflagged cases not reviewed. */
  readonly unflaggedUnreviewed: Interval<number | null>;
  /** Undetected = the two together; lower and upper hold jointly at `confidence`. */
  readonly undetected: Interval<number | null>;
}

export interface ScreenEvaluation {
  readonly elusion: Elusion;
  /** null without the flagged side. */
  readonly recall: RecallInterval | null;
  /** null without the flagged side. */
  readonly placement: AffectedPlacement | null;
}

/**
 * Did the screen miss affected cases? From a random review of the cases the screen passed (an elusion
 * sample) and, optionally, of the cases it flagged:
 * - elusion: the affected cases among the unflagged, with exact hypergeometric bounds (Buonaccorsi 1987),
 *   and the elusion rate — affected unflagged ÷ unflagged, Relativity's definition (the share of the
 *   discard pile that is relevant);
 * - recall: the screen's recall with its Šidák-combined exact interval ({@link recallInterval});
 * - placement: where the affected cases could be — found in review, among the flagged cases not reviewed,
 *   among the unflagged not reviewed — each side bounded at the recall interval's per-side confidence, so
 *   that the bounds, and their sum (the undetected cases), hold jointly at `confidence`.
 * Methods: docs/methods.md, "Screen recall and elusion".
 *
 * @throws {InputError} naming `unflagged.sample` and the like for counts out of order
 * @example
 * evaluateScreen({ unflagged: { population: 10_000, sample: 200, found: 0 }, sided: "upper" })
 *   .elusion.affected.upper; // 147
 */
export function evaluateScreen(options: ScreenEvaluationOptions): ScreenEvaluation {
  const confidence = requireConfidence("confidence", options.confidence ?? 0.95);
  const sided = requireOneOf("sided", options.sided ?? "two", SIDED);
  const population = requireCount("unflagged.population", options.unflagged.population, 1);
  const sample = requireCount(
    "unflagged.sample",
    options.unflagged.sample,
    0,
    population,
    `unflagged.population (${population})`,
  );
  const found = requireCount(
    "unflagged.found",
    options.unflagged.found,
    0,
    sample,
    `unflagged.sample (${sample})`,
  );
  const unflagged = { population, sample, found };
  const bounds = affectedBounds(unflagged, tailProbability(confidence, sided));
  const lower = sided === "upper" ? found : bounds.lower;
  const estimate = sample === 0 ? null : (population * found) / sample;
  const elusion: Elusion = {
    method: "hypergeometric",
    confidence,
    sided,
    ...unflagged,
    affected: { estimate, lower, upper: bounds.upper },
    rate: {
      estimate: sample === 0 ? null : found / sample,
      lower: lower / population,
      upper: bounds.upper / population,
    },
  };
  if (options.flagged === undefined) return { elusion, recall: null, placement: null };
  const recall = recallInterval({ flagged: options.flagged, unflagged, confidence, sided });
  return { elusion, recall, placement: placementOf(recall, sided) };
}

function placementOf(recall: RecallInterval, sided: Sided): AffectedPlacement {
  // The recall interval bounds the flagged side from below when one-sided; the undetected cases need
  // both sides bounded from above, at the same per-side confidence.
  const alpha = tailProbability(recall.sideConfidence, sided);
  const unreviewed = (s: RecallInterval["flagged"]): Interval<number | null> => {
    const b = affectedBounds(s, alpha);
    return {
      estimate: s.estimate === null ? null : s.estimate - s.found,
      lower: sided === "upper" ? 0 : b.lower - s.found,
      upper: b.upper - s.found,
    };
  };
  const flaggedUnreviewed = unreviewed(recall.flagged);
  const unflaggedUnreviewed = unreviewed(recall.unflagged);
  const sum = (a: number | null, b: number | null) => (a === null || b === null ? null : a + b);
  return {
    confidence: recall.confidence,
    sideConfidence: recall.sideConfidence,
    found: recall.flagged.found + recall.unflagged.found,
    flaggedUnreviewed,
    unflaggedUnreviewed,
    undetected: {
      estimate: sum(flaggedUnreviewed.estimate, unflaggedUnreviewed.estimate),
      lower: flaggedUnreviewed.lower + unflaggedUnreviewed.lower,
      upper: flaggedUnreviewed.upper + unflaggedUnreviewed.upper,
    },
  };
}
