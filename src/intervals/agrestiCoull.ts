import { normalQuantile } from "../distributions/normalQuantile.js";
import type { Bounds } from "./types.js";

/**
 * Agresti–Coull interval: p̃ ± z √(p̃(1 − p̃)/ñ) with ñ = n + z², p̃ = (k + z²/2)/ñ, z = Φ⁻¹(1 − α),
 * clipped to [0, 1].
 *
 * Reference: A. Agresti & B. A. Coull (1998), The American Statistician 52(2), 119–126.
 *
 * @param found - k
 * @param sample - n
 * @param alpha - probability in each bounded tail
 */
export function agrestiCoull(found: number, sample: number, alpha: number): Bounds {
  const z = normalQuantile(1 - alpha);
  const adjusted = sample + z * z;
  const centre = (found + (z * z) / 2) / adjusted;
  const half = z * Math.sqrt((centre * (1 - centre)) / adjusted);
  return { lower: Math.max(0, centre - half), upper: Math.min(1, centre + half) };
}
