import { reference } from "./fixtures.js";

/** A tail of the noncentral hypergeometric distribution computed by test/fixtures/python/noncentral.py. */
export interface NoncentralTailCase {
  region: string;
  model: "wallenius" | "fisher";
  x: number;
  population: number;
  marked: number;
  draws: number;
  bias: number;
  lower: number;
  upper: number;
  /** The lower tail to 40 digits, in the far-tail cases of the urn region. */
  lowerDigits?: string;
}

/** A far tail, summed on its own side. */
export interface NoncentralFarTailCase extends NoncentralTailCase {
  side: "lower" | "upper";
}

// Expected values: Wallenius' closed-form integral summed in mpmath at doubling precision (far tails summed on
// their own side, the largest terms checked by quadrature), Fisher's exact fractions; each cross-checked
// against scipy (test/fixtures/python/noncentral.py).
export const noncentralTailCases = reference<NoncentralTailCase[]>("noncentral-tails.json");
export const noncentralFarTailCases = reference<NoncentralFarTailCase[]>("noncentral-far-tails.json");

/**
 * P(X = x) for every x after `draws` draws of Wallenius' urn, draw by draw: each draw picks a marked item with
 * probability ω·(marked left) / (ω·(marked left) + unmarked left). Independent of the library's integral.
 */
export function walleniusUrnPmf(population: number, marked: number, draws: number, odds: number): number[] {
  let p = [1];
  for (let j = 0; j < draws; j++) {
    const next = new Array<number>(j + 2).fill(0);
    p.forEach((mass, x) => {
      const markedLeft = marked - x;
      const unmarkedLeft = population - marked - (j - x);
      const total = odds * markedLeft + unmarkedLeft;
      if (mass === 0 || total === 0) return;
      next[x + 1] = (next[x + 1] ?? 0) + (mass * odds * markedLeft) / total;
      next[x] = (next[x] ?? 0) + (mass * unmarkedLeft) / total;
    });
    p = next;
  }
  return p;
}
