import { createHash } from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CounterHash, digestModulo, Sha256 } from "../../../src/planning/random/sha256.js";

const hex = (words: Int32Array) => Array.from(words, (w) => (w >>> 0).toString(16).padStart(8, "0")).join("");

describe("CounterHash", () => {
  it("digest(i) is node:crypto's SHA-256 of prefix + decimal i, for prefixes of up to 70 Unicode characters", () => {
    fc.assert(
      fc.property(
        fc.string({ unit: "binary", maxLength: 70 }),
        fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }),
        (prefix, counter) => {
          const bytes = new TextEncoder().encode(prefix);
          const expected = createHash("sha256").update(`${prefix}${counter}`, "utf8").digest("hex");
          expect(hex(new CounterHash(bytes).digest(counter)), `prefix ${JSON.stringify(prefix)}`).toBe(
            expected,
          );
        },
      ),
      { seed: 19, numRuns: 500 },
    );
  });

  it("digest(i) counted up one by one (digits incremented in place) matches node:crypto across 9 → 10 → … and jumps", () => {
    // Prefixes that put the digits at the start, across the first block's end and in the second block.
    for (const prefix of ["7,", `${"x".repeat(52)},`, `${"y".repeat(61)},`, "ü€😀,"]) {
      const hash = new CounterHash(new TextEncoder().encode(prefix));
      const counters = [
        ...Array.from({ length: 1200 }, (_, i) => i + 1),
        5,
        6,
        99_999,
        100_000,
        100_001,
        9_999_999,
        10_000_000,
        10_000_001,
        3,
        4,
      ];
      for (const i of counters) {
        expect(hex(hash.digest(i)), `${prefix}${i}`).toBe(
          createHash("sha256").update(`${prefix}${i}`).digest("hex"),
        );
      }
    }
  });

  it("digest(i) matches node:crypto across the one- and two-block boundary (message lengths 50 to 70)", () => {
    for (let length = 50; length <= 70; length++) {
      const prefix = "x".repeat(length - 3);
      const expected = createHash("sha256").update(`${prefix}123`).digest("hex");
      expect(hex(new CounterHash(new TextEncoder().encode(prefix)).digest(123)), `length ${length}`).toBe(
        expected,
      );
    }
  });
});

describe("digestModulo", () => {
  it("is the 256-bit big-endian integer mod m, as BigInt computes it, for m from 1 to 2^53 − 1", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }), { minLength: 8, maxLength: 8 }),
        fc.oneof(
          fc.integer({ min: 1, max: 2 ** 20 }),
          fc.integer({ min: 2 ** 20, max: 2 ** 36 + 5 }),
          fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }),
          // Either side of 2^36, where the sum of sixteen 16-bit pieces gives way to BigInt.
          fc.constantFrom(1, 2, 2 ** 36 - 1, 2 ** 36, 2 ** 36 + 1),
        ),
        (words, m) => {
          const value = words.reduce((x, w) => (x << 32n) | BigInt(w >>> 0), 0n);
          expect(digestModulo(Int32Array.from(words), m), `words ${words} m ${m}`).toBe(
            Number(value % BigInt(m)),
          );
        },
      ),
      { seed: 19, numRuns: 2000 },
    );
  });
});

describe("Sha256", () => {
  it("update(chunks).digest('hex') is node:crypto's SHA-256 of the bytes, however they are split", () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ maxLength: 700 }),
        fc.array(fc.integer({ min: 0, max: 700 }), { maxLength: 6 }),
        (bytes, cuts) => {
          const points = [
            0,
            ...cuts.map((c) => Math.min(c, bytes.length)).sort((a, b) => a - b),
            bytes.length,
          ];
          const hash = new Sha256();
          for (let i = 1; i < points.length; i++)
            hash.update(bytes.subarray(points[i - 1] as number, points[i] as number));
          expect(hash.digest("hex"), `${bytes.length} bytes cut at ${points}`).toBe(
            createHash("sha256").update(bytes).digest("hex"),
          );
        },
      ),
      { seed: 23, numRuns: 500 },
    );
  });

  it("matches node:crypto for every message length from 0 to 130 bytes (the padding's one- and two-block cases)", () => {
    for (let length = 0; length <= 130; length++) {
      const bytes = Uint8Array.from({ length }, (_, i) => (i * 37 + 11) & 0xff);
      expect(new Sha256().update(bytes).digest("hex"), `length ${length}`).toBe(
        createHash("sha256").update(bytes).digest("hex"),
      );
    }
  });
});
