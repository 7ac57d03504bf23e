import { normalQuantile } from "../distributions/normalQuantile.js";
import type { Bounds } from "./types.js";

/**
 * Wilson score interval, without continuity correction:
 * (k + z²/2)/(n + z²) ± z/(n + z²) · √(k(n − k)/n + z²/4), z = Φ⁻¹(1 − α).
 *
 * Reference: E. B. Wilson (1927), JASA 22(158), 209–212; Brown, Cai & DasGupta (2001), §2.
 *
 * @param found - k
 * @param sample - n
 * @param alpha - probability in each bounded tail
 */
export function wilson(found: number, sample: number, alpha: number): Bounds {
  const z = normalQuantile(1 - alpha);
  const z2 = z * z;
  const centre = (found + z2 / 2) / (sample + z2);
  const half = (z / (sample + z2)) * Math.sqrt((found * (sample - found)) / sample + z2 / 4);
  return {
    lower: found === 0 ? 0 : Math.max(0, centre - half),
    upper: found === sample ? 1 : Math.min(1, centre + half),
  };
}
