import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { timelineChart } from "../../src/charts/timelineChart.js";
import { assessInvestigation } from "../../src/investigation/assessInvestigation.js";
import { assessmentBriefing } from "../../src/report/assessmentBriefing.js";
import { statements } from "../../src/report/statements.js";
import { messages } from "../../src/validation/messages.js";
import { reference } from "../helpers/fixtures.js";
import { run } from "../helpers/runCli.js";

// 2023, 10 cases a month; 2 flagged a month January to September (18), 6 a month October to December (18),
// 3 a month of those reviewed (9), 1 found. Written and counted row by row by
// test/fixtures/python/case_file.py, which also computes every bound (mpmath-decided hypergeometric).
const file = join(dirname(fileURLToPath(import.meta.url)), "..", "fixtures", "cases", "screened-2023.csv");

interface Expected {
  windows: { cases: number; flagged: number; reviewed: number; found: number }[];
  windowAffectedUpper: number;
  outsideVolume: number;
  unreviewed: number;
  undetectedUpper: number;
  outsideUpper: number;
  drift: Record<string, number>;
  quarters: { label: string; population: number; sampleSize: number }[];
  detectionPopulation: number;
  estimateByFlagRate: number;
}
const expected = reference<{ derived: Expected; september: Expected }>("case-file-screened-2023.json");

async function assess(...extra: string[]) {
  const r = await run(
    "assess",
    "--case-file",
    file,
    "--stratify",
    "quarter",
    "--tolerable",
    "0.3",
    "--format",
    "json",
    ...extra,
  );
  expect(r.stderr).toBe("");
  return JSON.parse(r.stdout);
}

function expectFigures(a: ReturnType<typeof assessInvestigation>, e: Expected) {
  expect(
    a.scenario.windows.map(({ cases, flagged, reviewed, found }) => ({ cases, flagged, reviewed, found })),
  ).toEqual(e.windows);
  expect(a.window?.affected.upper).toBe(e.windowAffectedUpper);
  expect(a.coverage.outsideStage).toBe(e.outsideVolume);
  expect(a.coverage.outsideStageBasis).toBe("given");
  expect(a.coverage.profile.every((m) => !m.estimated)).toBe(true);
  expect(a.extrapolated?.outsideVolume).toBe(e.outsideVolume);
  expect(a.extrapolated?.outsideVolumeBounds).toBeNull();
  expect(a.extrapolated?.unreviewed).toBe(e.unreviewed);
  expect(a.extrapolated?.undetected.upper).toBe(e.undetectedUpper);
  expect(a.extrapolated?.outside.upper).toBe(e.outsideUpper);
  expect(
    Object.fromEntries(a.sensitivity?.rows.map((r) => [String(r.drift), r.undetected.upper]) ?? []),
  ).toEqual(e.drift);
  expect(
    a.adequatePlan.strata.map(({ label, population, sampleSize }) => ({ label, population, sampleSize })),
  ).toEqual(e.quarters);
  expect(a.adequatePlan.detection.population).toBe(e.detectionPopulation);
}

describe("adequacy assess --cases: the file's counts are used as given", () => {
  it("counts the flagged cases outside the windows instead of estimating them from the window's flag rate", async () => {
    const a = await assess();
    expectFigures(a, expected.derived);
    // The flag-rate estimate the counts replace: 18/30 of the 90 cases outside.
    expect(expected.derived.estimateByFlagRate).toBe(54);
    const constantRate = a.statements.find((s: { id: string }) => s.id === "constant-rate").text;
    expect(constantRate).toContain(`among the ${expected.derived.unreviewed} unreviewed flagged cases`);
    expect(a.warnings.map((w: { text: string }) => w.text).join(" ")).not.toContain("estimated");
  });

  it("says how the windows were derived, in the description and the sources", async () => {
    const a = await assess();
    expect(a.description).toContain(messages.caseFileWindowsDerived(["2023-10 to 2023-12"]));
    expect(a.scenario.sources).toContainEqual({
      field: "windows[0].period",
      status: "derived",
      note: messages.caseFileWindowDerived(),
    });
    expect(a.scenario.sources).toContainEqual({
      field: "span",
      status: "derived",
      note: messages.caseFileSpanDerived(),
    });
  });

  it("--window states the review's own window; its counts come from the rows", async () => {
    const a = await assess("--window", "2023-09-01/2023-12-31");
    expectFigures(a, expected.september);
    expect(a.scenario.windows[0].period).toBe("2023-09-01/2023-12-31");
    expect(a.description).toContain(messages.caseFileWindowsGiven());
  });

  it("a window that splits a month is counted exactly: the volume is split at its edges", async () => {
    // 2023-10-10 to 2023-12-31 holds, of October's rows (days 1, 4, ..., 25, 31), those on days 10 to 31:
    // 7 cases, of which 3 flagged (days 10, 13, 16) and none reviewed (days 1, 4, 7). So October's 3
    // reviewed cases lie outside and the window is refused; from 2023-10-01 it is the derived window.
    const r = await run("assess", "--case-file", file, "--window", "2023-10-10/2023-12-31");
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`adequacy: --window ${messages.reviewedOutsideWindows(3, "2023-10-01")}\n`);
    const a = await assess("--window", "2023-10-01/2023-11-15", "--window", "2023-11-16/2023-12-31");
    // November's rows: days 1, 4, 7, 10, 13 (≤ 15) and 16, 19, 22, 25, 30; flagged j < 6: days 1..16.
    expect(a.scenario.windows.map((w: { flagged: number; cases: number }) => [w.cases, w.flagged])).toEqual([
      [15, 11],
      [15, 7],
    ]);
    expect(a.coverage.outsideStage).toBe(18);
  });

  it("refuses a --window without a reviewed case, naming it", async () => {
    const r = await run(
      "assess",
      "--case-file",
      file,
      "--window",
      "2023-01/2023-03",
      "--window",
      "2023-10/2023-12",
    );
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`adequacy: --window (window 1) ${messages.windowWithoutReview()}\n`);
  });

  it("still refuses the per-window counts with a case file", async () => {
    const r = await run("assess", "--case-file", file, "--reviewed", "9");
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`adequacy: --reviewed ${messages.caseFileCounts()}\n`);
  });

  it("the timeline and the report say the counts are given", async () => {
    const chart = await run("chart", "timeline", "--case-file", file, "--format", "vl.json");
    expect(JSON.parse(chart.stdout).title.subtitle[1]).toBe("Monthly flagged cases");
    const report = await run("report", "--case-file", file, "--format", "json");
    expect(report.stdout).toContain("the 18 flagged cases outside the window would hold");
  });
});

describe("assessInvestigation: estimates are labelled as estimates", () => {
  it("without flagged counts outside the windows, the flag-rate estimate is labelled in every output", async () => {
    const counted = await assess();
    const { volume, ...rest } = counted.scenario;
    const estimated = assessInvestigation({
      ...rest,
      volume: volume.map(({ period, cases }: { period: string; cases: number }) => ({ period, cases })),
    });
    expect(estimated.coverage.outsideStage).toBeCloseTo(expected.derived.estimateByFlagRate, 9);
    expect(estimated.coverage.outsideStageBasis).toBe("flagRate");
    expect(estimated.coverage.profile.filter((m) => m.estimated).map((m) => m.month)).toEqual(
      Array.from({ length: 9 }, (_, i) => `2023-0${i + 1}`),
    );
    expect(estimated.warnings.map((w) => w.text)).toContain(messages.flaggedOutsideEstimated("54", "60%"));
    expect(statements(estimated).find((s) => s.id === "constant-rate")?.text).toContain(
      "among the estimated",
    );
    const subtitle = (timelineChart(estimated).title as { subtitle: string[] }).subtitle;
    expect(subtitle.join(" ")).toContain(messages.timelineVolume("flagged cases", "flagRate", true));
    const rows = assessmentBriefing(estimated).flatMap((b) => b.rows);
    expect(rows).toContainEqual([messages.outsideStageLabel("flagRate"), "54 flagged cases"]);
  });

  it("refuses a profile whose flagged counts disagree with a window's, or stop at a window's middle", () => {
    const base = {
      name: "t",
      span: "2023-01/2023-02",
      windows: [{ period: "2023-02", flagged: 5, reviewed: 2, found: 0 }],
    };
    const volume = (flagged: [number, number]) => [
      { period: "2023-01", cases: 10, flagged: flagged[0] },
      { period: "2023-02", cases: 10, flagged: flagged[1] },
    ];
    expect(() => assessInvestigation({ ...base, volume: volume([3, 4]) })).toThrow(
      `windows[0].flagged ${messages.volumeFlaggedDisagrees(5, 4)}`,
    );
    expect(() =>
      assessInvestigation({
        ...base,
        volume: [{ period: "2023-01-01/2023-02-28", cases: 20, flagged: 8 }],
      }),
    ).toThrow(`windows[0].period ${messages.volumeFlaggedBoundaries("2023-02-01/2023-02-28")}`);
    expect(() =>
      assessInvestigation({
        ...base,
        volume: [{ period: "2023-01", cases: 10 }, ...volume([3, 5]).slice(1)],
      }),
    ).toThrow(`volume[0].flagged ${messages.volumeFlaggedPartial()}`);
    expect(() => assessInvestigation({ ...base, volume: volume([3, 11]) })).toThrow(
      "volume[1].flagged must be a whole number from 0 to volume[1].cases (10); got 11",
    );
    const a = assessInvestigation({ ...base, volume: volume([3, 5]) });
    expect([a.coverage.outsideStage, a.coverage.outsideStageBasis]).toEqual([3, "given"]);
  });
});
