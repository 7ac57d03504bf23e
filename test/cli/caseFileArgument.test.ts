import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { messages } from "../../src/validation/messages.js";
import { run } from "../helpers/runCli.js";

const here = import.meta.dirname;
const fixture = join(here, "..", "fixtures", "cases", "screened-2023.csv");
const bytes = readFileSync(fixture);
// The file's SHA-256 from node:crypto over the whole file at once, not the CLI's hash of the stream.
const sha256 = createHash("sha256").update(bytes).digest("hex");
const withoutCommand = (text: string) => text.replace(/^# command:.*\n/m, "");

describe("--case-file in appraise and select", () => {
  it("appraise --case-file FILE reads the case file; --cases FILE still does, with a note", async () => {
    const given = await run("appraise", "--case-file", fixture, "--format", "json");
    expect({ code: given.code, stderr: given.stderr }).toEqual({ code: 0, stderr: "" });
    const old = await run("appraise", "--cases", fixture, "--format", "json");
    expect(old.code).toBe(0);
    expect(old.stdout).toBe(given.stdout);
    expect(old.stderr).toBe(`adequacy: note: ${messages.casesFileFlag()}\n`);
    expect(JSON.parse(given.stdout).strata.map((s: { population: number }) => s.population)).toEqual([18]);
  });

  it("select --case-file FILE draws what --cases FILE drew, with a note for the old spelling", async () => {
    const args = ["--size", "5", "--seed", "7", "--stratify", "quarter"];
    const given = await run("select", "--case-file", fixture, ...args);
    expect({ code: given.code, stderr: given.stderr }).toEqual({ code: 0, stderr: "" });
    expect(given.stdout).toContain(`# frame: ${fixture}: 120 cases (0 rows rejected), sha256 ${sha256}\n`);
    const old = await run("select", "--cases", fixture, ...args);
    expect(old.stderr).toBe(`adequacy: note: ${messages.casesFileFlag()}\n`);
    expect(withoutCommand(old.stdout)).toBe(withoutCommand(given.stdout));
  });

  it.each([
    [
      ["appraise", "--case-file", fixture, "--cases", fixture],
      `--case-file ${messages.exclusive("--cases")}`,
    ],
    [
      ["select", "--case-file", fixture, "--cases", fixture, "--size", "2"],
      `--case-file ${messages.exclusive("--cases")}`,
    ],
    [["appraise", "--cases", "120"], `--cases ${messages.casesCountHere("appraise", "120")}`],
    [["select", "--cases", "120", "--size", "2"], `--cases ${messages.casesCountHere("select", "120")}`],
    [
      ["select", "--case-file", fixture, "--frame", "100", "--size", "2"],
      `--case-file ${messages.exclusive("--frame")}`,
    ],
    [
      ["appraise", "--case-file", fixture, "--stratum", "10,2,0"],
      `--stratum ${messages.exclusive("--case-file")}`,
    ],
  ])("%j exits 2 naming the flag", async (args, message) => {
    const r = await run(...args);
    expect({ code: r.code, stderr: r.stderr }).toEqual({ code: 2, stderr: `adequacy: ${message}\n` });
  });

  it("names the flag the user wrote when the file cannot be read", async () => {
    const missing = join(here, "no-such-cases.csv");
    for (const flag of ["--case-file", "--cases"]) {
      const r = await run("select", flag, missing, "--size", "2", "--seed", "1");
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(`adequacy: ${flag} `);
      expect(r.stderr).toContain("no-such-cases.csv");
    }
  });
});

const bin = join(here, "../../bin/adequacy.cjs");
describe.runIf(existsSync(join(here, "../../dist/cli/main.cjs")))("--case-file - (built)", () => {
  const cli = (...args: string[]) =>
    spawnSync(process.execPath, [bin, ...args], { input: bytes, encoding: "utf8" });

  it("select reads standard input once: the same selection as from the file, its header naming standard input and the bytes' SHA-256", () => {
    const args = ["--size", "6", "--seed", "7", "--stratify", "quarter", "--spares", "1"];
    const piped = cli("select", "--case-file", "-", ...args);
    expect(piped.status, piped.stderr).toBe(0);
    expect(piped.stdout).toContain(
      `# frame: ${messages.standardInput()}: 120 cases (0 rows rejected), sha256 ${sha256}\n`,
    );
    const fromFile = cli("select", "--case-file", fixture, ...args);
    const rows = (text: string) => text.split("\n").filter((line) => !line.startsWith("#"));
    expect(rows(piped.stdout)).toEqual(rows(fromFile.stdout));
    expect(rows(piped.stdout)).toHaveLength(1 + 6 + 4 + 1);
  });

  it("appraise reads standard input", () => {
    const piped = cli("appraise", "--case-file", "-", "--format", "json");
    expect(piped.status, piped.stderr).toBe(0);
    const fromFile = cli("appraise", "--case-file", fixture, "--format", "json");
    expect(piped.stdout).toBe(fromFile.stdout);
  });
});
