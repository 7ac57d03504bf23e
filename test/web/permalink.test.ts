import { describe, expect, it } from "vitest";
import { fromHash, toHash } from "../../src/web/permalink.js";

describe("permalinks", () => {
  it("toHash(page, version, state) then fromHash gives back the page, the version and every typed field", () => {
    const state = {
      spanStart: "2019-01-01",
      "w1.reviewed": "109",
      confidence: "95%",
      name: "A & B / review #1",
    };
    const hash = toHash("assess", "0.1.0", state);
    expect(fromHash(hash)).toEqual({ page: "assess", version: "0.1.0", state });
  });

  it("toHash leaves blank fields out, so a link holds only what was typed", () => {
    const hash = toHash("bound", "0.1.0", { sample: "109", found: "", population: "" });
    expect(hash).toBe("#page=bound&v=0.1.0&sample=109");
  });

  it("fromHash reads a link with no version as unversioned and an unknown page as assess", () => {
    expect(fromHash("#page=nowhere&found=1")).toEqual({
      page: "assess",
      version: undefined,
      state: { found: "1" },
    });
    expect(fromHash("")).toEqual({ page: "assess", version: undefined, state: {} });
  });

  it("toHash never lets a field named page or v replace the link's own", () => {
    const hash = toHash("plan", "0.1.0", { page: "detect", v: "9.9.9", tolerable: "5%" });
    expect(fromHash(hash)).toEqual({ page: "plan", version: "0.1.0", state: { tolerable: "5%" } });
  });
});
