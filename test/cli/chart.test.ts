import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { intervalsChart } from "../../src/charts/index.js";
import { compareIntervals } from "../../src/intervals/compareIntervals.js";
import { messages } from "../../src/validation/messages.js";
import { everyChart } from "../helpers/everyChart.js";
import { run } from "../helpers/runCli.js";

const dir = mkdtempSync(join(tmpdir(), "adequacy-chart-"));

describe("adequacy chart", () => {
  it("every kind of chart the CLI offers is among the charts the chart tests draw (test/helpers/everyChart.ts)", async () => {
    // The CLI lists its kinds when none is given; the list is read back from that message and checked by
    // rebuilding the message from it, so that a kind added to the CLI alone fails here.
    const r = await run("chart");
    expect(r.code).toBe(2);
    const listed = /: ([a-z, -]+)$/m.exec(r.stderr.split("\n")[0] ?? "")?.[1]?.split(/, | or /) ?? [];
    expect(r.stderr).toContain(messages.giveChartKind(listed));
    const kinds = listed.filter((k) => k !== "all");
    expect(kinds.length).toBeGreaterThan(0);
    expect([...kinds].sort()).toEqual(Object.keys(everyChart).sort());
  });

  it("chart all writes every chart in every format", async () => {
    const out = join(dir, "all");
    const r = await run("chart", "all", "--example", "hmcts-sscs", "--out-dir", out);
    expect(r.code).toBe(0);
    const files = readdirSync(out).sort();
    expect(files).toHaveLength(7 * 4);
    for (const kind of [
      "timeline",
      "missed",
      "sensitivity",
      "power",
      "intervals",
      "sample-size",
      "confidence-curve",
    ]) {
      for (const ext of ["vl.json", "svg", "png", "html"]) expect(files).toContain(`${kind}.${ext}`);
    }
    expect(files.some((f) => f.endsWith(".tmp"))).toBe(false);
  });

  it("chart all --format writes that format only", async () => {
    const out = join(dir, "png-only");
    const r = await run("chart", "all", "--example", "hmcts-sscs", "--out-dir", out, "--format", "png");
    expect(r.code, r.stderr).toBe(0);
    const files = readdirSync(out);
    expect(files).toHaveLength(7);
    expect(files.every((f) => f.endsWith(".png"))).toBe(true);
  });

  it("sample-size from a scenario names the stratum it draws, the largest unless --stratum picks one", async () => {
    const largest = await run("chart", "sample-size", "--example", "hmcts-sscs", "--format", "vl.json");
    expect(largest.code, largest.stderr).toBe(0);
    expect(largest.stdout).toContain("Drawn at random from 2020, the year with the most cases: 2,449 cases");
    const chosen = await run(
      "chart",
      "sample-size",
      "--example",
      "hmcts-sscs",
      "--stratum",
      "2022",
      "--format",
      "vl.json",
    );
    expect(chosen.code, chosen.stderr).toBe(0);
    expect(chosen.stdout).toContain("Drawn at random from 2022: ");
    const unknown = await run("chart", "sample-size", "--example", "hmcts-sscs", "--stratum", "1999");
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain(
      '--stratum must be one of 2019, 2020, 2021, 2022, 2023, 2024; got "1999"',
    );
  });

  it("chart all for a review still to plan draws what applies", async () => {
    const out = join(dir, "family");
    const r = await run("chart", "all", "--example", "family-court-documents", "--out-dir", out);
    expect(r.code).toBe(0);
    expect(readdirSync(out).map((f) => f.split(".")[0])).toEqual(
      expect.arrayContaining(["timeline", "power", "sample-size"]),
    );
  });

  it("takes the format from the file extension and prints the spec as the library builds it", async () => {
    const path = join(dir, "intervals.vl.json");
    const r = await run("chart", "intervals", "-n", "109", "-k", "1", "-N", "609", "--out", path);
    expect(r.code).toBe(0);
    expect(JSON.parse(readFileSync(path, "utf8"))).toEqual(
      JSON.parse(
        JSON.stringify(intervalsChart(compareIntervals({ found: 1, sample: 109, population: 609 }))),
      ),
    );
  });

  it("writes SVG to standard output when no file is given", async () => {
    const r = await run("chart", "timeline", "--example", "hmcts-sscs");
    expect(r.stdout.startsWith("<svg")).toBe(true);
  });

  it.each([
    [
      ["chart", "timeline", "--example", "hmcts-sscs", "--out", "x.gif"],
      "--out needs an extension .vl.json, .svg, .png or .html",
    ],
    [["chart", "timeline", "--example", "hmcts-sscs", "--format", "png"], "--out is required for PNG"],
    [
      ["chart", "missed", "--example", "family-court-documents", "--format", "svg"],
      "--example gives no reviewed window",
    ],
    [
      ["chart", "timeline", "--example", "hmcts-sscs", "--width", "50"],
      "--width must be a whole number from 100 to 4000; got 50",
    ],
    [["chart", "timeline", "--example", "hmcts-sscs", "--scale", "0"], "--scale must be from 1 to 8; got 0"],
    [["chart", "all", "--example", "hmcts-sscs"], "--out-dir is required by chart all"],
    [["chart", "timeline"], "--example or --scenario or --span with --window is needed to draw timeline"],
    [
      ["chart", "pie", "--example", "hmcts-sscs"],
      'kind must be one of timeline, missed, sensitivity, power, intervals, sample-size, confidence-curve, screen, selection-bias, all; got "pie"',
    ],
    [["chart", "intervals", "-n", "109"], "--found is required"],
  ])("%j exits 2", async (args, message) => {
    const r = await run(...args);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
  });

  it("refuses to write over its input file", async () => {
    const scenario = join(dir, "s.yaml");
    writeFileSync(scenario, (await run("example", "hmcts-sscs")).stdout);
    const before = readFileSync(scenario, "utf8");
    const r = await run("chart", "timeline", "--scenario", scenario, "--out", scenario, "--format", "svg");
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("would write over the input file");
    expect(readFileSync(scenario, "utf8")).toBe(before);
  });
});

// The built CLI, run with a hook that records every ES module it resolves (the renderer and vega are ES
// modules; CommonJS bundles are not recorded): vl.json and html need no renderer.
const bin = join(import.meta.dirname, "../../bin/adequacy.cjs");
const built = existsSync(join(import.meta.dirname, "../../dist/cli/main.cjs"));
describe.runIf(built)("adequacy chart (built) loads only what a format needs", () => {
  const loaded = (out: string) => {
    const record = join(dir, `${out}.imports`);
    const r = spawnSync(
      process.execPath,
      [
        "--import",
        join(import.meta.dirname, "../helpers/recordImports.mjs"),
        bin,
        "chart",
        "missed",
        "--example",
        "hmcts-sscs",
        "--out",
        join(dir, out),
      ],
      { encoding: "utf8", env: { ...process.env, RECORD_IMPORTS: record } },
    );
    expect(r.status, r.stderr).toBe(0);
    return readFileSync(record, "utf8");
  };

  it.each(["missed.vl.json", "missed.html"])("--out %s loads neither vega nor resvg", (out) => {
    const urls = loaded(out);
    expect(urls).not.toContain("charts.render.js");
    expect(urls).not.toMatch(/node_modules\/(vega|vega-lite|@resvg)\//);
  });

  it("--out missed.svg does load vega (the check can fail)", () => {
    expect(loaded("missed.svg")).toMatch(/node_modules\/vega\//);
  });
});
