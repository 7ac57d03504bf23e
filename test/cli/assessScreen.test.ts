import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { assessInvestigation } from "../../src/investigation/assessInvestigation.js";
import { examples } from "../../src/scenario/examples.js";
import { run } from "../helpers/runCli.js";
import { screenedSpan, screenedWindow } from "../helpers/screened.js";

describe("adequacy assess with an elusion sample", () => {
  it("--unflagged, --unflagged-reviewed and --unflagged-found per --window give the library's screen", async () => {
    const r = await run(
      "assess",
      "--span",
      "2019-01-01/2024-02-29",
      "--window",
      "2023-12/2024-02",
      "--window-cases",
      "10000",
      "--flagged",
      "609",
      "--reviewed",
      "109",
      "--found",
      "12",
      "--unflagged-reviewed",
      "400",
      "--unflagged-found",
      "0",
      "--format",
      "json",
    );
    expect(r.code).toBe(0);
    const expected = assessInvestigation({
      name: "command-line scenario",
      span: screenedSpan,
      windows: [{ ...screenedWindow, selection: "random" }],
    });
    expect(JSON.parse(r.stdout).screen).toEqual(JSON.parse(JSON.stringify(expected.screen)));
  });

  it("with --example, the flags describe a sample across the span, and the briefing has a screen section", async () => {
    const r = await run(
      "assess",
      "--example",
      "hmcts-sscs",
      "--unflagged",
      "190000",
      "--unflagged-reviewed",
      "400",
      "--unflagged-found",
      "0",
    );
    expect(r.code).toBe(0);
    const expected = assessInvestigation({
      ...examples["hmcts-sscs"],
      unflagged: 190_000,
      unflaggedReviewed: 400,
      unflaggedFound: 0,
    });
    expect(r.stdout).toContain("The screen: elusion and recall");
    expect(r.stdout).toContain(
      `at most ${expected.screen?.elusion.affected.upper.toLocaleString("en-US")} unflagged cases were affected`,
    );
  });

  it("names the flag of an inconsistent elusion sample, with exit code 2", async () => {
    const r = await run(
      "assess",
      "--example",
      "hmcts-sscs",
      "--unflagged",
      "1000",
      "--unflagged-reviewed",
      "2000",
      "--unflagged-found",
      "0",
    );
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      "--unflagged-reviewed must be a whole number from 1 to --unflagged (1000); got 2000",
    );
  });

  it("reads reviewed rows with flagged = no in a case file as the window's elusion sample", async () => {
    const file = join(mkdtempSync(join(tmpdir(), "adequacy-elusion-")), "cases.csv");
    const rows = ["id,date,flagged,reviewed,impact"];
    for (let i = 0; i < 60; i++)
      rows.push(
        `f${i},2024-01-${String((i % 28) + 1).padStart(2, "0")},1,${i < 30 ? 1 : 0},${i < 6 ? 1 : 0}`,
      );
    for (let i = 0; i < 400; i++)
      rows.push(`u${i},2024-01-${String((i % 28) + 1).padStart(2, "0")},0,${i < 100 ? 1 : 0},0`);
    writeFileSync(file, `${rows.join("\n")}\n`);
    const r = await run("assess", "--cases", file, "--span", "2023-01/2024-01", "--format", "json");
    expect(r.code).toBe(0);
    const screen = JSON.parse(r.stdout).screen;
    expect(screen.scope).toBe("windows");
    expect([screen.elusion.population, screen.elusion.sample, screen.elusion.found]).toEqual([400, 100, 0]);
    expect([
      screen.recall.flagged.population,
      screen.recall.flagged.sample,
      screen.recall.flagged.found,
    ]).toEqual([60, 30, 6]);
  });
});
