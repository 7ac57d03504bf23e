// Sets and maps over positions 0..n−1 in typed arrays: a JavaScript Set or Map of ten million numbers
// takes about a gigabyte and stops at 2^24 entries ("Map maximum size exceeded"). Each structure picks
// a dense array when the frame is small next to the draws, and open addressing otherwise, so that memory
// stays within about 32 bytes a draw whatever the frame.

const DENSE_LIMIT = 2 ** 25;

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
  private readonly bits: Uint8Array | undefined;
  private readonly keys: Float64Array | undefined;
  private readonly mask: number;

  /** @param n - positions are 0..n−1; @param entries - at most this many are added */
  constructor(n: number, entries: number) {
    if (n <= DENSE_LIMIT * 8 && n <= entries * 64) {
      this.bits = new Uint8Array(Math.ceil(n / 8));
      this.mask = 0;
    } else {
      const capacity = capacityFor(entries);
      this.keys = new Float64Array(capacity);
      this.mask = capacity - 1;
    }
  }

  /** Adds a position; false when it was already there. */
  add(position: number): boolean {
    if (this.bits !== undefined) {
      const byte = position >>> 3;
      const bit = 1 << (position & 7);
      const old = this.bits[byte] as number;
      if (old & bit) return false;
      this.bits[byte] = old | bit;
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

/** The swaps of a partial Fisher–Yates shuffle of 0..n−1: get(i) is i until set. */
export class SwapMap {
  private readonly dense: Float64Array | undefined;
  private readonly keys: Float64Array | undefined;
  private readonly values: Float64Array | undefined;
  private readonly mask: number;

  /** @param n - positions are 0..n−1; @param entries - at most this many are set */
  constructor(n: number, entries: number) {
    if (n <= DENSE_LIMIT || n <= entries * 4) {
      this.dense = new Float64Array(n);
      this.mask = 0;
    } else {
      const capacity = capacityFor(entries);
      this.keys = new Float64Array(capacity);
      this.values = new Float64Array(capacity);
      this.mask = capacity - 1;
    }
  }

  get(position: number): number {
    if (this.dense !== undefined) {
      const stored = this.dense[position] as number;
      return stored === 0 ? position : stored - 1;
    }
    const keys = this.keys as Float64Array;
    const key = position + 1;
    let slot = slotOf(position, this.mask);
    for (;;) {
      const seen = keys[slot] as number;
      if (seen === 0) return position;
      if (seen === key) return (this.values as Float64Array)[slot] as number;
      slot = (slot + 1) & this.mask;
    }
  }

  set(position: number, value: number): void {
    if (this.dense !== undefined) {
      this.dense[position] = value + 1;
      return;
    }
    const keys = this.keys as Float64Array;
    const key = position + 1;
    let slot = slotOf(position, this.mask);
    for (;;) {
      const seen = keys[slot] as number;
      if (seen === 0 || seen === key) {
        keys[slot] = key;
        (this.values as Float64Array)[slot] = value;
        return;
      }
      slot = (slot + 1) & this.mask;
    }
  }
}
