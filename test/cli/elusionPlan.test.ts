import { describe, expect, it } from "vitest";
import { elusionSampleSize } from "../../src/planning/elusionSampleSize.js";
import { run } from "../helpers/runCli.js";

describe("adequacy plan --elusion", () => {
  it("--format json prints exactly the library's plan (elusion target)", async () => {
    const r = await run(
      "plan",
      "--elusion",
      "--unflagged",
      "10000",
      "--max-elusion",
      "1%",
      "--format",
      "json",
    );
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual(elusionSampleSize({ unflagged: 10_000, maxElusion: 0.01 }));
    // 291: test/fixtures/reference/screen.json (smallest n with P(X = 0 | 10,000, 101, n) ≤ 0.05, mpmath).
    expect(JSON.parse(r.stdout).sampleSize).toBe(291);
  });

  it("plans for a recall target against the flagged cases' review", async () => {
    const r = await run(
      "plan",
      "--elusion",
      "--unflagged",
      "9391",
      "--recall",
      "80%",
      "--flagged",
      "609",
      "--flagged-reviewed",
      "109",
      "--flagged-found",
      "12",
      "--format",
      "json",
    );
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual(
      elusionSampleSize({
        unflagged: 9391,
        recall: 0.8,
        flagged: { population: 609, sample: 109, found: 12 },
      }),
    );
  });

  it("table output names the target, the confidence and the assumption", async () => {
    const r = await run("plan", "--elusion", "--unflagged", "10000", "--max-elusion", "0.01");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("95% confidence");
    expect(r.stdout).toMatch(/Elusion sample size\s+291/);
    expect(r.stdout).toContain("drawn at random from all the unflagged cases");
  });

  it.each([
    [
      ["--elusion", "--unflagged", "1000", "--tolerable", "5%"],
      "--tolerable cannot be given together with --elusion",
    ],
    [["--tolerable", "5%", "--unflagged", "1000"], "--unflagged applies only with --elusion"],
    [["--elusion", "--max-elusion", "1%"], "--unflagged is required"],
    [["--elusion", "--unflagged", "1000"], "--max-elusion needs one of --max-elusion or --recall"],
    [["--elusion", "--unflagged", "1000", "--recall", "0.9"], "--flagged is required"],
    [
      [
        "--elusion",
        "--unflagged",
        "1000",
        "--recall",
        "0.9",
        "--flagged",
        "50",
        "--flagged-reviewed",
        "60",
        "--flagged-found",
        "1",
      ],
      "--flagged-reviewed must be a whole number from 0 to --flagged (50); got 60",
    ],
    [
      ["--elusion", "--unflagged", "1000", "--max-elusion", "150%"],
      "--max-elusion must be strictly between 0 and 1; got 1.5",
    ],
  ])("%j is refused with exit code 2: %s", async (args, message) => {
    const r = await run("plan", ...args);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});
