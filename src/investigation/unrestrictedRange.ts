import type { Bounds, Sided } from "../intervals/types.js";
import type { MethodId } from "../methods/methodRegistry.js";
import type { StageWindow } from "./stageModel.js";
import { type Sensitivity, windowInference } from "./windowInference.js";

export interface UnrestrictedRange {
  readonly method: MethodId;
  readonly unit: string;
  /** Undetected cases in the windows: the sampling bound for random selection, else every unreviewed case. */
  readonly window: Bounds;
  /** Undetected cases outside the windows: anything from none to every case there. */
  readonly outside: Bounds;
  /** Undetected cases in and outside the windows together. */
  readonly total: Bounds;
}

/**
 * The assumption-free range of undetected affected cases (Manski 1989; Horowitz & Manski 1998): outside
 * the windows the data say nothing, so anything from 0 to every case there could be affected. Inside a
 * window reviewed at random the exact sampling bound still holds (it needs no assumption about time);
 * a window chosen by judgement, or by a method not known, joins the worst case: every unreviewed case.
 * Cases the screen did not flag join it too, as nothing is assumed about the screen.
 */
export function unrestrictedRange(
  windows: readonly StageWindow[],
  outsideCases: number,
  unit: string,
  confidence: number,
  sided: Sided,
  sensitivity: Sensitivity,
): UnrestrictedRange {
  let lower = 0;
  let upper = 0;
  const adjusted = 1 - (1 - confidence) / Math.max(1, windows.length);
  for (const w of windows) {
    const unflagged = w.wholeCases === undefined ? 0 : Math.max(0, w.wholeCases - w.stage);
    if (w.selection === "random") {
      const finding = windowInference([w], adjusted, sided, sensitivity);
      lower += finding.undetected.lower;
      upper += finding.undetected.upper + (sensitivity.screening < 1 ? 0 : unflagged);
    } else {
      const cleared = sensitivity.review === 1 ? w.reviewed : w.found;
      upper += w.stage - cleared + unflagged;
    }
  }
  return {
    method: "assumption-free",
    unit,
    window: { lower, upper },
    outside: { lower: 0, upper: outsideCases },
    total: { lower, upper: upper + outsideCases },
  };
}
