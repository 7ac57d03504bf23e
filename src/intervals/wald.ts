import { normalQuantile } from "../distributions/normalQuantile.js";
import type { Bounds } from "./types.js";

/**
 * Wald interval: p̂ ± z √(p̂(1 − p̂)/n), z = Φ⁻¹(1 − α), clipped to [0, 1]. Offered for comparison only:
 * it has zero width at k = 0 and k = n and poor coverage near the boundaries.
 *
 * Reference: Brown, Cai & DasGupta (2001), Statistical Science 16(2), §2.1.
 *
 * @param found - k
 * @param sample - n
 * @param alpha - probability in each bounded tail
 */
export function wald(found: number, sample: number, alpha: number): Bounds {
  const z = normalQuantile(1 - alpha);
  const p = found / sample;
  const half = z * Math.sqrt((p * (1 - p)) / sample);
  return { lower: Math.max(0, p - half), upper: Math.min(1, p + half) };
}
