import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { intervalsChart } from "../../src/charts/index.js";
import { compareIntervals } from "../../src/intervals/compareIntervals.js";
import { run } from "../helpers/runCli.js";

const dir = mkdtempSync(join(tmpdir(), "adequacy-chart-"));

describe("adequacy chart", () => {
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
      "posterior",
    ]) {
      for (const ext of ["vl.json", "svg", "png", "html"]) expect(files).toContain(`${kind}.${ext}`);
    }
    expect(files.some((f) => f.endsWith(".tmp"))).toBe(false);
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
      'kind must be one of timeline, missed, sensitivity, power, intervals, sample-size, posterior, all; got "pie"',
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
