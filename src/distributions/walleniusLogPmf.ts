import { at } from "../math/at.js";
import { gaussLegendre } from "./gaussLegendre.js";
import { hypergeometricLogPmf } from "./hypergeometricLogPmf.js";
import { outsideNoncentralDomain } from "./noncentralDomain.js";

const RULE = gaussLegendre(20);

/**
 * Natural log of Wallenius' noncentral hypergeometric probability P(X = x): `draws` items taken one after
 * another without replacement from `population`, of which `marked` are marked, each draw picking an item
 * with probability proportional to its weight — `odds` for a marked item, 1 for an unmarked one. With
 * odds 1 this is the hypergeometric distribution.
 *
 * Method: Fog's integral form (Fog 2008, eq. 5) P(X = x) = C(m₁, x) C(m₂, n − x) ∫₀¹ (1 − t^{ω/d})^x
 * (1 − t^{1/d})^{n−x} dt, d = ω(m₁ − x) + m₂ − (n − x). Substituting t = e^{−d·y} makes the integrand
 * d·e^{−d·y}(1 − e^{−ω·y})^x (1 − e^{−y})^{n−x}, which is log-concave in y: its single peak is found by
 * Newton's method on the log-derivative (to 10⁻⁸: the peak only places the panels), and the integral is
 * summed with 20-point Gauss–Legendre rules on panels of three standard deviations of the peak, outwards from it, until a panel adds, or by
 * the integrand at its inner edge could add, less than 10⁻¹⁶ of the total (log-concavity makes every
 * later panel smaller still). The binomial coefficients
 * come from Loader's hypergeometric terms: C(m₁, x) C(m₂, n − x) = P_hyper(x) · C(N, n). Relative accuracy
 * about 10⁻¹¹ for populations up to 10⁶ (checked against mpmath).
 *
 * Hand-written: no maintained npm package computes Wallenius' distribution (the reference implementation
 * is Fog's C++ library BiasedUrn, which scipy's `nchypergeom_wallenius` wraps).
 *
 * Reference: A. Fog (2008), "Calculation methods for Wallenius' noncentral hypergeometric distribution",
 * Communications in Statistics — Simulation and Computation 37(2), 258–273.
 *
 * @param x - marked items drawn
 * @param population - N
 * @param marked - m₁, marked items in the population
 * @param draws - n
 * @param odds - ω > 0, the weight of a marked item relative to an unmarked one
 * @returns ln P(X = x), −∞ outside the support, NaN for parameters outside their domain
 *
 * @example
 * walleniusLogPmf(1, 609, 24, 109, 2); // -6.9703856… (scipy nchypergeom_wallenius.logpmf(1, 609, 24, 109, 2))
 */
export function walleniusLogPmf(
  x: number,
  population: number,
  marked: number,
  draws: number,
  odds: number,
): number {
  if (outsideNoncentralDomain(x, population, marked, draws, odds)) return Number.NaN;
  const unmarked = population - marked;
  if (!Number.isInteger(x) || x < 0 || x > draws || x > marked || draws - x > unmarked) {
    return Number.NEGATIVE_INFINITY;
  }
  const logHyper = hypergeometricLogPmf(x, population, marked, draws);
  // Only one outcome is possible when every item, or every item of one kind, is drawn.
  if (odds === 1 || draws === 0 || draws === population || marked === 0 || unmarked === 0) return logHyper;
  // C(m₁, x) C(m₂, n − x) = P_hyper(x) · C(N, n), and ln C(N, n) = −ln P_hyper(n | N, n, n).
  const logCombinations = logHyper - hypergeometricLogPmf(draws, population, draws, draws);
  return logCombinations + logIntegral(x, draws - x, odds, marked - x, unmarked - draws + x);
}

/**
 * ln ∫₀^∞ d·e^{−d·y} (1 − e^{−ω·y})^a (1 − e^{−y})^b dy with d = ω·leftMarked + leftUnmarked: the
 * probability that a given order of a marked and b unmarked draws happens first, summed over orders.
 */
function logIntegral(a: number, b: number, odds: number, leftMarked: number, leftUnmarked: number): number {
  const d = odds * leftMarked + leftUnmarked;
  const logIntegrand = (y: number) => -d * y + a * log1mExp(odds * y) + b * log1mExp(y);
  const slope = (y: number) =>
    -d + (a > 0 ? (a * odds) / Math.expm1(odds * y) : 0) + (b > 0 ? b / Math.expm1(y) : 0);
  const curvature = (y: number) => {
    const e1 = Math.expm1(odds * y);
    const e2 = Math.expm1(y);
    return -(a > 0 ? (a * odds * odds * (e1 + 1)) / (e1 * e1) : 0) - (b > 0 ? (b * (e2 + 1)) / (e2 * e2) : 0);
  };
  // The slope falls from +∞ at y = 0 to −d: bracket its root, then Newton's method kept inside the bracket.
  let lo = 0;
  let hi = (a + b) / d;
  while (slope(hi) > 0) {
    lo = hi;
    hi *= 2;
  }
  let peak = hi;
  for (let iteration = 0; iteration < 200; iteration++) {
    const s = slope(peak);
    if (s > 0) lo = peak;
    else hi = peak;
    let next = peak - s / curvature(peak);
    if (!(next > lo && next < hi)) next = (lo + hi) / 2;
    if (Math.abs(next - peak) <= 1e-8 * peak) {
      peak = next;
      break;
    }
    peak = next;
  }
  const top = logIntegrand(peak);
  const width = 3 / Math.sqrt(-curvature(peak));
  const panel = (from: number, to: number) => {
    const mid = (from + to) / 2;
    const half = (to - from) / 2;
    let sum = 0;
    for (let i = 0; i < RULE.nodes.length; i++) {
      sum += at(RULE.weights, i) * Math.exp(logIntegrand(mid + half * at(RULE.nodes, i)) - top);
    }
    return sum * half;
  };
  // Beyond the peak the integrand falls (it is log-concave), so a panel adds at most its width times the
  // integrand at its inner edge: once that is below 10⁻¹⁶ of the total, the panel is not summed.
  const negligible = (edge: number, total: number) =>
    width * Math.exp(logIntegrand(edge) - top) < 1e-16 * total;
  let total = 0;
  for (let right = peak; ; right -= width) {
    if (total > 0 && negligible(right, total)) break;
    const left = Math.max(0, right - width);
    const part = panel(left, right);
    total += part;
    if (left === 0 || part < 1e-16 * total) break;
  }
  for (let left = peak; ; left += width) {
    if (negligible(left, total)) break;
    const part = panel(left, left + width);
    total += part;
    if (part < 1e-16 * total) break;
  }
  return Math.log(d) + top + Math.log(total);
}

/** ln(1 − e^{−z}) for z > 0, accurate at both ends (Mächler 2012). */
function log1mExp(z: number): number {
  return z > Math.LN2 ? Math.log1p(-Math.exp(-z)) : Math.log(-Math.expm1(-z));
}
