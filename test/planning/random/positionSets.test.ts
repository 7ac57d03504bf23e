import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { PositionSet, SwapMap } from "../../../src/planning/random/positionSets.js";

// Frames up to 2^31 use a bitset; larger ones (here 2^31 + 1, 2^40 and 2^53 − 1) open addressing.
const frames = fc.constantFrom(100, 5000, 2 ** 31 + 1, 2 ** 40, Number.MAX_SAFE_INTEGER);

describe("PositionSet", () => {
  it("add(position) agrees with a Set, dense or hashed", () => {
    fc.assert(
      fc.property(frames, fc.array(fc.nat({ max: 4000 }), { maxLength: 300 }), (n, raw) => {
        const positions = raw.map((p) => (n > 5000 ? n - 1 - p * 1_000_003 : p % n));
        const set = new PositionSet(n, positions.length);
        const reference = new Set<number>();
        for (const p of positions) {
          expect(set.add(p), `n ${n} position ${p}`).toBe(!reference.has(p));
          reference.add(p);
        }
      }),
      { seed: 19, numRuns: 200 },
    );
  });
});

describe("SwapMap", () => {
  // A partial Fisher–Yates shuffle through take and exchange, against a Map defaulting to the position
  // itself. Frames: dense 32-bit (100, 5000), dense positions below the steps with a 32-bit table (2^32 − 2,
  // the largest), and with a table of doubles (2^32 − 1, 2^40, 2^53 − 1).
  const swapFrames = fc.constantFrom(100, 5000, 2 ** 32 - 2, 2 ** 32 - 1, 2 ** 40, Number.MAX_SAFE_INTEGER);

  it("take(i) and exchange(j, value) agree with a Map, dense or hashed, near the steps and far from them", () => {
    fc.assert(
      fc.property(
        swapFrames,
        fc.array(fc.tuple(fc.boolean(), fc.nat({ max: 4000 })), { minLength: 1, maxLength: 300 }),
        (n, raw) => {
          const steps = Math.min(raw.length, n);
          const map = new SwapMap(n, steps);
          const reference = new Map<number, number>();
          const at = (p: number) => reference.get(p) ?? p;
          for (let i = 0; i < steps; i++) {
            const [near, x] = raw[i] as [boolean, number];
            // j from i to n − 1: a few positions past i (below the steps), or far out in the frame.
            const j = near ? i + (x % Math.min(n - i, 50)) : Math.max(i, n - 1 - x * 1_000_003);
            const atI = at(i);
            expect(map.take(i), `n ${n} step ${i}`).toBe(atI);
            const expected = at(j);
            reference.set(j, atI);
            if (j !== i) expect(map.exchange(j, atI), `n ${n} step ${i} j ${j}`).toBe(expected);
          }
        },
      ),
      { seed: 19, numRuns: 300 },
    );
  });
});
