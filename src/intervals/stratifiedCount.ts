import { hypergeometricLogPmf } from "../distributions/hypergeometricLogPmf.js";
import { at } from "../math/at.js";
import { firstTrue } from "../math/firstTrue.js";
import { decimalFraction, type Fraction } from "../math/wholeCount.js";
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
 * Work limits, in inner multiply-adds: the dynamic programme's tables (about a second in Node on one
 * core) and each exact decision's branch-and-bound. Above the first, the Bonferroni sum is used instead.
 */
export const STRATIFIED_WORK_LIMIT = 3e8;
const SEARCH_LIMIT = 3e7;
/** Past this much branch-and-bound over all totals of one limit, the totals left open are kept undecided. */
const TOTAL_SEARCH_LIMIT = 1.5e8;
/**
 * A double-precision probability within this (relative) of α does not decide: the probability of that
 * allocation is then computed exactly, as a ratio of BigInts, and compared with α as an exact fraction.
 * The doubles' error is below 1e-12 relative; a bound within this of α is never used to reject.
 */
const UNDECIDED = 1e-9;

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

/** C(a, b) as a BigInt (0 outside 0 ≤ b ≤ a). */
function choose(a: number, b: number): bigint {
  if (b < 0 || b > a) return 0n;
  const m = Math.min(b, a - b);
  let result = 1n;
  for (let i = 1; i <= m; i++) result = (result * BigInt(a - m + i)) / BigInt(i);
  return result;
}

/** One row of a stratum's distribution at K_h = k, as far as the threshold can use it. */
interface Row {
  /** P(X_h = x) for x = 0…xMax[h]. */
  readonly pmf: Float64Array;
  /** Lower tail: P(X_h ≤ x) for x = 0…xMax; upper tail: P(X_h ≥ m) for m = 0…xMax + 1. */
  readonly cumulative: Float64Array;
}

/**
 * The limit of one side as Wendell & Schmee define it. `lower` tail (for the upper limit): the largest T
 * such that some allocation K_1 + … + K_H = T consistent with the data has P(S ≤ s) > α, where S is the
 * weighted count Σ c_h X_h (c_h ∝ N_h/n_h, so S orders outcomes as the projected total does) and s its
 * observed value. `upper` tail (for the lower limit): the smallest T with max P(S ≥ s) > α.
 *
 * The strata come grouped into classes of equal N_h and n_h, each class in decreasing order of k_h. The
 * probability depends only on how many affected cases each class's strata hold, not on which stratum of
 * the class holds which, so only allocations in non-increasing order within a class are searched (the
 * sorted allocation is consistent with the data whenever some order of it is, since the strata of a class
 * allow the same number of affected cases above their k_h).
 *
 * The state before stratum h is what is left of s (for the lower tail: s less the weighted counts drawn so
 * far; for the upper tail: what S must still reach, at least 0); only the states reachable from s are
 * kept. G_h(t, r) bounds from above the largest probability, over allocations of t to strata h…H, that
 * the rest of S keeps within (reaches) r: G_h(t, r) = max over K_h of Σ_x P(X_h = x | K_h)·G_{h+1}(t − K_h,
 * r − c_h x). Letting K_{h+1}… depend on the x drawn before relaxes the problem, so the bound is exact for
 * two strata and an upper bound beyond; a branch-and-bound over the allocation of the earlier strata,
 * pruned by the same bound, decides exactly the totals it leaves open.
 *
 * Array reads once per solve (the constructor, the levels, the tables' ranges, an allocation's value) are
 * checked with math/at.ts. The reads in what runs per state, per total or per probe of the search (top,
 * last, kRange, row, build's loops, envelope, advance, dot, through) are cast instead: they run
 * millions of times in the larger cases of `npm run bench`, where the helper, whose one load site sees
 * every kind of array, costs more than the work around it. Their indices are in range by
 * construction: a stratum h < H, a state i below its level's width (prefix, need and jumps are that
 * long), an x ≤ the row's top (a jump row is no longer than pmf), a total within [tLo[h], tHi[h]] (the
 * table's rows), and a jump's target below the next level's width.
 */
class Problem {
  readonly H: number;
  readonly s: number;
  readonly lo: number[];
  readonly hi: number[];
  readonly xMax: number[];
  private readonly suffixLo: number[];
  private readonly suffixHi: number[];
  /** sameClass[h]: stratum h has the N and n of stratum h − 1 (so K_h ≤ K_{h−1} is searched). */
  readonly sameClass: boolean[];
  /** oneClass[h]: strata h…H all have the same N and n (so K_h ≥ t/(H − h) is searched). */
  readonly oneClass: boolean[];
  /** states[h]: the reachable states before stratum h (states[0] = [s]). */
  readonly states: number[][] = [];
  /** jumps[h][i]: for state i of level h, the index in level h + 1 after drawing x = 0, 1, … */
  readonly jumps: Int32Array[][] = [];
  /** need[h][i]: the least x that takes state i of level h to its end (upper tail only). */
  readonly need: Int32Array[] = [];
  /** zero[h]: the index of state 0 in level h (upper tail), or −1. */
  readonly zero: number[] = [];
  /** rows[h] maps K_h to its row, computed when first asked for. */
  private readonly rows: Map<number, Row>[];
  /** tables[h]: G_h(t, i) for t in [tLo[h], tHi[h]] and state i of level h; h ≥ 1. */
  readonly tables: (Float64Array | null)[] = [];
  readonly tLo: number[] = [];
  readonly tHi: number[] = [];
  /** The largest total the tables cover (−1: none built). */
  cap = -1;
  readonly tooMany: boolean;
  searchWork = 0;
  private readonly exactAlpha: Fraction;
  private readonly denominator: bigint;

  constructor(
    readonly strata: readonly StratumCount[],
    readonly weights: readonly number[],
    readonly alpha: number,
    exactAlpha: Fraction,
    readonly tail: "lower" | "upper",
  ) {
    this.H = strata.length;
    this.exactAlpha = exactAlpha;
    this.s = strata.reduce((t, st, h) => t + at(weights, h) * st.found, 0);
    this.lo = strata.map((st) => st.found);
    this.hi = strata.map((st, h) => {
      const most = st.population - st.sample + st.found;
      if (tail === "upper") return most;
      // S ≤ s needs c_h X_h ≤ s, so a K_h whose own test rejects X_h ≤ ⌊s/c_h⌋ gives P(S ≤ s) ≤ α. The cap
      // depends on N_h and n_h alone, so the strata of a class keep their order of k_h in it too.
      const allowed = Math.floor(this.s / at(weights, h));
      if (allowed >= st.sample) return most;
      return Math.min(most, hypergeometricCount(allowed, st.sample, st.population, alpha, exactAlpha).upper);
    });
    this.suffixLo = this.lo.map((_, h) => this.lo.slice(h).reduce((a, b) => a + b, 0));
    this.suffixHi = this.hi.map((_, h) => this.hi.slice(h).reduce((a, b) => a + b, 0));
    this.xMax = strata.map((st, h) =>
      Math.min(
        st.sample,
        tail === "lower" ? Math.floor(this.s / at(weights, h)) : Math.ceil(this.s / at(weights, h)),
      ),
    );
    const key = (h: number) => {
      const st = at(strata, h);
      return `${st.population}/${st.sample}`;
    };
    this.sameClass = strata.map((_, h) => h > 0 && key(h) === key(h - 1));
    this.oneClass = strata.map(() => false);
    for (let h = this.H - 1; h >= 0; h--)
      this.oneClass[h] =
        h === this.H - 1 || (this.sameClass[h + 1] === true && this.oneClass[h + 1] === true);
    this.rows = strata.map(() => new Map<number, Row>());
    this.denominator = strata.reduce((p, st) => p * choose(st.population, st.sample), 1n);
    this.tooMany = this.stateBound() > STATE_LIMIT || !this.buildStates();
  }

  /** An upper bound on the number of states over all levels, before building them. */
  private stateBound(): number {
    let total = 0;
    let level = 1;
    for (let h = 0; h < this.H; h++) {
      total += level;
      level = Math.min(this.s + 1, level * (at(this.xMax, h) + 1));
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
      const c = at(this.weights, h);
      this.need.push(Int32Array.from(level, (r) => Math.max(0, Math.ceil(r / c))));
      if (h === this.H - 1) break;
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

  /** Σ lo (Σ hi) over strata h…H. */
  sumLo(h: number): number {
    return this.suffixLo[h] ?? 0;
  }
  sumHi(h: number): number {
    return this.suffixHi[h] ?? 0;
  }

  /** The distribution of X_h at K_h = k, as far as the threshold can use it (computed once). */
  row(h: number, k: number): Row {
    const rows = at(this.rows, h);
    const known = rows.get(k);
    if (known) return known;
    const st = at(this.strata, h);
    const xMax = at(this.xMax, h);
    const { population: N, sample: n } = st;
    // One exact log-space term near the mode, then the ratio of neighbouring terms both ways over the
    // whole support: terms too small for a double become 0, far below anything compared with α.
    const least = Math.max(0, n - (N - k));
    const most = Math.min(n, k);
    const full = new Float64Array(n + 1);
    const from = Math.min(most, Math.max(least, Math.round((n * k) / N)));
    const atMode = Math.exp(hypergeometricLogPmf(from, N, k, n));
    full[from] = atMode;
    let term = atMode;
    for (let x = from; x < most; x++) {
      term = (term * (k - x) * (n - x)) / ((x + 1) * (N - k - n + x + 1));
      full[x + 1] = term;
    }
    term = atMode;
    for (let x = from; x > least; x--) {
      term = (term * x * (N - k - n + x)) / ((k - x + 1) * (n - x + 1));
      full[x - 1] = term;
    }
    const pmf = full.slice(0, xMax + 1);
    let cumulative: Float64Array;
    if (this.tail === "lower") {
      cumulative = new Float64Array(xMax + 1);
      let sum = 0;
      for (let x = 0; x <= xMax; x++) {
        sum += pmf[x] as number;
        cumulative[x] = Math.min(1, sum);
      }
    } else {
      // P(X ≥ m) summed from the top, so that a small tail keeps its relative precision.
      cumulative = new Float64Array(xMax + 2);
      let sum = full.subarray(xMax + 2).reduceRight((above, p) => above + p, 0);
      for (let m = xMax + 1; m >= 0; m--) {
        sum += full[m] ?? 0;
        cumulative[m] = Math.min(1, sum);
      }
    }
    const row = { pmf, cumulative };
    rows.set(k, row);
    return row;
  }

  /** P(the last stratum keeps within (reaches) state r | K = k), exactly as far as doubles go. */
  private last(k: number, r: number): number {
    const h = this.H - 1;
    const c = this.weights[h] as number;
    const { cumulative } = this.row(h, k);
    if (this.tail === "lower")
      return cumulative[Math.min(cumulative.length - 1, Math.floor(r / c))] as number;
    return r <= 0 ? 1 : (cumulative[Math.ceil(r / c)] ?? 0);
  }

  /** The K_h searched for stratum h when t is left for strata h…H: its own range and the class order. */
  kRange(h: number, t: number, previous: number): [number, number] {
    let kLo = Math.max(this.lo[h] as number, t - this.sumHi(h + 1));
    let kHi = Math.min(this.hi[h] as number, t - this.sumLo(h + 1));
    if (this.sameClass[h]) kHi = Math.min(kHi, previous);
    if (this.oneClass[h]) kLo = Math.max(kLo, Math.ceil(t / (this.H - h)));
    return [kLo, kHi];
  }

  /**
   * The largest total left for strata h…H when the total is at most `cap` and `before` is the least the
   * earlier strata hold. When all strata are of one class, the searched allocations are in decreasing
   * order, so the strata from h on hold at most a share (H − h)/H of the total.
   */
  private mostLeft(h: number, cap: number, before: number): number {
    const most = Math.min(cap - before, this.sumHi(h));
    return this.oneClass[0] ? Math.min(most, Math.floor((cap * (this.H - h)) / this.H)) : most;
  }

  /** Inner steps (multiply-adds) to build the tables for totals up to `cap`. */
  work(cap: number): number {
    if (this.tooMany) return Number.POSITIVE_INFINITY;
    const { H } = this;
    let total = this.strata.reduce(
      (t, st, h) => t + 4 * Math.max(0, Math.min(at(this.hi, h), cap) - at(this.lo, h) + 1) * st.sample,
      0,
    );
    let before = at(this.lo, 0);
    for (let h = 1; h < H; h++) {
      const level = at(this.states, h);
      const tLo = this.sumLo(h);
      const tHi = this.mostLeft(h, cap, before);
      if (h === H - 1) {
        total += Math.max(0, tHi - tLo + 1) * (level.length + at(this.xMax, h));
        break;
      }
      let perPair = 0;
      for (const r of level) perPair += 2 + Math.max(0, this.top(h, r));
      let pairs = 0;
      for (let t = tLo; t <= tHi; t++) {
        const [kLo, kHi] = this.kRange(h, t, Number.POSITIVE_INFINITY);
        pairs += Math.max(0, kHi - kLo + 1);
      }
      total += pairs * perPair;
      before += at(this.lo, h);
    }
    return total;
  }

  /** Builds the tables G_h for totals up to `cap`. */
  build(cap: number): void {
    const { H } = this;
    this.cap = cap;
    let before = 0;
    const befores: number[] = [];
    for (let h = 0; h < H; h++) {
      befores.push(before);
      before += at(this.lo, h);
    }
    for (let h = H - 1; h >= 1; h--) {
      const level = at(this.states, h);
      const width = level.length;
      const tLo = this.sumLo(h);
      const tHi = this.mostLeft(h, cap, at(befores, h));
      this.tLo[h] = tLo;
      this.tHi[h] = tHi;
      if (tHi < tLo) {
        this.tables[h] = null;
        continue;
      }
      const table = new Float64Array((tHi - tLo + 1) * width);
      if (h === H - 1) {
        for (let t = tLo; t <= tHi; t++) {
          const base = (t - tLo) * width;
          for (let i = 0; i < width; i++) table[base + i] = this.last(t, level[i] as number);
        }
        this.tables[h] = this.envelope(table, width);
        continue;
      }
      const next = at(this.tables, h + 1);
      if (!next) {
        this.tables[h] = null;
        continue;
      }
      const nLo = at(this.tLo, h + 1);
      const nWidth = at(this.states, h + 1).length;
      const jumps = at(this.jumps, h);
      const need = at(this.need, h);
      const upper = this.tail === "upper";
      // The rows of every K_h the tables use, in one dense array for the inner loop.
      const least = this.kRange(h, tLo, Number.POSITIVE_INFINITY)[0];
      const levelRows: Row[] = [];
      for (let k = least; k <= this.kRange(h, tHi, Number.POSITIVE_INFINITY)[1]; k++)
        levelRows.push(this.row(h, k));
      for (let t = tLo; t <= tHi; t++) {
        const base = (t - tLo) * width;
        const [kLo, kHi] = this.kRange(h, t, Number.POSITIVE_INFINITY);
        for (let k = kLo; k <= kHi; k++) {
          const offset = (t - k - nLo) * nWidth;
          const { pmf, cumulative } = levelRows[k - least] as Row;
          for (let i = 0; i < width; i++) {
            const jump = jumps[i] as Int32Array;
            let sum = 0;
            for (let x = 0; x < jump.length; x++)
              sum += (pmf[x] as number) * (next[offset + (jump[x] as number)] as number);
            if (upper) {
              const m = need[i] as number;
              if (m < cumulative.length) sum += cumulative[m] as number;
            }
            if (sum > (table[base + i] as number)) table[base + i] = sum;
          }
        }
      }
      this.tables[h] = this.envelope(table, width);
    }
  }

  /**
   * The largest probability over allocations falls as the total grows (lower tail) or rises (upper
   * tail); the relaxed table need not, so it is replaced by its running maximum from the far side. That
   * is still an upper bound, and monotone, which the bound over a range of K_h in {@link decide} needs.
   */
  private envelope(table: Float64Array, width: number): Float64Array {
    const rows = table.length / width;
    if (this.tail === "lower") {
      for (let t = rows - 2; t >= 0; t--)
        for (let i = 0; i < width; i++)
          table[t * width + i] = Math.max(
            table[t * width + i] as number,
            table[(t + 1) * width + i] as number,
          );
    } else {
      for (let t = 1; t < rows; t++)
        for (let i = 0; i < width; i++)
          table[t * width + i] = Math.max(
            table[t * width + i] as number,
            table[(t - 1) * width + i] as number,
          );
    }
    return table;
  }

  /** The distribution over the states of level h + 1 after drawing from stratum h at K_h = k. */
  advance(prefix: Float64Array, h: number, k: number): Float64Array {
    const out = new Float64Array((this.states[h + 1] as number[]).length);
    const { pmf, cumulative } = this.row(h, k);
    const jumps = this.jumps[h] as Int32Array[];
    const need = this.need[h] as Int32Array;
    const zero = this.zero[h + 1] as number;
    const upper = this.tail === "upper";
    for (let i = 0; i < prefix.length; i++) {
      const p = prefix[i] as number;
      if (p === 0) continue;
      const jump = jumps[i] as Int32Array;
      for (let x = 0; x < jump.length; x++)
        out[jump[x] as number] = (out[jump[x] as number] as number) + p * (pmf[x] as number);
      if (upper) {
        const m = need[i] as number;
        if (m < cumulative.length) out[zero] = (out[zero] as number) + p * (cumulative[m] as number);
      }
      this.searchWork += jump.length + 1;
    }
    return out;
  }

  /** Σ_i prefix_i·G_h(t, i): the bound over the completions of a prefix (exact when h = H − 1). */
  dot(prefix: Float64Array, h: number, t: number): number {
    if (h === this.H - 1) {
      if (t < (this.lo[h] as number) || t > (this.hi[h] as number)) return 0;
      const level = this.states[h] as number[];
      let sum = 0;
      for (let i = 0; i < prefix.length; i++) {
        const p = prefix[i] as number;
        if (p !== 0) sum += p * this.last(t, level[i] as number);
      }
      return sum;
    }
    const table = this.tables[h];
    if (!table || t < (this.tLo[h] as number)) return 0;
    // Beyond the table (not reached by the search): the lower tail's bound at its end still holds, the
    // upper tail's is 1.
    if (t > (this.tHi[h] as number)) {
      if (this.tail === "upper") return prefix.reduce((a, b) => a + b, 0);
      t = this.tHi[h] as number;
    }
    const offset = (t - (this.tLo[h] as number)) * prefix.length;
    let sum = 0;
    for (let i = 0; i < prefix.length; i++) sum += (prefix[i] as number) * (table[offset + i] as number);
    return sum;
  }

  /**
   * Σ_i prefix_i Σ_x P(X_h = x | K_h = k)·G_{h+1}(rest, the state after x): the bound over the
   * completions once stratum h holds k (exact when h + 1 is the last stratum), without building the next
   * prefix; with k and rest taken from the two ends of a range of K_h, a bound over that range.
   */
  through(prefix: Float64Array, h: number, k: number, rest: number): number {
    const next = h + 1;
    const table = this.tables[next];
    const tLo = this.tLo[next] as number;
    const tHi = this.tHi[next] as number;
    if (!table || rest < tLo) return 0;
    if (rest > tHi) {
      // Not reached by the search, whose allocations stay within the tables; kept exact all the same.
      if (next === this.H - 1 || this.tail === "upper")
        return this.dot(this.advance(prefix, h, k), next, rest);
      rest = tHi;
    }
    const width = (this.states[next] as number[]).length;
    const offset = (rest - tLo) * width;
    const { pmf, cumulative } = this.row(h, k);
    const jumps = this.jumps[h] as Int32Array[];
    const need = this.need[h] as Int32Array;
    const upper = this.tail === "upper";
    let sum = 0;
    for (let i = 0; i < prefix.length; i++) {
      const p = prefix[i] as number;
      if (p === 0) continue;
      const jump = jumps[i] as Int32Array;
      let inner = 0;
      for (let x = 0; x < jump.length; x++)
        inner += (pmf[x] as number) * (table[offset + (jump[x] as number)] as number);
      if (upper) {
        const m = need[i] as number;
        if (m < cumulative.length) inner += cumulative[m] as number;
      }
      sum += p * inner;
      this.searchWork += jump.length + 1;
    }
    return sum;
  }

  /** The probability at one allocation, in doubles. */
  value(K: readonly number[]): number {
    let prefix: Float64Array = Float64Array.of(1);
    for (let h = 0; h < this.H - 1; h++) prefix = this.advance(prefix, h, at(K, h));
    return this.dot(prefix, this.H - 1, at(K, this.H - 1));
  }

  /**
   * Whether the probability at one allocation exceeds α, as in exact arithmetic: the double decides
   * unless it lies within {@link UNDECIDED} of α; then the probability is computed exactly, a sum of
   * products of binomial coefficients over Π C(N_h, n_h), and compared with α as an exact fraction.
   */
  exceeds(K: readonly number[], value: number): boolean {
    if (value > this.alpha * (1 + UNDECIDED)) return true;
    if (value < this.alpha * (1 - UNDECIDED)) return false;
    // The number of outcomes with S ≤ s (lower tail) or S ≤ s − 1 (upper tail: P(S ≥ s) = 1 − that).
    const limit = this.tail === "lower" ? this.s : this.s - 1;
    let level = new Map<number, bigint>([[limit, 1n]]);
    for (let h = 0; h < this.H && limit >= 0; h++) {
      const { population: N, sample: n } = at(this.strata, h);
      const k = at(K, h);
      const c = at(this.weights, h);
      const ways = Array.from({ length: n + 1 }, (_, x) => choose(k, x) * choose(N - k, n - x));
      const next = new Map<number, bigint>();
      for (const [r, count] of level)
        for (let x = 0; x <= n && c * x <= r; x++) {
          const w = ways[x] as bigint;
          if (w !== 0n) next.set(r - c * x, (next.get(r - c * x) ?? 0n) + count * w);
        }
      level = next;
    }
    let below = 0n;
    for (const count of level.values()) below += count;
    if (limit < 0) below = 0n;
    const numerator = this.tail === "lower" ? below : this.denominator - below;
    return numerator * this.exactAlpha.denominator > this.exactAlpha.numerator * this.denominator;
  }

  /** The dynamic programme's upper bound on the largest p-value at total T (exact for two strata). */
  bound(T: number): number {
    const [kLo, kHi] = this.kRange(0, T, Number.POSITIVE_INFINITY);
    let best = 0;
    const start = Float64Array.of(1);
    for (let k = kLo; k <= Math.min(kHi, this.cap); k++)
      best = Math.max(best, this.dot(this.advance(start, 0, k), 1, T - k));
    return best;
  }

  /** The bound leaves T open: it does not show every allocation's probability to be at most α. */
  open(T: number): boolean {
    return this.bound(T) >= this.alpha * (1 - UNDECIDED);
  }

  /**
   * Decides total T: true when some allocation has probability > α (exactly), false when none has, null
   * when the search ran out of its work limit. `greedy`: follow only the best-looking branch at each
   * stratum (a quick search for an allocation that exceeds α; false then means none was found).
   */
  decide(T: number, greedy = false): boolean | null {
    this.searchWork = 0;
    const { H, alpha } = this;
    const path: number[] = [];
    const keep = alpha * (1 - UNDECIDED);
    const lowerTail = this.tail === "lower";
    const explore = (h: number, prefix: Float64Array, t: number, previous: number): boolean | null => {
      const [kLo, kHi] = this.kRange(h, t, previous);
      const leaf = h === H - 2;
      // The K_h worth following, found by halving ranges of K_h: over a range [a, b] the probability is
      // at most that with X_h drawn at the end of the range that favours the tail (a for the lower, b for
      // the upper) and the later strata given the total that favours it (t − b, t − a), since X_h grows
      // stochastically with K_h and the tables are monotone in the total and in the state.
      const options: { k: number; value: number }[] = [];
      const ranges: [number, number][] = kLo <= kHi ? [[kLo, kHi]] : [];
      for (let range = ranges.pop(); range !== undefined; range = ranges.pop()) {
        const [a, b] = range;
        if (a === b) {
          const value = this.through(prefix, h, a, t - a);
          if (value >= keep) {
            if (leaf) {
              if (this.exceeds([...path, a, t - a], value)) return true;
            } else options.push({ k: a, value });
          }
        } else if (this.through(prefix, h, lowerTail ? a : b, lowerTail ? t - b : t - a) >= keep) {
          const middle = Math.floor((a + b) / 2);
          ranges.push([middle + 1, b], [a, middle]);
        }
        if (this.searchWork > SEARCH_LIMIT) return null;
      }
      if (leaf) return false;
      options.sort((a, b) => b.value - a.value);
      let unknown = false;
      for (const o of greedy ? options.slice(0, 1) : options) {
        path.push(o.k);
        const found = explore(h + 1, this.advance(prefix, h, o.k), t - o.k, o.k);
        path.pop();
        if (found === true) return true;
        if (found === null) unknown = true;
        if (this.searchWork > SEARCH_LIMIT) return null;
      }
      return unknown ? null : false;
    };
    return explore(0, Float64Array.of(1), T, Number.POSITIVE_INFINITY);
  }

  /**
   * An allocation of T spread over the strata in proportion to what each allows above its k_h, so that
   * a probability can be computed before any table is built.
   */
  spread(T: number): number[] | null {
    const room = this.hi.map((hi, h) => hi - at(this.lo, h));
    const free = T - this.sumLo(0);
    const totalRoom = room.reduce((a, b) => a + b, 0);
    if (free < 0 || free > totalRoom) return null;
    const K = this.lo.map((lo, h) => lo + Math.floor((free * at(room, h)) / totalRoom));
    let left = T - K.reduce((a, b) => a + b, 0);
    for (let h = 0; left > 0; h = (h + 1) % this.H)
      if (at(K, h) < at(this.hi, h)) {
        K[h] = at(K, h) + 1;
        left--;
      }
    return K;
  }
}

/**
 * Bonferroni: each stratum's exact bound at α/H, summed. Covers at least 1 − α whatever the allocation.
 */
function bonferroni(
  strata: readonly StratumCount[],
  alpha: number,
  exactAlpha: Fraction,
  side: "lower" | "upper",
): number {
  const H = strata.length;
  const share = { numerator: exactAlpha.numerator, denominator: exactAlpha.denominator * BigInt(H) };
  return strata.reduce((total, s) => {
    const b = hypergeometricCount(s.found, s.sample, s.population, alpha / H, share);
    return total + (side === "upper" ? b.upper : s.found === 0 ? 0 : b.lower);
  }, 0);
}

function solve(
  given: readonly StratumCount[],
  alpha: number,
  exactAlpha: Fraction,
  side: "lower" | "upper",
): { bound: number; exact: boolean } | null {
  // Classes of equal N and n together, each in decreasing order of k (see Problem).
  const strata = [...given].sort(
    (a, b) => a.population - b.population || a.sample - b.sample || b.found - a.found,
  );
  const { weights } = integerWeights(strata);
  const found = strata.reduce((t, s) => t + s.found, 0);
  const most = strata.reduce((t, s) => t + s.population - s.sample + s.found, 0);
  const problem = new Problem(strata, weights, alpha, exactAlpha, side === "upper" ? "lower" : "upper");
  if (problem.tooMany) return null;
  const projected = strata.reduce((t, s) => t + (s.population * s.found) / s.sample, 0);
  const witness = (T: number): boolean => {
    const K = problem.spread(T);
    return K !== null && problem.exceeds(K, problem.value(K));
  };
  const buildUpTo = (cap: number): boolean => {
    if (problem.work(cap) > STRATIFIED_WORK_LIMIT) return false;
    problem.build(cap);
    return true;
  };
  // From an accepted total, decide each next total exactly (step +1 up to `stop`, −1 down to it) until one
  // is rejected or closed; a total the search cannot decide within its limit is kept, and the bound is
  // then marked not exact.
  const extend = (accepted: number, step: 1 | -1, stop: number): { bound: number; exact: boolean } => {
    let exact = true;
    let kept = accepted;
    let spent = 0;
    for (let T = accepted + step; step > 0 ? T <= stop : T >= stop; T += step) {
      if (!problem.open(T)) break;
      const decided = spent > TOTAL_SEARCH_LIMIT ? null : problem.decide(T);
      spent += problem.searchWork;
      if (decided === false) break;
      if (decided === null) exact = false;
      kept = T;
    }
    return { bound: kept, exact };
  };
  if (side === "upper") {
    // max P(S ≤ s) falls as T grows, and the accepted totals form one run from `found`. A spread
    // allocation that exceeds α shows a total accepted; the tables then cover a little beyond it.
    let accepted = firstTrue(found, most, (T) => !witness(T), 1.5 * projected + 3) - 1;
    if (accepted < found) accepted = found;
    let cap = Math.min(most, accepted + Math.max(8, Math.ceil((accepted - found) / 64)));
    for (;;) {
      if (!buildUpTo(cap)) return null;
      if (cap >= most || !problem.open(cap)) break;
      cap = Math.min(most, cap + 2 * (cap - accepted));
    }
    // Quick greedy dives move the accepted total up; then each total above it is decided exactly.
    accepted = firstTrue(accepted + 1, cap, (T) => !problem.decide(T, true), accepted + 1) - 1;
    return extend(accepted, 1, cap);
  }
  if (problem.s === 0) return { bound: found, exact: true };
  // max P(S ≥ s) grows with T: the smallest accepted total lies at or below the first a spread allocation
  // shows; each total below it is decided exactly until one is rejected.
  let accepted = firstTrue(found, most, witness, projected / 2);
  if (accepted > most) accepted = most;
  if (!buildUpTo(accepted)) return null;
  accepted = firstTrue(found, accepted, (T) => problem.decide(T, true) === true, accepted);
  return extend(accepted, -1, found);
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
 * branch-and-bound over the allocation decides the totals the bound leaves open, searching only one order
 * of the allocation among strata of equal size and sample. P(projected ≤ observed) decreases in every
 * K_h, so the accepted totals form one run. A probability within 10⁻⁹ of α is computed again exactly (a
 * ratio of BigInts) and compared with α as an exact fraction, so ties are decided as in exact arithmetic.
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
 * @param exactAlpha - the same risk as an exact fraction, for ties (default: the decimal `alpha` prints as)
 * @example
 * const twelve = Array.from({ length: 12 }, () => ({ population: 1000, sample: 50, found: 0 }));
 * stratifiedCount(twelve, 0.05, "upper").bound; // 58
 */
export function stratifiedCount(
  strata: readonly StratumCount[],
  alpha: number,
  side: "lower" | "upper",
  exactAlpha: Fraction = decimalFraction(alpha),
): StratifiedCountBound {
  const { weights, rounded } = integerWeights(strata);
  const found = strata.reduce((t, s) => t + s.found, 0);
  const total = strata.reduce((t, s) => t + s.population, 0);
  if (side === "lower" && found === 0)
    return { bound: 0, method: "joint", exact: true, weightsRounded: rounded };
  if (strata.length === 1) {
    const only = at(strata, 0);
    const b = hypergeometricCount(only.found, only.sample, only.population, alpha, exactAlpha);
    return {
      bound: side === "upper" ? b.upper : b.lower,
      method: "joint",
      exact: true,
      weightsRounded: false,
    };
  }
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
          const r = solve(complement, alpha, exactAlpha, side === "upper" ? "lower" : "upper");
          return r && { bound: total - r.bound, exact: r.exact };
        })()
      : solve(strata, alpha, exactAlpha, side);
  if (!result)
    return {
      bound: bonferroni(strata, alpha, exactAlpha, side),
      method: "bonferroni",
      exact: true,
      weightsRounded: rounded,
    };
  return { bound: result.bound, method: "joint", exact: result.exact, weightsRounded: rounded };
}
