import { hypergeometricLogPmf } from "../distributions/hypergeometricLogPmf.js";
import { hypergeometricTail } from "../distributions/hypergeometricTail.js";
import { firstTrue } from "../math/firstTrue.js";
import { hypergeometricCount } from "./hypergeometricCount.js";

/** One stratum (or window) of a stratified random sample: N_h cases, n_h drawn at random, k_h found. */
export interface StratumCount {
  readonly population: number;
  readonly sample: number;
  readonly found: number;
}

/** `joint`: Wendell & Schmee's exact limit; `bonferroni`: the fallback, a sum of per-stratum limits at α/H. */
export type StratifiedCountMethod = "joint" | "bonferroni";

export interface StratifiedCountBound {
  /** The limit on the total affected over all strata: a whole count in [found, N − (n − found)]. */
  readonly bound: number;
  readonly method: StratifiedCountMethod;
  /**
   * `joint` only: false when the search for the largest p-value ran out of its work limit at some total
   * and kept that total (a limit at least as safe, possibly a few cases wider than Wendell & Schmee's).
   */
  readonly exact: boolean;
  /**
   * `joint` only: the weights N_h/n_h of the projected total were rounded (to 1/200 of the smallest)
   * because their exact integer ratios were too large; the order of outcomes is then that of the rounded
   * projection.
   */
  readonly weightsRounded: boolean;
}

/**
 * Work limits, in inner multiply-adds: the dynamic programme's tables (about 0.2 s in Node on one core)
 * and each exact decision's branch-and-bound. Above the first, the Bonferroni sum is used instead.
 */
export const STRATIFIED_WORK_LIMIT = 3e7;
const SEARCH_LIMIT = 3e6;
/** A probability within this (relative) of α is kept, not rejected: near-ties widen, never narrow. */
const KEEP = 1e-9;

/** Largest Σ c_h n_h for exact integer weights; above it the weights are rounded (to within 1/Q). */
const EXACT_WEIGHTS = 1e6;
/** Largest number of distinct partial sums kept over all strata before falling back. */
const STATE_LIMIT = 2e5;

/**
 * Integer weights c_h proportional to N_h/n_h, so that S = Σ c_h x_h orders outcomes exactly as the
 * projected total does: the exact ratios when Σ c_h n_h ≤ 10^6, else N_h/n_h rounded to multiples of
 * 1/Q of the smallest, Q chosen from the design alone (so that Σ c_h n_h ≈ 10^6; an order chosen after
 * seeing the counts would void the guarantee).
 */
function integerWeights(strata: readonly StratumCount[]): { weights: number[]; rounded: boolean } {
  const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));
  let lcm = 1;
  for (const s of strata) {
    const den = s.sample / gcd(s.population, s.sample);
    lcm = (lcm / gcd(lcm, den)) * den;
    if (lcm > EXACT_WEIGHTS) break;
  }
  if (lcm <= EXACT_WEIGHTS) {
    const ints = strata.map((s) => {
      const g = gcd(s.population, s.sample);
      return (s.population / g) * (lcm / (s.sample / g));
    });
    const common = ints.reduce((a, b) => gcd(a, b), 0);
    const weights = ints.map((w) => w / common);
    if (weights.reduce((t, c, h) => t + c * (strata[h] as StratumCount).sample, 0) <= EXACT_WEIGHTS)
      return { weights, rounded: false };
  }
  const least = Math.min(...strata.map((s) => s.population / s.sample));
  const scale = strata.reduce((t, s) => t + (s.population / s.sample / least) * s.sample, 0);
  const Q = Math.max(1, Math.floor(EXACT_WEIGHTS / scale));
  return {
    weights: strata.map((s) => Math.max(1, Math.round((Q * (s.population / s.sample)) / least))),
    rounded: true,
  };
}

/**
 * The limit of one side as Wendell & Schmee define it. `lower` tail (for the upper limit): the largest T
 * such that some allocation K_1 + … + K_H = T consistent with the data has P(S ≤ s) > α, where S is the
 * weighted count Σ c_h X_h (c_h ∝ N_h/n_h, so S orders outcomes as the projected total does) and s its
 * observed value. `upper` tail (for the lower limit): the smallest T with max P(S ≥ s) > α.
 *
 * The state before stratum h is what is left of s (for the lower tail: s less the weighted counts drawn so
 * far; for the upper tail: what S must still reach, at least 0); only the states reachable from s are
 * kept. G_h(t, r) bounds from above the largest probability, over allocations of t to strata h…H, that
 * the rest of S keeps within (reaches) r: G_h(t, r) = max over K_h of Σ_x P(X_h = x | K_h)·G_{h+1}(t − K_h,
 * r − c_h x). Letting K_{h+1}… depend on the x drawn before relaxes the problem, so the bound is exact for
 * two strata and an upper bound beyond; a branch-and-bound over the allocation of the earlier strata,
 * pruned by the same bound, decides exactly the totals it leaves open.
 */
class Problem {
  readonly H: number;
  readonly s: number;
  readonly lo: number[];
  readonly hi: number[];
  readonly xMax: number[];
  /** states[h]: the reachable states before stratum h (states[0] = [s]). */
  readonly states: number[][] = [];
  /** jumps[h][i]: for state i of level h, the index in level h + 1 after drawing x = 0, 1, … */
  readonly jumps: Int32Array[][] = [];
  /** zero[h]: the index of state 0 in level h (upper tail), or −1. */
  readonly zero: number[] = [];
  /** pmf[h][k − lo[h]][x] for x ≤ xMax[h]; for the upper tail also tails[h][k − lo][m] = P(X ≥ m). */
  readonly pmf: Float64Array[][] = [];
  readonly tails: Float64Array[][] = [];
  /** tables[h]: G_h(t, i) for t in [tLo[h], tHi[h]] and state i of level h; h ≥ 1. */
  readonly tables: (Float64Array | null)[] = [];
  readonly tLo: number[] = [];
  readonly tHi: number[] = [];
  readonly tooMany: boolean;
  searchWork = 0;

  constructor(
    readonly strata: readonly StratumCount[],
    readonly weights: readonly number[],
    readonly alpha: number,
    readonly tail: "lower" | "upper",
  ) {
    this.H = strata.length;
    this.s = strata.reduce((t, st, h) => t + (weights[h] as number) * st.found, 0);
    this.lo = strata.map((st) => st.found);
    this.hi = strata.map((st, h) => {
      const most = st.population - st.sample + st.found;
      if (tail === "upper") return most;
      // S ≤ s needs c_h X_h ≤ s, so a K_h whose own test rejects X_h ≤ ⌊s/c_h⌋ gives P(S ≤ s) ≤ α.
      const allowed = Math.floor(this.s / (weights[h] as number));
      if (allowed >= st.sample) return most;
      return Math.min(most, hypergeometricCount(allowed, st.sample, st.population, alpha).upper);
    });
    this.xMax = strata.map((st, h) =>
      Math.min(
        st.sample,
        tail === "lower"
          ? Math.floor(this.s / (weights[h] as number))
          : Math.ceil(this.s / (weights[h] as number)),
      ),
    );
    this.tooMany = this.stateBound() > STATE_LIMIT || !this.buildStates();
  }

  /** An upper bound on the number of states over all levels, before building them. */
  private stateBound(): number {
    let total = 0;
    let level = 1;
    for (let h = 0; h < this.H; h++) {
      total += level;
      level = Math.min(this.s + 1, level * ((this.xMax[h] as number) + 1));
    }
    return total;
  }

  /** The reachable states of every level and the jumps between them; false above {@link STATE_LIMIT}. */
  private buildStates(): boolean {
    let level = [this.s];
    let total = 1;
    for (let h = 0; h < this.H; h++) {
      this.states.push(level);
      this.zero.push(level.indexOf(0));
      if (h === this.H - 1) break;
      const c = this.weights[h] as number;
      const next = new Map<number, number>();
      const jumps: Int32Array[] = [];
      for (const r of level) {
        const top = this.top(h, r);
        const row = new Int32Array(top + 1);
        for (let x = 0; x <= top; x++) {
          const v = r - c * x;
          let j = next.get(v);
          if (j === undefined) {
            j = next.size;
            next.set(v, j);
          }
          row[x] = j;
        }
        if (this.tail === "upper" && !next.has(0)) next.set(0, next.size);
        jumps.push(row);
      }
      this.jumps.push(jumps);
      level = [...next.keys()];
      total += level.length;
      if (total > STATE_LIMIT) return false;
    }
    return true;
  }

  /** The largest x drawn from stratum h that keeps state r away from its end (the lumped tail aside). */
  private top(h: number, r: number): number {
    const c = this.weights[h] as number;
    const xMax = this.xMax[h] as number;
    return this.tail === "lower" ? Math.min(xMax, Math.floor(r / c)) : Math.min(xMax, Math.ceil(r / c) - 1);
  }

  /** Inner steps (multiply-adds) to build the tables for totals up to `cap`. */
  work(cap: number): number {
    if (this.tooMany) return Number.POSITIVE_INFINITY;
    const { H } = this;
    // The pmf rows: a few operations per term.
    let total = this.strata.reduce(
      (t, _, h) =>
        t +
        4 *
          (Math.min(this.hi[h] as number, cap) - (this.lo[h] as number) + 1) *
          ((this.xMax[h] as number) + 1),
      0,
    );
    let before = this.lo[0] as number;
    for (let h = 1; h < H; h++) {
      const level = this.states[h] as number[];
      const tLo = this.sumLo(h);
      const tHi = Math.min(cap - before, this.sumHi(h));
      if (h === H - 1) {
        total += Math.max(0, tHi - tLo + 1) * (level.length + (this.xMax[h] as number));
        break;
      }
      let perPair = 0;
      for (const r of level) perPair += 2 + Math.max(0, this.top(h, r));
      const lo = this.lo[h] as number;
      const hi = Math.min(this.hi[h] as number, cap);
      const nLo = this.sumLo(h + 1);
      const nHi = this.sumHi(h + 1);
      let pairs = 0;
      for (let t = tLo; t <= tHi; t++)
        pairs += Math.max(0, Math.min(hi, t - nLo) - Math.max(lo, t - nHi) + 1);
      total += pairs * perPair;
      before += lo;
    }
    return total;
  }

  sumLo(h: number): number {
    return this.lo.slice(h).reduce((a, b) => a + b, 0);
  }
  sumHi(h: number): number {
    return this.hi.slice(h).reduce((a, b) => a + b, 0);
  }

  /** The distribution of X_h at K_h = k, as far as the threshold can use it. */
  private buildPmf(h: number, cap: number): void {
    const st = this.strata[h] as StratumCount;
    const lo = this.lo[h] as number;
    const hi = Math.min(this.hi[h] as number, cap);
    const xMax = this.xMax[h] as number;
    const rows: Float64Array[] = [];
    const tails: Float64Array[] = [];
    const { population: N, sample: n } = st;
    for (let k = lo; k <= hi; k++) {
      // One exact log-space term near the mode, then the ratio of neighbouring terms both ways: terms too
      // small for a double become 0, far below anything compared with α.
      const row = new Float64Array(xMax + 1);
      const from = Math.max(Math.max(0, n - (N - k)), Math.min(xMax, Math.min(k, Math.round((n * k) / N))));
      if (from <= xMax) {
        row[from] = Math.exp(hypergeometricLogPmf(from, N, k, n));
        for (let x = from; x < xMax; x++)
          row[x + 1] = ((row[x] as number) * (k - x) * (n - x)) / ((x + 1) * (N - k - n + x + 1));
        for (let x = from; x > 0; x--)
          row[x - 1] = ((row[x] as number) * x * (N - k - n + x)) / ((k - x + 1) * (n - x + 1));
      }
      rows.push(row);
      if (this.tail === "upper") {
        // P(X ≥ m) = 1 − P(X < m): its absolute error (about 10⁻¹⁶ per term) is far below α's scale.
        const t = new Float64Array(xMax + 2);
        let below = 0;
        for (let m = 0; m <= xMax + 1; m++) {
          t[m] = Math.max(0, 1 - below);
          below += m <= xMax ? (row[m] as number) : 0;
        }
        tails.push(t);
      }
    }
    this.pmf[h] = rows;
    this.tails[h] = tails;
  }

  /** Builds the pmfs and the tables G_h for totals up to `cap`. */
  build(cap: number): void {
    for (let h = 0; h < this.H; h++) this.buildPmf(h, cap);
    const { H } = this;
    let before = 0;
    const befores: number[] = [];
    for (let h = 0; h < H; h++) {
      befores.push(before);
      before += this.lo[h] as number;
    }
    for (let h = H - 1; h >= 1; h--) {
      const level = this.states[h] as number[];
      const width = level.length;
      const tLo = this.sumLo(h);
      const tHi = Math.min(cap - (befores[h] as number), this.sumHi(h));
      this.tLo[h] = tLo;
      this.tHi[h] = tHi;
      if (tHi < tLo) {
        this.tables[h] = null;
        continue;
      }
      const table = new Float64Array((tHi - tLo + 1) * width);
      const c = this.weights[h] as number;
      if (h === H - 1) {
        const lo = this.lo[h] as number;
        for (let t = tLo; t <= tHi; t++) {
          const base = (t - tLo) * width;
          const pmf = (this.pmf[h] as Float64Array[])[t - lo] as Float64Array;
          const tails = (this.tails[h] as Float64Array[])[t - lo];
          const cdf = new Float64Array(pmf.length);
          let sum = 0;
          for (let x = 0; x < pmf.length; x++) cdf[x] = sum += pmf[x] as number;
          level.forEach((r, i) => {
            table[base + i] =
              this.tail === "lower"
                ? Math.min(1, cdf[Math.min(pmf.length - 1, Math.floor(r / c))] as number)
                : r <= 0
                  ? 1
                  : ((tails as Float64Array)[Math.ceil(r / c)] ?? 0);
          });
        }
      } else {
        const next = this.tables[h + 1] as Float64Array | null;
        const nLo = this.tLo[h + 1] as number;
        const nHi = this.tHi[h + 1] as number;
        const nWidth = (this.states[h + 1] as number[]).length;
        const lo = this.lo[h] as number;
        const rows = this.pmf[h] as Float64Array[];
        const tails = this.tails[h] as Float64Array[];
        const jumps = this.jumps[h] as Int32Array[];
        for (let t = tLo; t <= tHi && next; t++) {
          const base = (t - tLo) * width;
          const kHi = Math.min(lo + rows.length - 1, t - nLo);
          const kLo = Math.max(lo, t - nHi);
          for (let k = kLo; k <= kHi; k++) {
            const offset = (t - k - nLo) * nWidth;
            const pmf = rows[k - lo] as Float64Array;
            const tail = tails[k - lo];
            for (let i = 0; i < width; i++) {
              const jump = jumps[i] as Int32Array;
              let sum = 0;
              for (let x = 0; x < jump.length; x++)
                sum += (pmf[x] as number) * (next[offset + (jump[x] as number)] as number);
              if (tail) {
                const need = Math.ceil((level[i] as number) / c);
                if (need < tail.length) sum += tail[need] as number;
              }
              if (sum > (table[base + i] as number)) table[base + i] = sum;
            }
          }
        }
      }
      this.tables[h] = table;
    }
  }

  /** The distribution over the states of level h + 1 after drawing from stratum h at K_h = k. */
  private advance(prefix: Float64Array, h: number, k: number): Float64Array {
    const out = new Float64Array((this.states[h + 1] as number[]).length);
    const c = this.weights[h] as number;
    const pmf = (this.pmf[h] as Float64Array[])[k - (this.lo[h] as number)] as Float64Array;
    const tails =
      this.tail === "upper" ? (this.tails[h] as Float64Array[])[k - (this.lo[h] as number)] : undefined;
    const jumps = this.jumps[h] as Int32Array[];
    const level = this.states[h] as number[];
    const zero = this.zero[h + 1] as number;
    for (let i = 0; i < prefix.length; i++) {
      const p = prefix[i] as number;
      if (p === 0) continue;
      const jump = jumps[i] as Int32Array;
      for (let x = 0; x < jump.length; x++)
        out[jump[x] as number] = (out[jump[x] as number] as number) + p * (pmf[x] as number);
      if (tails) {
        const need = Math.ceil((level[i] as number) / c);
        if (need < tails.length) out[zero] = (out[zero] as number) + p * (tails[need] as number);
      }
      this.searchWork += jump.length + 1;
    }
    return out;
  }

  private dot(prefix: Float64Array, h: number, t: number): number {
    const table = this.tables[h];
    if (!table || t < (this.tLo[h] as number) || t > (this.tHi[h] as number)) return 0;
    const offset = (t - (this.tLo[h] as number)) * prefix.length;
    let sum = 0;
    for (let i = 0; i < prefix.length; i++) sum += (prefix[i] as number) * (table[offset + i] as number);
    return sum;
  }

  private kRange(h: number, t: number): [number, number] {
    const lo = this.lo[h] as number;
    const hi = Math.min(this.hi[h] as number, lo + ((this.pmf[h] as Float64Array[]).length - 1));
    return [Math.max(lo, t - this.sumHi(h + 1)), Math.min(hi, t - this.sumLo(h + 1))];
  }

  private start(): Float64Array {
    return Float64Array.of(1);
  }

  /** The dynamic programme's upper bound on the largest p-value at total T (exact for two strata). */
  bound(T: number): number {
    if (this.H === 1) {
      const st = this.strata[0] as StratumCount;
      if (T < (this.lo[0] as number) || T > (this.hi[0] as number)) return 0;
      return this.tail === "lower"
        ? hypergeometricTail(st.found, st.population, T, st.sample, "lower")
        : hypergeometricTail(st.found - 1, st.population, T, st.sample, "upper");
    }
    const [kLo, kHi] = this.kRange(0, T);
    let best = 0;
    for (let k = kLo; k <= kHi; k++)
      best = Math.max(best, this.dot(this.advance(this.start(), 0, k), 1, T - k));
    return best;
  }

  /**
   * Decides total T exactly: true when some allocation has p-value > α (or within {@link KEEP} of it),
   * false when none has, null when the search ran out of its work limit.
   */
  decide(T: number): boolean | null {
    if (this.H <= 2) return this.bound(T) > this.alpha * (1 - KEEP);
    this.searchWork = 0;
    const explore = (h: number, prefix: Float64Array, t: number): boolean | null => {
      const [kLo, kHi] = this.kRange(h, t);
      const options: { k: number; next: Float64Array; value: number }[] = [];
      for (let k = kLo; k <= kHi; k++) {
        const next = this.advance(prefix, h, k);
        const value = this.dot(next, h + 1, t - k);
        if (value > this.alpha * (1 - KEEP)) options.push({ k, next, value });
        if (this.searchWork > SEARCH_LIMIT) return null;
      }
      // The last table is the last stratum itself: its values are exact.
      if (h + 2 === this.H) return options.length > 0;
      options.sort((a, b) => b.value - a.value);
      let unknown = false;
      for (const o of options) {
        const found = explore(h + 1, o.next, t - o.k);
        if (found === true) return true;
        if (found === null) unknown = true;
        if (this.searchWork > SEARCH_LIMIT) return null;
      }
      return unknown ? null : false;
    };
    return explore(0, this.start(), T);
  }
}

/**
 * Bonferroni: each stratum's exact bound at α/H, summed. Covers at least 1 − α whatever the allocation.
 */
function bonferroni(strata: readonly StratumCount[], alpha: number, side: "lower" | "upper"): number {
  return strata.reduce((total, s) => {
    const b = hypergeometricCount(s.found, s.sample, s.population, alpha / strata.length);
    return total + (side === "upper" ? b.upper : s.found === 0 ? 0 : b.lower);
  }, 0);
}

function solve(
  strata: readonly StratumCount[],
  alpha: number,
  side: "lower" | "upper",
): { bound: number; exact: boolean } | null {
  const { weights } = integerWeights(strata);
  const found = strata.reduce((t, s) => t + s.found, 0);
  const most = strata.reduce((t, s) => t + s.population - s.sample + s.found, 0);
  const projected = strata.reduce((t, s) => t + (s.population * s.found) / s.sample, 0);
  const problem = new Problem(strata, weights, alpha, side === "upper" ? "lower" : "upper");
  if (side === "lower") {
    if (problem.s === 0) return { bound: found, exact: true };
    // max P(S ≥ s) grows with T; the limit lies at or below the projected total (where it is about ½).
    let cap = Math.min(most, Math.ceil(projected) + 1);
    for (;;) {
      if (problem.work(cap) > STRATIFIED_WORK_LIMIT) return null;
      problem.build(cap);
      if (problem.bound(cap) > alpha * (1 - KEEP) || cap >= most) break;
      cap = Math.min(most, 2 * cap);
    }
    // The bound grows with T: the first T it leaves open, then each T exactly from there.
    const kept = (T: number) => problem.bound(T) > alpha * (1 - KEEP);
    let exact = true;
    for (let T = firstTrue(found, cap, kept, projected / 2); T <= cap; T++) {
      const decided = problem.decide(T);
      if (decided === false) continue;
      if (decided === null) exact = false;
      return { bound: T, exact };
    }
    return { bound: most, exact };
  }
  const highest = problem.sumHi(0);
  // The tables grow with the square of the largest total they cover: start from the Bonferroni limit,
  // which is almost always above the joint one, and double while the bound still keeps the cap.
  let cap = Math.min(highest, Math.max(found + 1, bonferroni(strata, alpha, "upper")));
  for (;;) {
    if (problem.work(cap) > STRATIFIED_WORK_LIMIT) return null;
    problem.build(cap);
    if (problem.bound(cap) <= alpha * (1 - KEEP) || cap >= highest) break;
    cap = Math.min(highest, 2 * cap);
  }
  // The bound falls as T grows: the last T it leaves open, then each T exactly from there down.
  const rejected = (T: number) => problem.bound(T) <= alpha * (1 - KEEP);
  let exact = true;
  for (let T = firstTrue(found, cap, rejected, 1.5 * projected + 3) - 1; T >= found; T--) {
    const decided = problem.decide(T);
    if (decided === false) continue;
    if (decided === null) exact = false;
    return { bound: T, exact };
  }
  return { bound: found, exact };
}

/**
 * One limit on the total number affected over H strata (or review windows) sampled independently at
 * random, with coverage at least 1 − α for every allocation of the affected cases to the strata.
 *
 * Method: Wendell & Schmee's exact limit. Outcomes are ordered by the projected total Σ N_h x_h/n_h; the
 * p-value of a total T is the largest, over every allocation K_1 + … + K_H = T consistent with the data
 * (k_h ≤ K_h ≤ N_h − n_h + k_h), of P(projected ≤ observed) (for the upper limit; ≥ for the lower);
 * the upper limit is the largest T whose p-value exceeds α, the lower the smallest. Because the p-value
 * of the true allocation is at most α with probability at most α, the limit covers the total with
 * probability at least 1 − α, whatever the allocation (Buehler 1957). The largest p-value is found exactly
 * (not by a local search): a dynamic programme bounds it from above for every T at once, and a
 * branch-and-bound over the allocation decides the totals the bound leaves open. P(projected ≤ observed)
 * decreases in every K_h, so the accepted totals form one run and per-stratum tests cap each K_h.
 *
 * When the programme's tables would take more than {@link STRATIFIED_WORK_LIMIT} steps (many strata with
 * many found, or large populations at moderate rates), the Bonferroni sum of per-stratum exact limits at
 * α/H is returned instead, with `method: "bonferroni"`. A branch-and-bound that runs out of its own
 * limit keeps the total it could not decide (`exact: false`): never narrower than the exact limit.
 *
 * Reference: Wendell & Schmee (1996), "Exact inference for proportions from a stratified finite
 * population", JASA 91(434), 825–830; R. J. Buehler (1957), "Confidence intervals for the product of two
 * binomial parameters", JASA 52, 482–493.
 *
 * @param strata - each stratum's population, sample and found
 * @param alpha - the risk in this tail (1 − confidence one-sided; (1 − confidence)/2 for each side of a
 *   two-sided interval)
 * @param side - `upper` for the upper limit, `lower` for the lower
 * @example
 * const twelve = Array.from({ length: 12 }, () => ({ population: 1000, sample: 50, found: 0 }));
 * stratifiedCount(twelve, 0.05, "upper").bound; // 58
 */
export function stratifiedCount(
  strata: readonly StratumCount[],
  alpha: number,
  side: "lower" | "upper",
): StratifiedCountBound {
  const { weights, rounded } = integerWeights(strata);
  const found = strata.reduce((t, s) => t + s.found, 0);
  const total = strata.reduce((t, s) => t + s.population, 0);
  if (side === "lower" && found === 0)
    return { bound: 0, method: "joint", exact: true, weightsRounded: rounded };
  // The same limit computed on the cases not affected (S' = projected unaffected = N − S) needs a table
  // over its own observed value; use whichever side's value is smaller.
  const complement = strata.map((s) => ({
    population: s.population,
    sample: s.sample,
    found: s.sample - s.found,
  }));
  const direct = weights.reduce((t, c, h) => t + c * (strata[h] as StratumCount).found, 0);
  const flipped = weights.reduce((t, c, h) => t + c * (complement[h] as StratumCount).found, 0);
  const result =
    flipped < direct
      ? (() => {
          const r = solve(complement, alpha, side === "upper" ? "lower" : "upper");
          return r && { bound: total - r.bound, exact: r.exact };
        })()
      : solve(strata, alpha, side);
  if (!result)
    return {
      bound: bonferroni(strata, alpha, side),
      method: "bonferroni",
      exact: true,
      weightsRounded: rounded,
    };
  return { bound: result.bound, method: "joint", exact: result.exact, weightsRounded: rounded };
}
