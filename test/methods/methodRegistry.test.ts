import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  appraiseStrata,
  appraiseTwoStage,
  assessInvestigation,
  compareIntervals,
  countInterval,
  detectionProbability,
  detectionSampleSize,
  elusionSampleSize,
  evaluateScreen,
  examples,
  precisionSampleSize,
  proportionInterval,
  recallInterval,
  sampleSize,
} from "../../src/index.js";
import { METHOD_IDS, METHOD_REGISTRY, methodName } from "../../src/methods/methodRegistry.js";
import { screenedSpan, screenedWindow } from "../helpers/screened.js";

const doc = readFileSync(new URL("../../docs/methods.md", import.meta.url), "utf8");

/** GitHub's heading anchor: lower case, punctuation dropped (letters, digits, `-`, `_` and spaces kept), spaces to `-`. */
function githubAnchor(heading: string): string {
  return heading
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, "")
    .replace(/ /g, "-");
}

const anchors = new Set(
  doc
    .split("\n")
    .filter((line) => /^#{2,4} /.test(line))
    .map((line) => githubAnchor(line.replace(/^#+ /, ""))),
);
const references = (doc.split("\n## References\n")[1] ?? "").split(/\n- /).map((entry) => entry.trim());

/** Every `method` field anywhere in a result, and every id in a statement's `methods`. */
function methodIds(value: unknown, found = new Set<string>()): Set<string> {
  if (Array.isArray(value)) {
    for (const item of value) methodIds(item, found);
  } else if (value !== null && typeof value === "object") {
    for (const [key, inner] of Object.entries(value)) {
      if (key === "method" && typeof inner === "string") found.add(inner);
      else if (key === "methods" && Array.isArray(inner)) for (const id of inner) found.add(String(id));
      else methodIds(inner, found);
    }
  }
  return found;
}

const sscs = examples["hmcts-sscs"];
const screened = {
  name: "screened review",
  span: screenedSpan,
  windows: [screenedWindow],
};
const twoWindows = {
  ...sscs,
  windows: [
    { label: "first", period: "2021-01-01/2021-03-31", reviewed: 50, found: 1, flagged: 300 },
    { label: "second", period: "2023-12-01/2024-02-29", reviewed: 109, found: 1, flagged: 609 },
  ],
};
const flagged = { population: 609, sample: 109, found: 12 };
const unflagged = { population: 9391, sample: 400, found: 0 };

/** One call of every public function that returns a method, over the branches that choose it. */
const RESULTS: readonly [string, () => unknown][] = [
  ["assessInvestigation(hmcts-sscs)", () => assessInvestigation(sscs)],
  ["assessInvestigation with materiality", () => assessInvestigation({ ...sscs, materiality: 100 })],
  [
    "assessInvestigation with a review sensitivity",
    () => assessInvestigation({ ...sscs, reviewSensitivity: 0.8 }),
  ],
  ["assessInvestigation over two windows", () => assessInvestigation(twoWindows)],
  [
    "assessInvestigation over two windows with a sensitivity",
    () => assessInvestigation({ ...twoWindows, reviewSensitivity: 0.8 }),
  ],
  ["assessInvestigation with an elusion sample", () => assessInvestigation(screened)],
  [
    "assessInvestigation with elusion samples in two windows",
    () =>
      assessInvestigation({
        ...screened,
        windows: [
          { ...(screened.windows[0] as object), period: "2021-01-01/2021-03-31" },
          ...screened.windows,
        ],
      }),
  ],
  [
    "assessInvestigation with the case volume known",
    () =>
      assessInvestigation({
        name: "known volume",
        span: "2019-01-01/2024-02-29",
        cases: 100_000,
        windows: [{ period: "2023-12-01/2024-02-29", reviewed: 109, found: 1 }],
      }),
  ],
  [
    "assessInvestigation with an elusion sample across the span",
    () => assessInvestigation({ ...sscs, unflagged: 20_000, unflaggedReviewed: 400, unflaggedFound: 0 }),
  ],
  [
    "assessInvestigation with no review",
    () => assessInvestigation({ ...sscs, windows: [], cases: 100_000, tolerable: 0.05 }),
  ],
  ["compareIntervals", () => compareIntervals({ found: 1, sample: 109, population: 609 })],
  ["proportionInterval", () => proportionInterval({ found: 1, sample: 109 })],
  ["countInterval", () => countInterval({ found: 1, sample: 109, population: 609 })],
  ["countInterval (wallenius)", () => countInterval({ found: 1, sample: 109, population: 609, bias: 2 })],
  [
    "countInterval (fisher)",
    () => countInterval({ found: 1, sample: 109, population: 609, bias: 2, biasModel: "fisher" }),
  ],
  ["recallInterval", () => recallInterval({ flagged, unflagged })],
  ["evaluateScreen", () => evaluateScreen({ flagged, unflagged })],
  ["sampleSize (binomial)", () => sampleSize({ model: "binomial", tolerable: 0.05 })],
  ["sampleSize (poisson)", () => sampleSize({ model: "poisson", tolerable: 0.05 })],
  [
    "sampleSize (hypergeometric)",
    () => sampleSize({ model: "hypergeometric", tolerable: 0.05, population: 609 }),
  ],
  ...[undefined, 4500].map(
    (universe) =>
      [
        `appraiseTwoStage (universe ${universe})`,
        () =>
          appraiseTwoStage({
            primaryUnits: 90,
            ...(universe === undefined ? {} : { universe }),
            clusters: [
              { universe: 50, sample: 10, found: 4 },
              { universe: 45, sample: 9, found: 2 },
            ],
          }),
      ] as [string, () => unknown],
  ),
  [
    "precisionSampleSize",
    () => precisionSampleSize({ population: 10_000, precision: 0.06, anticipated: 0.2 }),
  ],
  ["elusionSampleSize", () => elusionSampleSize({ unflagged: 10_000, maxElusion: 0.01 })],
  [
    "detectionProbability (hypergeometric)",
    () => detectionProbability({ population: 609, affected: 5, sample: 109 }),
  ],
  ["detectionProbability (binomial)", () => detectionProbability({ prevalence: 0.01, sample: 109 })],
  ["detectionSampleSize", () => detectionSampleSize({ population: 609, affected: 5 })],
  [
    "appraiseStrata",
    () =>
      appraiseStrata({
        strata: [
          { population: 1000, sample: 100, found: 2 },
          { population: 1500, sample: 100, found: 6 },
        ],
      }),
  ],
  [
    "appraiseStrata beyond the joint limits' work limit",
    () =>
      appraiseStrata({
        strata: Array.from({ length: 12 }, () => ({ population: 100_000, sample: 400, found: 40 })),
      }),
  ],
  [
    "assessInvestigation over windows beyond the joint limits' work limit",
    () =>
      assessInvestigation({
        ...sscs,
        windows: Array.from({ length: 12 }, (_, i) => ({
          period: `20${10 + i}-01-01/20${10 + i}-03-31`,
          flagged: 100_000,
          reviewed: 400,
          found: 40,
        })),
        span: "2010-01-01/2024-02-29",
      }),
  ],
];

describe("METHOD_REGISTRY", () => {
  it.each(METHOD_IDS)("%s links to a section of docs/methods.md", (id) => {
    expect(anchors, `${id}: #${METHOD_REGISTRY[id].anchor}`).toContain(METHOD_REGISTRY[id].anchor);
  });

  it.each(METHOD_IDS)("%s cites works listed in the References of docs/methods.md", (id) => {
    for (const work of METHOD_REGISTRY[id].reference.split("; ")) {
      // "Brown, Cai & DasGupta 2001" → the entry starting "Brown, L. D., Cai, …" with "(2001)".
      const [, authors = "", year = ""] = /^(.*) (\d{4}[a-z]?)$/.exec(work) ?? [];
      const first = authors.split(/[ ,&]/)[0] ?? "";
      const entry = references.find((r) => r.startsWith(first) && r.includes(`(${year})`));
      expect(entry, `${id}: ${work}`).toBeDefined();
    }
  });

  it.each(RESULTS)("%s names only methods in the registry", (_, call) => {
    const ids = methodIds(call());
    expect(ids.size).toBeGreaterThan(0);
    for (const id of ids) expect(METHOD_IDS, `method "${id}"`).toContain(id);
  });

  it("is used: every id is named by some result above", () => {
    const used = new Set(RESULTS.flatMap(([, call]) => [...methodIds(call())]));
    // The rate methods other than the default are chosen by option; compareIntervals names every one.
    expect(METHOD_IDS.filter((id) => !used.has(id))).toEqual([]);
  });

  it('methodName(id) is the display name: methodName("hypergeometric")', () => {
    expect(methodName("hypergeometric")).toBe("exact hypergeometric (Buonaccorsi 1987)");
  });
});
