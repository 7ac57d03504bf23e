import { countInterval } from "../intervals/countInterval.js";
import { type BiasModel, keepsUpper } from "../intervals/noncentralCount.js";
import { exactTailProbability, type Sided, tailProbability } from "../intervals/types.js";
import type { AssumptionId } from "./assumptions.js";
import type { StageWindow } from "./stageModel.js";
import { windowInference } from "./windowInference.js";

/** Upper bounds under one selection bias ω. */
export interface SelectionBiasRow {
  /** ω: an affected case was 1/ω times as likely as an unaffected one to be picked for review. */
  readonly bias: number;
  /** Upper bound on affected cases in the windows. */
  readonly affected: number;
  /** Upper bound on undetected affected cases in the windows (affected − found). */
  readonly undetected: number;
  /** Upper bound on undetected affected cases over the whole span (windows and outside), constant rate. */
  readonly spanUndetected: number;
}

export interface SelectionBias {
  /** The bias model's method id (`wallenius` or `fisher`; see the method registry). */
  readonly method: BiasModel;
  readonly model: BiasModel;
  /** What the bounds assume, by id (worded by report/): how the bias model says cases were picked. */
  readonly assumptions: readonly AssumptionId[];
  readonly confidence: number;
  readonly sided: Sided;
  readonly rows: readonly SelectionBiasRow[];
  /** The bounds at ω = 1 (a random sample): the window's sampling bound and the constant-rate span bound. */
  readonly randomSample: { readonly undetected: number; readonly spanUndetected: number };
  /** Every unreviewed case affected: what no selection model can exceed. */
  readonly assumptionFree: { readonly undetected: number; readonly spanUndetected: number };
  /** The undetected count the tipping bias is measured against, and where it comes from. */
  readonly target: {
    readonly undetected: number;
    readonly spanUndetected: number;
    readonly source: "materiality" | "twice the random-sample bound";
  };
  /**
   * The smallest ω at which the upper bound on undetected cases reaches the target, rounded down to three
   * significant figures (so that "the conclusion holds unless ω was at least this" stays true); 1 when a
   * random sample already reaches it, null when no ω up to 1000 does.
   */
  readonly tippingBias: { readonly window: number | null; readonly span: number | null };
}

export interface SelectionBiasBasis {
  readonly windows: readonly StageWindow[];
  /** Stage cases outside the windows (estimated; not necessarily whole). */
  readonly outsideStage: number;
  /** Cases outside the windows that could be affected with no assumption (the assumption-free count). */
  readonly outsideCases: number;
  readonly confidence: number;
  readonly sided: Sided;
}

const HIGHEST_BIAS = 1000;
const PERFECT = { screening: 1, review: 1 };

/**
 * How the upper bounds change if the review's selection was biased against affected cases: for each ω in
 * `grid`, the window's bounds on affected and undetected cases and the span's bound on undetected cases,
 * with the noncentral hypergeometric count bound (`countInterval`'s `bias`, Wallenius' or Fisher's model,
 * Fog 2008) in place of the hypergeometric one; and the tipping bias, the smallest ω at which the bound
 * reaches `materiality` (else twice the random-sample bound), for the window and for the span — in the
 * spirit of the E-value (VanderWeele & Ding 2017): one number a reader can judge.
 *
 * The span bound treats the reviewed cases as picked with bias ω from all stage cases of the span, the
 * constant-rate model's exchangeable pool (Thatcher 1964), with the outside volume taken as its estimate
 * (so at ω = 1 it is the prediction limit without the volume's uncertainty). Every figure is held at or below the
 * assumption-free worst case (every unreviewed case affected), which the bounds approach as ω grows.
 * Screening and review are taken as perfect (sensitivities of 1): the assessment does not combine a
 * selection bias with a per-case sensitivity.
 *
 * @param basis - the windows, outside volume and settings of the assessment
 * @param grid - the ω values (each in [0.001, 1000])
 * @param model - `wallenius` (cases picked one after another) or `fisher` (each included independently)
 * @param materiality - the undetected count that would matter, if given
 */
export function selectionBias(
  basis: SelectionBiasBasis,
  grid: readonly number[],
  model: BiasModel,
  materiality: number | undefined,
): SelectionBias {
  const found = basis.windows.reduce((sum, w) => sum + w.found, 0);
  const worstWindow = basis.windows.reduce((sum, w) => sum + w.stage - w.reviewed, 0);
  const worstSpan = worstWindow + basis.outsideCases;
  const windowUndetected = (bias: number) =>
    windowInference(basis.windows, basis.confidence, basis.sided, PERFECT, { bias, model }).undetected.upper;
  const spanUndetected = (bias: number) => biasedSpanUndetected(basis, bias, model, found, worstSpan);
  const rows = grid.map((bias) => {
    const undetected = windowUndetected(bias);
    return { bias, affected: undetected + found, undetected, spanUndetected: spanUndetected(bias) };
  });
  const randomSample = { undetected: windowUndetected(1), spanUndetected: spanUndetected(1) };
  const target =
    materiality === undefined
      ? {
          undetected: Math.max(1, 2 * randomSample.undetected),
          spanUndetected: Math.max(1, 2 * randomSample.spanUndetected),
          source: "twice the random-sample bound" as const,
        }
      : { undetected: materiality, spanUndetected: materiality, source: "materiality" as const };
  return {
    method: model,
    model,
    assumptions: [model === "wallenius" ? "wallenius-selection" : "fisher-selection"],
    confidence: basis.confidence,
    sided: basis.sided,
    rows,
    randomSample,
    assumptionFree: { undetected: worstWindow, spanUndetected: worstSpan },
    target,
    tippingBias: {
      window: tippingBias(
        (bias) => windowUndetected(bias) >= target.undetected,
        basis.windows.length === 1 ? windowTest(basis, model, target.undetected, worstWindow) : undefined,
      ),
      span: tippingBias(
        (bias) => spanUndetected(bias) >= target.spanUndetected,
        spanTest(basis, model, target.spanUndetected, worstSpan),
      ),
    },
  };
}

function biasedSpanUndetected(
  basis: SelectionBiasBasis,
  bias: number,
  model: BiasModel,
  found: number,
  worstSpan: number,
): number {
  const reviewed = basis.windows.reduce((sum, w) => sum + w.reviewed, 0);
  const unreviewedInside = basis.windows.reduce((sum, w) => sum + w.stage - w.reviewed, 0);
  const unreviewed = unreviewedInside + Math.ceil(basis.outsideStage - 1e-9);
  const bound = countInterval({
    found,
    sample: reviewed,
    population: reviewed + unreviewed,
    confidence: basis.confidence,
    sided: basis.sided,
    bias,
    biasModel: model,
  });
  return Math.min(worstSpan, Math.max(0, bound.upper - found));
}

/**
 * For one window, "the undetected bound reaches `target` at ω" as one tail test (ω > 1): the bound on
 * affected cases is at least found + target exactly when that count is kept ({@link keepsUpper}).
 */
function windowTest(
  basis: SelectionBiasBasis,
  model: BiasModel,
  target: number,
  worst: number,
): (bias: number) => boolean {
  const w = basis.windows[0] as StageWindow;
  const alpha = tailProbability(basis.confidence, basis.sided);
  const exactAlpha = exactTailProbability(basis.confidence, basis.sided);
  return (bias) =>
    target <= worst &&
    keepsUpper(w.found, w.reviewed, w.stage, alpha, bias, model, w.found + target, exactAlpha);
}

/** The same for the span: the reviewed cases among all stage cases of the span. */
function spanTest(
  basis: SelectionBiasBasis,
  model: BiasModel,
  target: number,
  worst: number,
): (bias: number) => boolean {
  const found = basis.windows.reduce((sum, w) => sum + w.found, 0);
  const reviewed = basis.windows.reduce((sum, w) => sum + w.reviewed, 0);
  const unreviewed =
    basis.windows.reduce((sum, w) => sum + w.stage - w.reviewed, 0) + Math.ceil(basis.outsideStage - 1e-9);
  const alpha = tailProbability(basis.confidence, basis.sided);
  const exactAlpha = exactTailProbability(basis.confidence, basis.sided);
  return (bias) =>
    target <= worst &&
    target <= unreviewed &&
    keepsUpper(found, reviewed, reviewed + unreviewed, alpha, bias, model, found + target, exactAlpha);
}

/**
 * The smallest ω in [1, 1000] at which `reaches` holds (it is monotone in ω), by bisection on ln ω to a
 * relative width of 10⁻⁵, then rounded down to three significant figures. `fast`, when given, answers the
 * same question for ω > 1 with a single tail probability instead of a whole bound.
 */
function tippingBias(reaches: (bias: number) => boolean, fast?: (bias: number) => boolean): number | null {
  if (reaches(1)) return 1;
  const test = fast ?? reaches;
  if (!test(HIGHEST_BIAS)) return null;
  let lo = 1;
  let hi = HIGHEST_BIAS;
  while (hi / lo > 1 + 1e-5) {
    const mid = Math.sqrt(lo * hi);
    if (test(mid)) hi = mid;
    else lo = mid;
  }
  const scale = 10 ** (2 - Math.floor(Math.log10(lo)));
  return Math.max(1, Math.floor(lo * scale) / scale);
}
