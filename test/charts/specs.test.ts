import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { Ajv } from "ajv";
import { describe, expect, it } from "vitest";
import {
  confidenceCurveChart,
  missedChart,
  powerChart,
  sensitivityChart,
  timelineChart,
} from "../../src/charts/index.js";
import { compileSpec } from "../../src/cli/render.js";
import { assessInvestigation } from "../../src/investigation/assessInvestigation.js";
import { METHOD_REGISTRY } from "../../src/methods/methodRegistry.js";
import { examples } from "../../src/scenario/examples.js";
import { everyChart, sscsWithMateriality as sscs } from "../helpers/everyChart.js";

const require = createRequire(import.meta.url);
const schema = require(join(dirname(require.resolve("vega-lite")), "vega-lite-schema.json"));
const validate = new Ajv({ strict: false, allErrors: true }).compile(schema);

const family = assessInvestigation(examples["family-court-documents"]);
const specs = {
  ...everyChart,
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
    const title = spec.title as { text: string | string[]; subtitle: string[] };
    expect([title.text].flat().join(" ").length).toBeGreaterThan(10);
    expect(title.subtitle.length).toBeGreaterThan(0);
  });

  it("timeline states the unexamined share", () => {
    expect(JSON.stringify(specs.timeline.title)).toContain("examined: 91 of 1,886 days, 4.8%");
  });

  it("sensitivity outlines the bound's band dashed, as the subtitle's 'dashed line and band' says", () => {
    const layers = (specs.sensitivity as { layer: { mark: { type: string; strokeDash?: number[] } }[] })
      .layer;
    const band = layers.find((l) => l.mark.type === "area");
    const bound = layers.find((l) => l.mark.type === "line" && l.mark.strokeDash !== undefined);
    expect(band?.mark.strokeDash).toEqual(bound?.mark.strokeDash);
    expect(JSON.stringify(specs.sensitivity.title)).toContain("Dashed line and band");
  });

  it("missed says its axis is a log scale, where bars are not read by length", () => {
    expect(JSON.stringify(specs.missed)).toContain('"title":"Flagged cases (count, log scale)"');
  });

  it("missed keeps each bound's own lower end for its tooltip; a one-sided whisker starts at the estimate", () => {
    const rows = dataValues(specs.missed) as {
      part: string;
      estimate: number;
      lower: number;
      whiskerFrom: number;
    }[];
    const inWindow = rows.find((r) => r.part === "Undetected in the window");
    expect(inWindow?.lower).toBe(sscs.window?.undetected.lower);
    expect(inWindow?.whiskerFrom).toBe(inWindow?.estimate);
    expect(inWindow?.estimate).toBeGreaterThan(inWindow?.lower ?? Number.POSITIVE_INFINITY);
  });

  it("missed, sensitivity and confidence-curve carry the assessment's bounds, not numbers of their own", () => {
    const missed = JSON.stringify(specs.missed);
    expect(missed).toContain(`"upper":${sscs.window?.undetected.upper}`);
    expect(missed).toContain(`"upper":${sscs.extrapolated?.outside.upper}`);
    expect(JSON.stringify(specs.sensitivity)).toContain(
      `"upper":${sscs.sensitivity?.rows.at(-1)?.undetected.upper}`,
    );
    expect(JSON.stringify(specs["confidence-curve"])).toContain(
      `"undetected":${sscs.extrapolated?.undetected.upper}`,
    );
  });

  it("no chart draws a bound or a maximum as an estimate", () => {
    // Every bound and maximum the assessment states, and the estimates it states beside them.
    const w = sscs.window;
    const e = sscs.extrapolated;
    const u = sscs.unrestricted;
    const bounds = new Set<number>([
      ...(w ? [w.affected.upper, w.undetected.upper] : []),
      ...(e ? [e.outside.upper, e.undetected.upper] : []),
      u.outside.upper,
      u.total.upper,
      ...(sscs.sensitivity?.rows.map((r) => r.undetected.upper) ?? []),
    ]);
    const estimates = new Set<number>([
      ...(w ? [w.found, w.affected.estimate, w.undetected.estimate] : []),
      ...(e ? [e.outside.estimate, e.undetected.estimate] : []),
      ...(sscs.sensitivity?.rows.map((r) => r.undetected.estimate) ?? []),
    ]);
    const rounded = (x: number) => Math.round(x * 10) / 10;
    for (const [name, spec] of Object.entries(specs)) {
      for (const datum of dataValues(spec)) {
        if (!("estimate" in datum) || datum.estimate === null) continue;
        const value = datum.estimate as number;
        const isEstimate = [...estimates].some((x) => value === x || value === rounded(x));
        const context = `${name}: ${JSON.stringify(datum)}`;
        // A value drawn as an estimate is one the library states as an estimate; the only bound it may equal
        // is an observed count (found, with its bounds equal to it).
        if (bounds.has(value) && datum.lower !== datum.upper) expect(isEstimate, context).toBe(true);
        if (name === "missed" || name === "sensitivity") expect(isEstimate, context).toBe(true);
      }
    }
    // The assumption-free range is in the missed chart, as a range with no estimate.
    const range = dataValues(specs.missed).find(
      (d) => d.upper === u.outside.upper && d.lower === u.outside.lower,
    );
    expect(range?.estimate).toBeNull();
    expect(range?.drawn).toBe("range");
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
      specs.power as {
        layer: { encoding: { strokeDash?: { scale: { domain: string[]; range: number[][] } } } }[];
      }
    ).layer[0]?.encoding.strokeDash?.scale as { domain: string[]; range: number[][] };
    expect(strokeDash.domain[0]).toBe("review as run");
    expect(strokeDash.range[0]).toEqual([1, 0]);
  });

  it.each([
    ["one window", "hypergeometric", sscs],
    [
      "two windows, joint limits",
      "window-joint",
      assessInvestigation({
        ...examples["hmcts-sscs"],
        windows: [
          { period: "2023-12-01/2024-01-15", cases: 300, reviewed: 50, found: 1 },
          { period: "2024-01-16/2024-02-29", cases: 309, reviewed: 59, found: 0 },
        ],
      }),
    ],
  ] as const)(
    "missedChart (%s) names each bar's method from the registry by the assessment's ids",
    (_, id, a) => {
      expect(a.window?.method).toBe(id);
      const bases = dataValues(missedChart(a)).map((r) => r.basis);
      const window = a.window?.method ?? "hypergeometric";
      const outside = a.extrapolated?.method ?? "prediction-limit";
      expect(bases).toEqual([
        "observed",
        METHOD_REGISTRY[window].name,
        METHOD_REGISTRY[outside].name,
        METHOD_REGISTRY[a.unrestricted.method].name,
      ]);
      const subtitle = (missedChart(a).title as { subtitle: string[] }).subtitle.join(" ");
      expect(subtitle).toContain(`window: ${METHOD_REGISTRY[window].name}; outside:`);
    },
  );

  it("refuses charts that need a review when none was made", () => {
    expect(() => missedChart(family)).toThrow("needs an assessment with at least one reviewed window");
  });
});

/** Every inline data row of a spec, its layers' included. */
function dataValues(spec: unknown): Record<string, unknown>[] {
  const rows: Record<string, unknown>[] = [];
  const visit = (node: unknown) => {
    if (Array.isArray(node)) {
      for (const child of node) visit(child);
      return;
    }
    if (node === null || typeof node !== "object") return;
    const record = node as Record<string, unknown>;
    const data = record.data as { values?: unknown } | undefined;
    if (data && Array.isArray(data.values)) rows.push(...(data.values as Record<string, unknown>[]));
    for (const [key, child] of Object.entries(record)) if (key !== "data" && key !== "config") visit(child);
  };
  visit(spec);
  return rows;
}

describe("chart subtitles that state a bound say the random-selection assumption in the sentence", () => {
  const subtitle = (spec: { title?: unknown }) => (spec.title as { subtitle: string[] }).subtitle.join(" ");
  const unknown = "if the 109 had been drawn at random (how they were chosen is not known)";

  it("missedChart(hmcts-sscs): the window's bound is conditional, as the statements say", () => {
    expect(subtitle(missedChart(sscs))).toContain(
      `Window: ${unknown}, at most 24 of 609 flagged cases affected, 23 not detected`,
    );
  });

  it.each([
    ["confidenceCurveChart", () => confidenceCurveChart(sscs)],
    ["sensitivityChart", () => sensitivityChart(sscs)],
    ["powerChart", () => powerChart(sscs)],
  ] as const)("%s(hmcts-sscs) carries the same condition", (_, chart) => {
    expect(subtitle(chart())).toContain(unknown);
  });

  it("says 'as stated' when the selection was given as random", () => {
    const example = examples["hmcts-sscs"] as { windows: object[] };
    const random = assessInvestigation({
      ...example,
      sources: [],
      windows: example.windows.map((w) => ({ ...w, selection: "random" })),
    });
    expect(subtitle(missedChart(random))).toContain(
      "Window: if the 109 were drawn at random, as stated, at most 24",
    );
  });
});
