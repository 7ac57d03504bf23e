/**
 * Whether the arguments of a noncentral hypergeometric pmf or tail lie outside its domain: whole
 * population, marked and draws with 0 ≤ marked, draws ≤ population, a finite positive odds ratio and a
 * number x. Shared by walleniusLogPmf, walleniusTail and fisherTail, which return NaN there (stdlib's
 * convention for distributions) rather than throw.
 */
export function outsideNoncentralDomain(
  x: number,
  population: number,
  marked: number,
  draws: number,
  odds: number,
): boolean {
  return (
    !Number.isInteger(population) ||
    !Number.isInteger(marked) ||
    !Number.isInteger(draws) ||
    marked < 0 ||
    marked > population ||
    draws < 0 ||
    draws > population ||
    !(odds > 0) ||
    odds === Number.POSITIVE_INFINITY ||
    Number.isNaN(x)
  );
}

/**
 * P(X ≤ k) where the support alone decides it, for X the marked items among n drawn from N with m₁ marked:
 * 0 below the lowest count, max(0, n − (N − m₁)), and 1 from the highest, min(n, m₁), on; undefined in
 * between, where a tail must be computed. Shared by the noncentral tails in double precision (fisherTail,
 * walleniusTail) and in decimals (noncentralTailPrecise). A number or undefined, not an object with the
 * support, so that a tail's call allocates nothing: the bounds' searches call the tails thousands of times.
 *
 * @example
 * // 5 draws from 10 with 8 marked draw at least 3 marked:
 * lowerTailBySupport(2, 10, 8, 5); // 0
 * lowerTailBySupport(5, 10, 8, 5); // 1
 * lowerTailBySupport(3, 10, 8, 5); // undefined
 */
export function lowerTailBySupport(
  k: number,
  population: number,
  marked: number,
  draws: number,
): 0 | 1 | undefined {
  if (k < Math.max(0, draws - (population - marked))) return 0;
  if (k >= Math.min(draws, marked)) return 1;
  return undefined;
}
