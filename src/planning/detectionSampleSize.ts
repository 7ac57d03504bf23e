import { exceeds } from "../math/compareProbability.js";
import { firstTrue } from "../math/firstTrue.js";
import { MAX_COUNT, requireConfidence } from "../validation/checks.js";
import { InputError } from "../validation/InputError.js";
import { messages } from "../validation/messages.js";
import {
  type DetectionOptions,
  type DetectionTarget,
  detectionTarget,
  detectProbability,
  missProbability,
} from "./detectionProbability.js";

export interface DetectionSampleSizeOptions extends Omit<DetectionOptions, "sample"> {
  /** The detection probability to reach; default 0.95. */
  readonly confidence?: number;
}

export interface DetectionSampleSize {
  readonly model: "hypergeometric" | "binomial";
  readonly method: "hypergeometric-detection" | "binomial-detection";
  readonly population?: number;
  readonly affected?: number;
  readonly prevalence?: number;
  readonly sensitivity: number;
  readonly confidence: number;
  /** The smallest random sample that recognises at least one affected case with probability ≥ confidence. */
  readonly sampleSize: number;
  /** The detection probability that sample achieves. */
  readonly probability: number;
}

/**
 * The smallest simple random sample that finds at least one affected case with probability at least
 * `confidence` (discovery sampling), exact hypergeometric with `population`, binomial otherwise.
 *
 * Method: the detection probability rises with n, so a galloping search from the binomial value
 * n ≈ ln(1 − c)/ln(1 − p·s) finds the exact boundary.
 *
 * Reference: AICPA *Audit Sampling* (2017), ch. 3; Johnson, Kemp & Kotz (2005), §6.2.
 *
 * @throws {InputError} for values out of range, or when even a census cannot reach the confidence
 * @example
 * detectionSampleSize({ population: 609, affected: 5 }).sampleSize;
 */
export function detectionSampleSize(options: DetectionSampleSizeOptions): DetectionSampleSize {
  const plan = detectionPlan(options);
  if (!plan.reachable) throw new InputError("confidence", plan.reason);
  const { reachable: _, ...size } = plan;
  return size;
}

/** A detection plan that may not exist: the sample size, or why no sample reaches the confidence. */
export type DetectionPlanOutcome =
  | ({ readonly reachable: true } & DetectionSampleSize)
  | {
      readonly reachable: false;
      /** Why no sample reaches the confidence (from the messages module). */
      readonly reason: string;
      /** The detection probability of the largest sample possible (every case, or the largest count). */
      readonly best: number;
      /** That largest sample. */
      readonly limit: number;
    };

/**
 * As {@link detectionSampleSize}, but never throws when the confidence is out of reach: it returns
 * `reachable: false` with the reason and the best detection probability a census gives, so that an
 * assessment can show everything else and say why no plan meets the target. Bad input still throws.
 *
 * @example
 * detectionPlan({ population: 609, affected: 2, sensitivity: 0.5 }).reachable; // false (census: 0.75)
 */
export function detectionPlan(options: DetectionSampleSizeOptions): DetectionPlanOutcome {
  const target = detectionTarget(options);
  const confidence = requireConfidence("confidence", options.confidence ?? 0.95);
  if (target.model === "hypergeometric" && target.affected === 0) {
    throw new InputError("affected", messages.wholeInRange(1, `population (${target.population})`, 0));
  }
  const limit = target.model === "hypergeometric" ? target.population : MAX_COUNT;
  const reaches = (m: number) => !exceeds(missProbability(target, m), 1 - confidence);
  if (!reaches(limit)) {
    const best = detectProbability(target, limit);
    return { reachable: false, reason: messages.detectionUnreachable(best, confidence), best, limit };
  }
  return { reachable: true, ...search(target, confidence, limit, reaches) };
}

function search(
  target: DetectionTarget,
  confidence: number,
  limit: number,
  reaches: (m: number) => boolean,
): DetectionSampleSize {
  const prevalence =
    target.model === "binomial"
      ? target.prevalence
      : (target.prevalence ?? target.affected / target.population);
  const rate = prevalence * target.sensitivity;
  const guess = Math.min(limit, Math.max(1, Math.ceil(Math.log1p(-confidence) / Math.log1p(-rate))));
  const n = firstTrue(1, limit, reaches, guess);
  return { ...target, confidence, sampleSize: n, probability: detectProbability(target, n) };
}
