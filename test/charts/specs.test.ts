import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { Ajv } from "ajv";
import { describe, expect, it } from "vitest";
import {
  intervalsChart,
  missedChart,
  posteriorChart,
  powerChart,
  sampleSizeChart,
  sensitivityChart,
  timelineChart,
} from "../../src/charts/index.js";
import { compileSpec } from "../../src/charts/render.js";
import { compareIntervals } from "../../src/intervals/compareIntervals.js";
import { assessInvestigation } from "../../src/investigation/assessInvestigation.js";
import { examples } from "../../src/investigation/examples.js";
import { planCurve } from "../../src/planning/planCurve.js";

const require = createRequire(import.meta.url);
const schema = require(join(dirname(require.resolve("vega-lite")), "vega-lite-schema.json"));
const validate = new Ajv({ strict: false, allErrors: true }).compile(schema);

const sscs = assessInvestigation({ ...examples["hmcts-sscs"], materiality: 100 });
const family = assessInvestigation(examples["family-court-documents"]);
const specs = {
  timeline: timelineChart(sscs),
  missed: missedChart(sscs),
  sensitivity: sensitivityChart(sscs),
  power: powerChart(sscs),
  intervals: intervalsChart(compareIntervals({ found: 1, sample: 109, population: 609 })),
  "sample-size": sampleSizeChart(planCurve({ model: "binomial", tolerable: 0.05, expectedRate: 0.01 })),
  posterior: posteriorChart(sscs),
  "timeline (no review)": timelineChart(family),
  "power (no review)": powerChart(family),
};

describe("chart builders", () => {
  it.each(Object.entries(specs))("%s validates against vega-lite's JSON schema", (_, spec) => {
    const valid = validate(spec);
    expect(validate.errors ?? [], JSON.stringify(validate.errors?.slice(0, 3))).toEqual([]);
    expect(valid).toBe(true);
  });

  it.each(Object.entries(specs))("%s compiles with no vega-lite warning", (_, spec) => {
    expect(compileSpec(spec).warnings).toEqual([]);
  });

  it.each(Object.entries(specs))("%s has a description, a title and a subtitle in words", (_, spec) => {
    expect(String(spec.description).length).toBeGreaterThan(40);
    const title = spec.title as { text: string; subtitle: string[] };
    expect(title.text.length).toBeGreaterThan(10);
    expect(title.subtitle.length).toBeGreaterThan(0);
  });

  it("timeline states the unexamined share", () => {
    expect(JSON.stringify(specs.timeline.title)).toContain("examined: 91 of 1,886 days, 4.8%");
  });

  it("missed, sensitivity and posterior carry the assessment's bounds, not numbers of their own", () => {
    const missed = JSON.stringify(specs.missed);
    expect(missed).toContain(`"upper":${sscs.window?.undetected.upper}`);
    expect(missed).toContain(`"upper":${sscs.extrapolated?.outside.upper}`);
    expect(JSON.stringify(specs.sensitivity)).toContain(
      `"upper":${sscs.sensitivity?.rows.at(-1)?.undetected.upper}`,
    );
    expect(JSON.stringify(specs.posterior)).toContain(`"undetected":${sscs.extrapolated?.undetected.upper}`);
  });

  it("the confidence curve crosses the stated confidence exactly at the stated bound", () => {
    const curve = sscs.extrapolated?.confidenceCurve ?? [];
    const upper = sscs.extrapolated?.undetected.upper as number;
    for (const point of curve) {
      if (point.undetected < upper) expect(point.confidence).toBeLessThan(0.95);
      if (point.undetected >= upper) expect(point.confidence).toBeGreaterThanOrEqual(0.95);
    }
  });

  it("power draws the review as run solid and the plan dashed", () => {
    const strokeDash = (
      specs.power as { encoding: { strokeDash: { scale: { domain: string[]; range: number[][] } } } }
    ).encoding.strokeDash.scale;
    expect(strokeDash.domain[0]).toBe("review as run");
    expect(strokeDash.range[0]).toEqual([1, 0]);
  });

  it("refuses charts that need a review when none was made", () => {
    expect(() => missedChart(family)).toThrow("needs an assessment with at least one reviewed window");
  });
});
