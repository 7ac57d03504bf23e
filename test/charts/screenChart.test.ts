import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { Ajv } from "ajv";
import { describe, expect, it } from "vitest";
import { screenChart } from "../../src/charts/index.js";
import { compileSpec, renderSvg } from "../../src/cli/render.js";
import { assessInvestigation } from "../../src/investigation/assessInvestigation.js";
import { methodName } from "../../src/methods/methodRegistry.js";
import { examples } from "../../src/scenario/examples.js";
import { screenedSpan, screenedWindow } from "../helpers/screened.js";

const require = createRequire(import.meta.url);
const schema = require(join(dirname(require.resolve("vega-lite")), "vega-lite-schema.json"));
const validate = new Ajv({ strict: false, allErrors: true }).compile(schema);

const screened = assessInvestigation({
  name: "screened review",
  span: screenedSpan,
  windows: [screenedWindow],
});

describe("screenChart(assessment)", () => {
  const spec = screenChart(screened);

  it("validates against vega-lite's JSON schema and compiles with no warning", () => {
    expect(validate(spec), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    expect(compileSpec(spec).warnings).toEqual([]);
  });

  it("draws the assessment's placement bounds, not numbers of its own", () => {
    const p = screened.screen?.placement;
    const values = (spec.data as { values: { part: string; upper: number }[] }).values;
    expect(values.map((v) => v.upper)).toEqual([
      p?.found,
      p?.flaggedUnreviewed.upper,
      p?.unflaggedUnreviewed.upper,
    ]);
    expect(JSON.stringify(spec.title)).toContain(`At most ${p?.undetected.upper} undetected`);
    expect(JSON.stringify(spec.title)).toContain("Assumes random samples on both sides");
  });

  it("keeps each bound's own lower end for its tooltip, and starts a one-sided whisker at the estimate", () => {
    const p = screened.screen?.placement;
    const values = (spec.data as { values: { lower: number; whiskerFrom: number }[] }).values;
    expect(values.map((v) => v.lower)).toEqual([
      p?.found,
      p?.flaggedUnreviewed.lower,
      p?.unflaggedUnreviewed.lower,
    ]);
    expect(values.map((v) => v.whiskerFrom)).toEqual([
      p?.found,
      p?.flaggedUnreviewed.estimate,
      p?.unflaggedUnreviewed.estimate,
    ]);
  });

  it("names the method of each bound from the method registry", () => {
    const values = (spec.data as { values: { basis: string }[] }).values;
    expect(values.map((v) => v.basis)).toEqual([
      "observed",
      methodName("hypergeometric"),
      `${methodName("hypergeometric")}, elusion sample`,
    ]);
  });

  it("renders to SVG", async () => {
    const svg = await renderSvg(spec);
    expect(svg).toContain("Unflagged, not reviewed");
  });

  it("refuses an assessment without an elusion sample", () => {
    expect(() => screenChart(assessInvestigation(examples["hmcts-sscs"]))).toThrow(RangeError);
  });
});
