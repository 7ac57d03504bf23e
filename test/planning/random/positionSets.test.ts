import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { PositionSet, SwapMap } from "../../../src/planning/random/positionSets.js";

// Frames small next to the draws use dense arrays; large ones (here 2^40 and 2^53 − 1) open addressing.
const frames = fc.constantFrom(100, 5000, 2 ** 40, Number.MAX_SAFE_INTEGER);

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
  it("get and set agree with a Map defaulting to the position itself, dense or hashed", () => {
    fc.assert(
      fc.property(
        frames,
        fc.array(fc.tuple(fc.nat({ max: 4000 }), fc.nat({ max: 4000 })), { maxLength: 300 }),
        (n, raw) => {
          const map = new SwapMap(n, raw.length);
          const reference = new Map<number, number>();
          const at = (p: number) => (n > 5000 ? n - 1 - p * 1_000_003 : p % n);
          for (const [a, b] of raw) {
            const key = at(a);
            expect(map.get(key), `n ${n} key ${key}`).toBe(reference.get(key) ?? key);
            map.set(key, at(b));
            reference.set(key, at(b));
          }
        },
      ),
      { seed: 19, numRuns: 200 },
    );
  });
});
