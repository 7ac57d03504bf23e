import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { drawnAtRandom } from "../../src/text/drawnAtRandom.js";
import { run } from "../helpers/runCli.js";
import { sscsWindowFlags } from "../helpers/sscs.js";

const fixture = join(import.meta.dirname, "..", "fixtures", "cases", "screened-2023.csv");

interface Source {
  field: string;
  status: string;
}

async function sourcesOf(...args: string[]): Promise<{ sources: Source[]; statement: string }> {
  const r = await run("assess", ...args, "--format", "json");
  expect(r.code, r.stderr).toBe(0);
  const a = JSON.parse(r.stdout);
  return {
    sources: a.scenario.sources,
    statement: a.statements.find((s: { id: string }) => s.id === "window")?.text ?? "",
  };
}

describe("a selection the user did not give is a default, from window flags and from a case file", () => {
  it.each([
    ["window flags", sscsWindowFlags, 109],
    ["a case file", ["--case-file", fixture], 9],
  ])("%s: recorded as a default and said to be not given; given, it is given", async (_, args, reviewed) => {
    const omitted = await sourcesOf(...args);
    expect(omitted.sources.find((s) => s.field === "windows[0].selection")?.status).toBe("default");
    const defaulted = {
      windows: [{ selection: "random" }],
      sources: [{ field: "windows[0].selection", status: "default" }],
    };
    expect(omitted.statement).toContain(drawnAtRandom(reviewed, defaulted));
    expect(omitted.statement).not.toContain("as stated");
    const given = await sourcesOf(...args, "--selection", "random");
    expect(given.sources.find((s) => s.field === "windows[0].selection")).toBeUndefined();
    expect(given.statement).toContain("as stated");
  });

  it("the report's Inputs table says default, not given", async () => {
    const out = join(mkdtempSync(join(tmpdir(), "adequacy-selection-")), "report.md");
    const r = await run("report", ...sscsWindowFlags, "--format", "markdown", "--out", out);
    expect(r.code, r.stderr).toBe(0);
    expect(readFileSync(out, "utf8")).toMatch(
      /\| window 1: selection \| random \| default \| not given; taken as random/,
    );
  });
});
