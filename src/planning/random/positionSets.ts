// Sets and maps over positions 0..n−1 in typed arrays: a JavaScript Set or Map of ten million numbers
// takes about a gigabyte and stops at 2^24 entries ("Map maximum size exceeded"). Each picks the smallest
// layout for its frame, since at ten million draws the time goes to cache and TLB misses, one or more per
// draw: 32-bit words when every position fits in one, a bitset or a dense array when the frame is small
// next to the draws, and otherwise open addressing with each key beside its value.
//
// Their typed-array reads are cast rather than checked with math/at.ts: they run once or more per draw,
// and every index is in range by construction (the bitset's word of a position below n, a slot masked
// to the table's capacity, a position below the dense array's length).

/** Frames up to this many positions keep a bitset of them (256 MB at most). */
const BITSET_LIMIT = 2 ** 31;
/** Frames up to this many positions, or four times the draws, keep a dense array of swaps. */
const DENSE_LIMIT = 2 ** 25;
/** Positions up to this fit a 32-bit word with one to spare (a stored value is position + 1). */
const WORD_LIMIT = 2 ** 32 - 2;

function capacityFor(entries: number): number {
  let capacity = 16;
  while (capacity * 0.6 < entries) capacity *= 2;
  return capacity;
}

/** Mixes a position (below 2^53) into a slot index; positions are often consecutive. */
function slotOf(key: number, mask: number): number {
  const low = key >>> 0;
  const high = Math.floor(key / 4294967296);
  return (Math.imul(low ^ Math.imul(high, 0x27d4eb2f), 0x9e3779b1) >>> 0) & mask;
}

/** Positions already drawn, for generators that draw with replacement and skip repeats. */
export class PositionSet {
  private readonly bits: Int32Array | undefined;
  private readonly keys: Float64Array | undefined;
  private readonly mask: number;

  /** @param n - positions are 0..n−1; @param entries - at most this many are added */
  constructor(n: number, entries: number) {
    // A bitset of n bits is at most 256 MB here, and never more than twice the table it replaces.
    if (n <= BITSET_LIMIT || n <= entries * 64) {
      this.bits = new Int32Array(Math.ceil(n / 32));
      this.mask = 0;
    } else {
      const capacity = capacityFor(entries);
      this.keys = new Float64Array(capacity);
      this.mask = capacity - 1;
    }
  }

  /** Adds a position; false when it was already there. */
  add(position: number): boolean {
    const bits = this.bits;
    if (bits !== undefined) {
      const word = position >>> 5;
      const bit = 1 << (position & 31);
      const old = bits[word] as number;
      if (old & bit) return false;
      bits[word] = old | bit;
      return true;
    }
    const keys = this.keys as Float64Array;
    // Stored as position + 1, so that 0 marks an empty slot.
    const key = position + 1;
    let slot = slotOf(position, this.mask);
    for (;;) {
      const seen = keys[slot] as number;
      if (seen === 0) {
        keys[slot] = key;
        return true;
      }
      if (seen === key) return false;
      slot = (slot + 1) & this.mask;
    }
  }
}

/**
 * The swaps of a partial Fisher–Yates shuffle of 0..n−1 that takes `entries` steps: what stands at each
 * position, which is the position itself until a swap moves something there. Positions below the steps
 * (each step i reads position i once) or, for a small frame, every position are kept in a dense array;
 * the others in a hash table whose slots hold a key and its value side by side, so that a step costs one
 * probe of the table.
 */
export class SwapMap {
  /** What stands at positions 0..dense−1, plus one; 0 where nothing was moved. */
  private readonly low: Uint32Array | Float64Array;
  /** Slots of (position + 1, value) pairs for positions from `low.length` on; 0 marks an empty slot. */
  private readonly table: Uint32Array | Float64Array | undefined;
  private readonly mask: number;

  /** @param n - positions are 0..n−1; @param entries - at most this many steps */
  constructor(n: number, entries: number) {
    const words = n <= WORD_LIMIT;
    if (n <= DENSE_LIMIT || n <= entries * 4) {
      this.low = words ? new Uint32Array(n) : new Float64Array(n);
      this.mask = 0;
    } else {
      this.low = words ? new Uint32Array(entries) : new Float64Array(entries);
      const capacity = capacityFor(entries);
      this.table = words ? new Uint32Array(capacity * 2) : new Float64Array(capacity * 2);
      this.mask = capacity - 1;
    }
  }

  /** What stands at `position`, a position below `entries` that is read once: nothing is stored. */
  take(position: number): number {
    const stored = this.low[position] as number;
    return stored === 0 ? position : stored - 1;
  }

  /** Puts `value` at `position` and returns what stood there. */
  exchange(position: number, value: number): number {
    const low = this.low;
    if (position < low.length) {
      const stored = low[position] as number;
      low[position] = value + 1;
      return stored === 0 ? position : stored - 1;
    }
    const table = this.table as Uint32Array | Float64Array;
    const key = position + 1;
    let slot = slotOf(position, this.mask);
    for (;;) {
      const at = slot * 2;
      const seen = table[at] as number;
      if (seen === key) {
        const old = table[at + 1] as number;
        table[at + 1] = value;
        return old;
      }
      if (seen === 0) {
        table[at] = key;
        table[at + 1] = value;
        return position;
      }
      slot = (slot + 1) & this.mask;
    }
  }
}
