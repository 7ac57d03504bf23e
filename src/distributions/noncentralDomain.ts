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
