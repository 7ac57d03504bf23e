import type { Bounds } from "../../src/intervals/types.js";

/** ln k! for k ≤ size, summed directly: independent of the library's Loader terms. */
export function logFactorials(size: number): Float64Array {
  const table = new Float64Array(size + 1);
  for (let k = 1; k <= size; k++) table[k] = (table[k - 1] as number) + Math.log(k);
  return table;
}

/**
 * The smallest coverage of a rate interval over the rates i/4000 (i = 1 … 3999): for each rate, the binomial
 * probability, written out from ln k!, of the outcomes x in 0..n whose interval `bounds[x]` contains it.
 */
export function worstRateCoverage(bounds: readonly Bounds[]): number {
  const n = bounds.length - 1;
  const lf = logFactorials(n);
  let worst = 1;
  for (let i = 1; i < 4000; i++) {
    const p = i / 4000;
    let covered = 0;
    for (let x = 0; x <= n; x++) {
      const b = bounds[x] as Bounds;
      if (b.lower <= p && p <= b.upper) {
        covered += Math.exp(
          (lf[n] as number) -
            (lf[x] as number) -
            (lf[n - x] as number) +
            x * Math.log(p) +
            (n - x) * Math.log1p(-p),
        );
      }
    }
    worst = Math.min(worst, covered);
  }
  return worst;
}
