import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { assessInvestigation } from "../../src/investigation/assessInvestigation.js";
import { statements } from "../../src/report/statements.js";
import { examples } from "../../src/scenario/examples.js";
import { scenarioJsonSchema } from "../../src/scenario/scenario.js";
import { run } from "../helpers/runCli.js";
import { sscsFlags } from "../helpers/sscs.js";

const dir = mkdtempSync(join(tmpdir(), "adequacy-assess-"));
const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

const withStatements = (a: ReturnType<typeof assessInvestigation>) => ({ ...a, statements: statements(a) });

describe("adequacy assess", () => {
  it("--span with no --window assesses before any review: the range and the plan for the default target", async () => {
    const r = await run("assess", "--span", "2020-01-01/2020-12-31", "--cases", "200", "--format", "json");
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual(
      JSON.parse(
        JSON.stringify(
          withStatements(
            assessInvestigation({
              name: "command-line scenario",
              span: "2020-01-01/2020-12-31",
              windows: [],
              cases: 200,
            }),
          ),
        ),
      ),
    );
    expect(JSON.parse(r.stdout).adequatePlan.target).toBe("default");
  });

  it("--example hmcts-sscs --format json prints the library's assessment with its statements", async () => {
    const r = await run("assess", "--example", "hmcts-sscs", "--format", "json");
    expect(r.code).toBe(0);
    const assessment = assessInvestigation(examples["hmcts-sscs"]);
    expect(JSON.parse(r.stdout)).toEqual(
      JSON.parse(JSON.stringify({ ...assessment, statements: statements(assessment) })),
    );
  });

  it("from flags gives the same figures as the example", async () => {
    const fromFlags = JSON.parse((await run("assess", ...sscsFlags, "--format", "json")).stdout);
    const example = assessInvestigation(examples["hmcts-sscs"]);
    expect(fromFlags.window.affected).toEqual(example.window?.affected);
    expect(fromFlags.extrapolated.undetected).toEqual(example.extrapolated?.undetected);
  });

  it("the table reads as a briefing: coverage, window, outside, plan", async () => {
    const r = await run("assess", "--example", "hmcts-sscs");
    const order = [
      "Examined",
      "What the window shows",
      "Outside the window",
      "Without assumptions",
      "What an adequate review would need",
      "Statements",
    ];
    const positions = order.map((heading) => r.stdout.indexOf(heading));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(r.stdout).toMatch(/Examined\s+91 days \(4\.8%\)/);
    expect(r.stdout).toMatch(/Affected, at most\s+24/);
  });

  it("gives chances as percentages, never as bare decimals, while the JSON keeps the numbers", async () => {
    const r = await run("assess", "--example", "hmcts-sscs");
    // Uniform spread, no case volumes: each affected case lies in the window with chance 91/1,886 (its
    // days) and is then reviewed with chance 109/609, so P(at least one of T) = 1 − (1 − q)^T: 0.8636%,
    // 8.308%, 57.99% and 99.98% at T = 1, 10, 100 and 1,000 (computed in Python from q).
    expect(r.stdout).toMatch(
      /uniform\s+T=1: 1% \/ \d+%\s+T=10: 8% \/ \d+%\s+T=100: 58% \/ \d+%\s+T=1,000: >99% \//,
    );
    // Ended before the window: the review cannot find it (0%); a plan that detects is never shown as certain.
    expect(r.stdout).toMatch(/ended-before-window\s+T=1: 0% \/ 4%.*T=1,000: 0% \/ >99%/);
    // scipy: 1 − hypergeom(12622, 611, 61).pmf(0) = 0.95188 (60 cases give 0.94942).
    expect(r.stdout).toContain(
      "61 of 12,622 at random finds at least one with a chance of 95.19% if 611 were affected",
    );
    // From detection power on (above it, "If outside rate × 0.5" is a ratio of rates, not a chance).
    expect(r.stdout.slice(r.stdout.indexOf("Detection power"))).not.toMatch(
      /probability \d|\b0\.\d+(?![\d%])/,
    );
    const json = JSON.parse((await run("assess", "--example", "hmcts-sscs", "--format", "json")).stdout);
    expect(json.adequatePlan.detection.probability).toBeCloseTo(0.951883189304261, 12);
  });

  it("applies assumption flags on top of a scenario file", async () => {
    const path = file("sscs.yaml", (await run("example", "hmcts-sscs")).stdout);
    const r = await run(
      "assess",
      "--scenario",
      path,
      "--confidence",
      "0.9",
      "--materiality",
      "100",
      "--format",
      "json",
    );
    const expected = assessInvestigation({ ...examples["hmcts-sscs"], confidence: 0.9, materiality: 100 });
    expect(JSON.parse(r.stdout).sensitivity).toEqual(expected.sensitivity);
  });

  it("reads a volume profile from CSV", async () => {
    const csv = file(
      "volume.csv",
      '\uFEFFperiod,cases\r\n2023-01,1000\r\n2023-02/2023-06,4000\r\n"2023-07/2023-11",5000\r\n2023-12,1000\r\n',
    );
    const r = await run(
      "assess",
      "--span",
      "2023-01/2023-12",
      "--volume",
      csv,
      "--window",
      "2023-12",
      "--reviewed",
      "50",
      "--found",
      "0",
      "--format",
      "json",
    );
    expect(r.stderr).toBe("");
    const out = JSON.parse(r.stdout);
    expect(out.window.population).toBe(1000);
    expect(out.coverage.caseFraction).toBeCloseRelative(1000 / 11000, 1e-12);
  });

  it.each([
    [
      ["--scenario", "unknown.yaml"],
      "name: x\nspan: 2019-01/2024-02\nwindows:\n  - period: 2023-12/2024-02\n    flagged: 609\n    reviewed: 109\n    found: 1\n    colour: red\n",
      'unknown.yaml: windows[0] has unknown key "colour"',
    ],
    [
      ["--scenario", "bad.yaml"],
      "name: x\nspan: 2019-01/2024-02\nwindows:\n  - period: [2023\n",
      "bad.yaml line 5, column 1: not valid YAML",
    ],
    [
      ["--scenario", "bad.json"],
      '{"name": "x",\n "span": "2019-01/2024-02",\n "windows": [}\n',
      "bad.json line 3, column 14: not valid JSON",
    ],
    [
      ["--scenario", "dates.yaml"],
      "name: x\nspan: 2019-01/2024-02\nwindows:\n  - period: 2023-02-30/2024-02\n    flagged: 609\n    reviewed: 109\n    found: 1\n",
      'dates.yaml: windows[0].period is not a calendar date: "2023-02-30"',
    ],
    [
      ["--scenario", "order.json"],
      '{"name": "x", "span": "2019-01/2024-02", "windows": [{"period": "2023-12/2024-02", "flagged": 609, "reviewed": 109, "found": 110}]}',
      "order.json: windows[0].found must be a whole number from 0 to windows[0].reviewed (109); got 110",
    ],
    [
      ["--scenario", "cases.json"],
      '{"name": "x", "span": "2019-01/2024-02", "windows": [{"period": "2023-12/2024-02", "cases": 500, "flagged": 609, "reviewed": 109, "found": 1}]}',
      "cases.json: windows[0].flagged must be a whole number from 1 to windows[0].cases (500); got 609",
    ],
    [
      ["--scenario", "type.json"],
      '{"name": "x", "span": "2019-01/2024-02", "windows": [{"period": "2023-12/2024-02", "flagged": "many", "reviewed": 109, "found": 1}]}',
      'type.json: windows[0].flagged must be a number; got the string "many"',
    ],
    [
      ["--volume", "rows.csv", ...sscsFlags.slice(0, 4), "--reviewed", "10", "--found", "0"],
      "period,cases\n2019-01/2023-11,100\n2023-12,abc\n2024-01/2024-02,\n",
      'rows.csv has 2 bad rows: line 3: cases must be a whole number of 0 or more; got "abc"; line 4:',
    ],
    [
      // Blank lines and a quoted line break: the bad period is on line 7 of the file, its third row.
      ["--volume", "lines.csv", ...sscsFlags.slice(0, 4), "--reviewed", "10", "--found", "0"],
      'period,cases\n\n"2019-01/\n2023-10",100\n\n2023-11,1\n2023-13/2024-02,10\n',
      'lines.csv line 7: period has no month 13: "2023-13"',
    ],
    [
      ["--volume", "gap.csv", ...sscsFlags.slice(0, 4), "--reviewed", "10", "--found", "0"],
      "period,cases\n2019-01/2023-10,100\n2023-12/2024-02,10\n",
      "gap.csv must cover the span; nothing is given for 2023-11-01/2023-11-30",
    ],
  ])("%j reports the file, line or field", async (args, text, message) => {
    const name = args[1] as string;
    const path = file(name, text);
    const r = await run("assess", ...args.map((a) => (a === name ? path : a)));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
    expect(r.stdout).toBe("");
  });

  it.each([
    [
      [
        ...sscsFlags.slice(0, 2),
        "--window",
        "2023-02-30/2024-02",
        "--reviewed",
        "10",
        "--found",
        "0",
        "--flagged",
        "609",
      ],
      '--window is not a calendar date: "2023-02-30"',
    ],
    [
      [
        ...sscsFlags.slice(0, 2),
        "--window",
        "2024-01/2024-03",
        "--reviewed",
        "10",
        "--found",
        "0",
        "--flagged",
        "609",
      ],
      "--window (2024-01-01/2024-03-31) must lie within the span (2019-01-01/2024-02-29)",
    ],
    [
      [
        "--span",
        "2024-01-01/2019-01-01",
        "--window",
        "2023-12",
        "--reviewed",
        "1",
        "--found",
        "0",
        "--flagged",
        "9",
      ],
      '--span ends before it starts: "2024-01-01/2019-01-01"',
    ],
    [
      [...sscsFlags.slice(0, 4), "--flagged", "609", "--reviewed", "610", "--found", "1"],
      "--reviewed must be a whole number from 1 to --flagged (609); got 610",
    ],
    [
      [
        ...sscsFlags.slice(0, 4),
        "--window-cases",
        "500",
        "--flagged",
        "609",
        "--reviewed",
        "10",
        "--found",
        "1",
      ],
      "--flagged must be a whole number from 1 to --window-cases (500); got 609",
    ],
    [
      [...sscsFlags, "--review-sensitivity", "1.5"],
      "--review-sensitivity must be greater than 0 and at most 1; got 1.5",
    ],
    [
      [...sscsFlags, "--screening-sensitivity", "0"],
      "--screening-sensitivity must be greater than 0 and at most 1; got 0",
    ],
    [
      [...sscsFlags, "--screening-sensitivity", "0.8"],
      "--screening-sensitivity below 1 needs the cases in every window",
    ],
    [
      [...sscsFlags, "--drift", "0.5,0"],
      "--drift must be greater than 0 and at most 1000 (the outside rate at most 1,000 times the window's); got 0",
    ],
    [[...sscsFlags, "--drift", "0.5,x"], '--drift must be a number; got "x"'],
    [[...sscsFlags, "--materiality", "0"], "--materiality must be a whole number from 1"],
    [
      [
        ...sscsFlags.slice(0, 4),
        "--window",
        "2022-01/2022-03",
        "--flagged",
        "609",
        "--reviewed",
        "109",
        "--reviewed",
        "10",
        "--found",
        "1",
        "--found",
        "0",
      ],
      "--flagged was given once for 2 windows",
    ],
    [
      [
        ...sscsFlags.slice(0, 4),
        "--window",
        "2024-01/2024-02",
        "--flagged",
        "609",
        "--flagged",
        "9",
        "--reviewed",
        "109",
        "--reviewed",
        "1",
        "--found",
        "1",
        "--found",
        "0",
      ],
      "--window (window 2) overlaps --window (window 1)",
    ],
    [["--example", "hmcts-sscs", "--reviewed", "5"], "--reviewed cannot be combined with --example"],
    [["--example", "nope"], '--example must be one of hmcts-sscs, family-court-documents; got "nope"'],
    [
      [...sscsFlags.slice(0, -1), "sometimes"],
      '--selection must be one of random, judgmental, unknown; got "sometimes"',
    ],
    [["--scenario", "/nonexistent/x.yaml"], '--scenario cannot read "/nonexistent/x.yaml": no such file'],
    [["--window", "2023-12", "--reviewed", "1", "--found", "0"], "--span is required"],
    [
      ["--span", "2020-01-01/2020-12-31", "--cases", "200", "--reviewed", "5"],
      "--window is required with --reviewed",
    ],
    [
      ["--example", "family-court-documents", "--tolerable", "1"],
      "--tolerable must be strictly between 0 and 1; got 1",
    ],
  ])("%j exits 2 naming the flag", async (args, message) => {
    const r = await run("assess", ...args);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});

describe("adequacy example and schema", () => {
  it("example --list names every built-in scenario", async () => {
    const r = await run("example", "--list");
    for (const name of Object.keys(examples)) expect(r.stdout).toContain(name);
  });
  it("example NAME prints the scenario as YAML", async () => {
    const r = await run("example", "hmcts-sscs");
    expect(parse(r.stdout)).toEqual(examples["hmcts-sscs"]);
  });
  it("schema prints the JSON Schema generated from the validator", async () => {
    const r = await run("schema");
    expect(JSON.parse(r.stdout)).toEqual(scenarioJsonSchema());
    expect(JSON.parse(r.stdout).properties.windows.type).toBe("array");
  });
});
