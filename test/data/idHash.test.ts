import { describe, expect, it } from "vitest";
import { fnv64 } from "../../src/data/idHash.js";

/** The hash as 16 hex digits. */
const hex = (text: string) =>
  fnv64(text)
    .map((half) => (half >>> 0).toString(16).padStart(8, "0"))
    .join("");

describe("fnv64", () => {
  it("fnv64(text) gives FNV-1a's published 64-bit test vectors for ASCII text", () => {
    // FNV-1a 64-bit vectors from the FNV reference test suite (draft-eastlake-fnv, test vectors).
    expect(hex("")).toBe("cbf29ce484222325");
    expect(hex("a")).toBe("af63dc4c8601ec8c");
    expect(hex("b")).toBe("af63df4c8601f1a5");
    expect(hex("foobar")).toBe("85944171f73967e8");
  });

  it("fnv64(text) takes each UTF-16 code unit as one step, above 255 too", () => {
    // From Python: h = 0xcbf29ce484222325; for u in code units: h = ((h ^ u) * 0x100000001b3) % 2**64
    expect(hex("€")).toBe("af44214c85cc01cb");
    expect(hex("ü😀")).toBe("7f457019ccb49676");
  });
});
