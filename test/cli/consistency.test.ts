import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { messages } from "../../src/validation/messages.js";
import { run } from "../helpers/runCli.js";

const dir = mkdtempSync(join(tmpdir(), "adequacy-consistency-"));
const cases = join(dir, "cases.csv");
writeFileSync(
  cases,
  [
    "id,date,flagged,reviewed,impact",
    ...Array.from({ length: 120 }, (_, i) => {
      const month = String(1 + (i % 12)).padStart(2, "0");
      return `C${i},2023-${month}-15,1,${i % 24 === 11 ? 1 : 0},0`;
    }),
  ].join("\n"),
);

describe("the default sidedness is said in both outputs", () => {
  it("bound without --sided says two-sided is its default and how to ask for one-sided", async () => {
    const r = await run("bound", "-N", "609", "-n", "109", "-k", "1");
    expect(r.stdout).toContain(messages.sidedDefault("bound"));
    const given = await run("bound", "-N", "609", "-n", "109", "-k", "1", "--sided", "two");
    expect(given.stdout).not.toContain(messages.sidedDefault("bound"));
  });

  it("assess without --sided says one-sided is its default", async () => {
    const r = await run("assess", "--example", "hmcts-sscs");
    expect(r.stdout).toContain(messages.sidedDefault("assess"));
    const given = await run("assess", "--example", "hmcts-sscs", "--sided", "upper");
    expect(given.stdout).not.toContain(messages.sidedDefault("assess"));
  });

  it("appraise without --sided says two-sided is its default", async () => {
    const r = await run("appraise", "--stratum", "1000,100,2");
    expect(r.stdout).toContain(messages.sidedDefault("appraise"));
  });
});

describe("chart timeline --cases", () => {
  it("derives the span from the case file, as assess does", async () => {
    const r = await run("chart", "timeline", "--case-file", cases, "--format", "vl.json");
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).$schema).toContain("vega-lite");
  });
});

describe("grammar", () => {
  it("says 1 case, not 1 cases, and no affected case rather than at most 0", async () => {
    // P(X = 0 | N = 20, K = 1, n = 18) = 0.1 > 0.05; with K = 2 it is 2/380: the upper bound is 1.
    const bound = await run("bound", "-N", "20", "-n", "18", "-k", "0", "--sided", "upper");
    expect(bound.stdout).toMatch(/Upper bound\s+1 case \(5%\)\n/);
    expect(bound.stdout).toMatch(/Not found, at most\s+1 case\n/);
    const plan = await run("plan", "--tolerable", "5%");
    expect(plan.stdout).toContain("A random sample of 59 cases with no affected case found supports");
    expect(plan.stdout).not.toContain("at most 0");
    const allowing = await run("plan", "--tolerable", "5%", "--expected-rate", "1%");
    expect(allowing.stdout).toContain("with at most 1 affected case found");
  });
});
