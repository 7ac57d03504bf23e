import { copyFileSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { run } from "../helpers/runCli.js";

const fixture = join(dirname(fileURLToPath(import.meta.url)), "..", "fixtures", "cases", "screened-2023.csv");
const dir = mkdtempSync(join(tmpdir(), "adequacy-scenario-input-"));

describe("scenarioInput: assess, chart and report build one scenario from the same flags", () => {
  it("a case file gives the same scenario in assess and report", async () => {
    const args = ["--case-file", fixture, "--window", "2023-09-01/2023-12-31", "--drift", "1,2"];
    const assessed = JSON.parse((await run("assess", ...args, "--format", "json")).stdout);
    const report = await run("report", ...args, "--format", "json");
    expect(report.stderr).toBe("");
    expect(report.stdout).toContain("2023-09-01/2023-12-31");
    expect(report.stdout).toContain(JSON.stringify(assessed.statements[0].text));
  });

  it.each([["chart", "timeline", "--format", "svg"], ["report"]])(
    "%s refuses to write over the case file it read",
    async (...command) => {
      const copy = join(dir, `${command[0]}.csv`);
      copyFileSync(fixture, copy);
      const r = await run(...command, "--case-file", copy, "--out", copy);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(`would write over the input file "${copy}"`);
      expect(readFileSync(copy, "utf8")).toBe(readFileSync(fixture, "utf8"));
    },
  );
});
