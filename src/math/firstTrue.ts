/**
 * The smallest integer x in [lo, hi] for which a monotone predicate holds (false … false true … true),
 * or hi + 1 when it holds nowhere in the range.
 *
 * Method: galloping (exponential) search outward from `guess`, then bisection: O(log |answer − guess|)
 * evaluations, so a good starting value makes exact searches over populations of 10^9 cheap. Never scans.
 *
 * @param lo - smallest candidate
 * @param hi - largest candidate
 * @param holds - the monotone predicate
 * @param guess - where to start (clamped to [lo, hi])
 * @returns the boundary, in [lo, hi + 1]
 */
export function firstTrue(lo: number, hi: number, holds: (x: number) => boolean, guess = lo): number {
  if (lo > hi) return hi + 1;
  const start = Math.min(hi, Math.max(lo, Math.round(guess)));
  let below: number;
  let above: number;
  if (holds(start)) {
    above = start;
    let step = 1;
    for (;;) {
      if (above === lo) return lo;
      const next = Math.max(lo, above - step);
      if (!holds(next)) {
        below = next;
        break;
      }
      above = next;
      step *= 2;
    }
  } else {
    below = start;
    let step = 1;
    for (;;) {
      if (below === hi) return hi + 1;
      const next = Math.min(hi, below + step);
      if (holds(next)) {
        above = next;
        break;
      }
      below = next;
      step *= 2;
    }
  }
  while (above - below > 1) {
    const mid = below + Math.floor((above - below) / 2);
    if (holds(mid)) above = mid;
    else below = mid;
  }
  return above;
}
