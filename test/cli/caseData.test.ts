import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { appraiseStrata } from "../../src/planning/appraiseStrata.js";
import { messages } from "../../src/validation/messages.js";
import { run } from "../helpers/runCli.js";

const dir = mkdtempSync(join(tmpdir(), "adequacy-cases-"));
const header = "id,date,flagged,reviewed,impact\n";
const rows: string[] = [];
for (let i = 0; i < 3000; i++) {
  const day = new Date(Date.UTC(2023, 0, 1) + (i % 365) * 86_400_000).toISOString().slice(0, 10);
  const flagged = i % 3 === 0;
  const reviewed = flagged && day >= "2023-10-01" && i % 9 === 0;
  rows.push(`C${i},${day},${flagged ? 1 : 0},${reviewed ? 1 : 0},${reviewed && i % 27 === 0 ? 1 : 0}`);
}
const cases = join(dir, "cases.csv");
writeFileSync(cases, `${header}${rows.join("\n")}\n`);

describe("adequacy assess --cases", () => {
  it("derives the windows and volume from the rows and says what it read", async () => {
    const r = await run("assess", "--cases", cases, "--span", "2023-01-01/2023-12-31", "--format", "json");
    expect(r.code, r.stderr).toBe(0);
    const a = JSON.parse(r.stdout);
    expect(a.scenario.windows).toHaveLength(1);
    expect(a.scenario.windows[0].period).toBe("2023-10-01/2023-12-31");
    expect(a.description).toBe(
      `Case file ${cases}: 3,000 rows read, 3,000 used, 0 rejected. ${messages.caseFileWindowsDerived(["2023-10 to 2023-12"])}`,
    );
  });

  it("fails on rejected rows unless --skip-invalid, naming lines", async () => {
    const bad = join(dir, "bad.csv");
    writeFileSync(bad, `${header}A,2023-11-01,1,1,0\nA,2023-11-02,1,1,0\nB,2023-13-01,1,1,0\n`);
    const failed = await run("assess", "--cases", bad);
    expect(failed.code).toBe(2);
    expect(failed.stderr).toContain(
      `--cases ${bad}: 2 of 3 rows rejected (give --skip-invalid to leave them out): line 3: duplicate id "A" (first on line 2); line 4: date has no month 13`,
    );
    const skipped = await run("assess", "--cases", bad, "--skip-invalid", "--format", "json");
    expect(skipped.code).toBe(0);
    expect(JSON.parse(skipped.stdout).description).toContain("3 rows read, 1 used, 2 rejected");
  });

  it("names the lines when every row is rejected, with or without --skip-invalid", async () => {
    const only = join(dir, "only.csv");
    writeFileSync(only, `${header}A,2024-02-30,1,1,0\n`);
    for (const extra of [[], ["--skip-invalid"]]) {
      const r = await run("assess", "--case-file", only, ...extra);
      expect({ code: r.code, stderr: r.stderr }).toEqual({
        code: 2,
        stderr: `adequacy: --case-file ${only} has no usable row: its only row was rejected: line 2: date is not a calendar date: "2024-02-30"\n`,
      });
    }
    const empty = join(dir, "header-only.csv");
    writeFileSync(empty, header);
    const r = await run("appraise", "--case-file", empty);
    expect(r.stderr).toBe(`adequacy: --case-file ${empty} has no usable row: it has a header but no rows\n`);
  });

  it("takes the span from the kept rows: a rejected duplicate dated after them does not widen it (assess and select)", async () => {
    // Kept rows from 2023-03-05 to 2023-04-02; the only row after them repeats id A and is rejected.
    const kept = ["A,2023-03-05,1,1,0", "B,2023-03-20,1,1,1", "C,2023-04-02,1,0,0"];
    const path = join(dir, "late-duplicate.csv");
    writeFileSync(path, `${header}${[...kept, "A,2023-07-30,1,1,0"].join("\n")}\n`);
    const dates = kept.map((row) => row.split(",")[1] as string).sort();
    const [first, last] = [dates[0] as string, dates[dates.length - 1] as string];
    const days = (Date.parse(last) - Date.parse(first)) / 86_400_000 + 1;

    const r = await run("assess", "--case-file", path, "--skip-invalid", "--format", "json");
    expect(r.code, r.stderr).toBe(0);
    const a = JSON.parse(r.stdout);
    expect([a.scenario.span, a.coverage.spanDays]).toEqual([`${first}/${last}`, days]);

    // select's strata by month are the months of the span: those of the kept rows, no empty 2023-05 to 2023-07.
    const s = await run(
      "select",
      "--case-file",
      path,
      "--skip-invalid",
      "--size",
      "2",
      "--seed",
      "1",
      "--stratify",
      "month",
    );
    expect(s.code, s.stderr).toBe(0);
    expect(s.stdout).toContain(`# frame: ${path}: 3 cases (1 row rejected), sha256 `);
    const strata = s.stdout.split("\n").find((line) => line.startsWith("# strata: "));
    const months = [...new Set(dates.map((d) => d.slice(0, 7)))];
    expect(strata?.match(/\d{4}-\d{2}(?= \d+ of)/g)).toEqual(months);
  });

  it("keeps --cases N as the number of cases", async () => {
    const r = await run(
      "assess",
      "--span",
      "2023-01/2023-12",
      "--cases",
      "3000",
      "--window",
      "2023-12",
      "--reviewed",
      "10",
      "--found",
      "0",
      "--format",
      "json",
    );
    expect(JSON.parse(r.stdout).scenario.cases).toBe(3000);
  });
});

describe("adequacy appraise", () => {
  it("reproduces RAT-STATS' stratified example from flags", async () => {
    const r = await run(
      "appraise",
      "--stratum",
      "1000,100,2",
      "--stratum",
      "1500,100,6",
      "--confidence",
      "0.90",
    );
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Projected affected\s+110/);
    expect(r.stdout).toMatch(/Normal approximation \(RAT-STATS\)\s+49 to 171/);
  });

  it("--format json prints the library's appraisal, with labels", async () => {
    const r = await run(
      "appraise",
      "--stratum",
      "north:1000,100,2",
      "--stratum",
      "south:1500,100,6",
      "--format",
      "json",
    );
    expect(JSON.parse(r.stdout)).toEqual(
      appraiseStrata({
        strata: [
          { label: "north", population: 1000, sample: 100, found: 2 },
          { label: "south", population: 1500, sample: 100, found: 6 },
        ],
      }),
    );
  });

  it("appraises the reviewed quarters of a case file", async () => {
    const r = await run("appraise", "--cases", cases, "--stratify", "quarter", "--format", "json");
    const a = JSON.parse(r.stdout);
    expect(a.strata.map((s: { label: string }) => s.label)).toEqual(["2023-Q4"]);
  });

  it.each([
    [["--stratum", "1000,100"], '--stratum must be N,n,found or LABEL:N,n,found; got "1000,100"'],
    [
      ["--stratum", "100,200,1"],
      "--stratum (1) sample must be a whole number from 1 to population (100); got 200",
    ],
    [[], "--stratum is required (or give --case-file FILE)"],
  ])("%j exits 2", async (args, message) => {
    const r = await run("appraise", ...args);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
  });
});

/** Selection rows (order, id, stratum, role) of select's output, each split into its fields. */
const selectedRows = (stdout: string): string[][] =>
  stdout
    .split("\n")
    .filter((line) => /^\d+,/.test(line))
    .map((line) => line.split(","));

describe("adequacy select", () => {
  // 40 cases stratified by quarter with 2 spares a stratum, from the case file above.
  const quarterly = [
    "select",
    "--cases",
    cases,
    "--size",
    "40",
    "--seed",
    "7",
    "--stratify",
    "quarter",
    "--spares",
    "2",
  ];
  it("is reproducible: the same seed and frame give the same file", async () => {
    const a = join(dir, "a.csv");
    const b = join(dir, "b.csv");
    await run(...quarterly, "--out", a);
    await run(...quarterly, "--out", b);
    expect(readFileSync(a, "utf8").replace(/# command:.*\n/, "")).toBe(
      readFileSync(b, "utf8").replace(/# command:.*\n/, ""),
    );
  });

  it("records seed, generator, algorithm, frame hash, command and version, then order, id, stratum, role", async () => {
    const r = await run(...quarterly);
    const lines = r.stdout.trim().split("\n");
    expect(lines[0]).toBe("# sampling-adequacy 0.1.0: random selection");
    expect(lines).toContain("# seed: 7");
    expect(lines.find((l) => l.startsWith("# frame:"))).toMatch(/sha256 [0-9a-f]{64}$/);
    const table = lines.filter((l) => !l.startsWith("#"));
    expect(table[0]).toBe("order,id,stratum,role");
    const body = table.slice(1).map((l) => l.split(","));
    expect(body.filter((x) => x[3] === "sample")).toHaveLength(40);
    expect(body.filter((x) => x[3] === "spare")).toHaveLength(8);
    expect(new Set(body.map((x) => x[1])).size).toBe(body.length);
    for (const [, id, quarter] of body) {
      const i = Number(id?.slice(1));
      const month = new Date(Date.UTC(2023, 0, 1) + (i % 365) * 86_400_000).getUTCMonth();
      expect(quarter).toBe(`2023-Q${Math.floor(month / 3) + 1}`);
    }
  });

  it("says when a stratum has fewer spares left than asked for, and draws all it has", async () => {
    const r = await run("select", "--frame", "10", "--size", "5", "--spares", "6", "--seed", "1");
    expect(r.code).toBe(0);
    expect(r.stderr).toBe(
      "adequacy: note: stratum all has only 5 cases left after its sample, so it has 5 spares, not 6.\n",
    );
    const rows = selectedRows(r.stdout);
    expect(rows.map((row) => row[3])).toEqual([...Array(5).fill("sample"), ...Array(5).fill("spare")]);
    expect(new Set(rows.map((row) => row[1])).size).toBe(10);
  });

  it("generates and prints a seed when none is given", async () => {
    const r = await run("select", "--frame", "100", "--size", "3");
    expect(r.stderr).toMatch(/seed \d+ \(generated\); give --seed \d+ to repeat this selection/);
  });

  it.each([
    [["--frame", "100", "--size", "3", "--stratify", "year"], "--stratify needs --case-file"],
    [
      ["--frame", "100", "--size", "300", "--seed", "1"],
      "--size must be a whole number from 1 to the frame's 100 cases; got 300",
    ],
    [["--frame", "100", "--seed", "1"], "--size is required"],
    [
      ["--frame", "0", "--size", "1", "--seed", "1"],
      "--frame must be a whole number from 1 to 9007199254740991; got 0",
    ],
    [["--size", "3"], "--case-file needs one of --case-file FILE or --frame N"],
    [
      ["--frame", "100", "--size", "3", "--generator", "xoroshiro-unmixed", "--seed", "-4"],
      "--seed must be a whole number from 0 to 4294967295; got -4",
    ],
    [
      ["--frame", "9007199254740991", "--size", "9007199254740991", "--seed", "1"],
      "--size asks for 9,007,199,254,740,991 cases with the spares; one selection draws at most 25,000,000",
    ],
    [
      ["--frame", "3e7", "--size", "2e7", "--seed", "1"],
      "--size needs about 32,958,368 draws with sha256, which skips repeats; it makes at most 12,000,000",
    ],
    [["--low", "5", "--size", "3"], "--low needs --high"],
    [
      ["--low", "10", "--high", "5", "--size", "3", "--seed", "1"],
      "--high must be a whole number from 10 to",
    ],
    [
      ["--frame", "2e9", "--size", "3", "--generator", "rat-stats", "--seed", "1"],
      "--frame has 2,000,000,000 cases; the rat-stats generator takes frames of at most 1,000,000,000",
    ],
    [["--frame", "100", "--size", "3", "--seed", " 1"], "--seed must be text without control characters"],
  ])("%j exits 2", async (args, message) => {
    const r = await run("select", ...args);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
  });

  it("reproduces RAT-STATS' published numbers for seed 48863.78 (User Guide pp. 2-7, 2-11): sample, spares, sum 6,520", async () => {
    const r = await run(
      "select",
      "--generator",
      "rat-stats",
      "--seed",
      "48863.78",
      "--frame",
      "1000",
      "--size",
      "10",
      "--spares",
      "4",
    );
    expect(r.code).toBe(0);
    const rows = selectedRows(r.stdout);
    const published = JSON.parse(
      readFileSync(new URL("../fixtures/published/rat-stats-single-stage.json", import.meta.url), "utf8"),
    );
    expect(rows.filter((x) => x[3] === "sample").map((x) => Number(x[1]))).toEqual(published.expectedSample);
    expect(rows.filter((x) => x[3] === "spare").map((x) => Number(x[1]))).toEqual(published.expectedSpares);
    expect(rows.reduce((t, x) => t + Number(x[1]), 0)).toBe(6520);
    expect(r.stdout).toContain("# generator: rat-stats: ");
  });

  it("takes RAT-STATS' low and high numbers with --low and --high (replication script: seed 102284, 0 to 101)", async () => {
    const r = await run(
      "select",
      "--generator",
      "rat-stats",
      "--seed",
      "102284",
      "--low",
      "0",
      "--high",
      "101",
      "--size",
      "5",
    );
    const ids = selectedRows(r.stdout).map((row) => Number(row[1]));
    expect(ids).toEqual([54, 64, 11, 47, 28]);
    expect(r.stdout).toContain("# frame: cases numbered 0 to 101");
  });

  it("draws with Rivest's sha256 sampler by default (its reference example: 740, 180, 264, 789, 238)", async () => {
    const r = await run("select", "--seed", "3546311556112163624615351222", "--frame", "876", "--size", "5");
    const ids = selectedRows(r.stdout).map((row) => Number(row[1]));
    expect(ids).toEqual([740, 180, 264, 789, 238]);
    expect(r.stdout).toContain("# generator: sha256: ");
  });

  it("keeps the selections of versions up to 0.1.0 under --generator xoroshiro-unmixed", async () => {
    const r = await run(
      "select",
      "--generator",
      "xoroshiro-unmixed",
      "--seed",
      "7",
      "--frame",
      "10000",
      "--size",
      "5",
    );
    const ids = selectedRows(r.stdout).map((row) => Number(row[1]));
    expect(ids).toEqual([3641, 1604, 8078, 6686, 7840]);
    expect(r.stdout).toContain(
      "# generator: xoroshiro-unmixed: xoroshiro128+ (pure-rand), seeded with the 32-bit seed; integers by pure-rand's uniformInt (unbiased rejection)",
    );
  });

  it("refuses to write over its case file", async () => {
    const before = readFileSync(cases, "utf8");
    const r = await run("select", "--cases", cases, "--size", "3", "--seed", "1", "--out", cases);
    expect(r.code).toBe(2);
    expect(readFileSync(cases, "utf8")).toBe(before);
  });
});
