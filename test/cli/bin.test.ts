import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { VERSION } from "../../src/version.js";
import { run } from "../helpers/runCli.js";

const root = join(import.meta.dirname, "..", "..");
const bin = join(root, "bin", "adequacy.cjs");
const built = existsSync(join(root, "dist", "cli", "main.cjs"));

// The built CLI as a user runs it: `npm test` builds first (pretest), so this runs in CI and locally.
describe.runIf(built)("bin/adequacy.cjs (built)", () => {
  const exec = (...args: string[]) => spawnSync(process.execPath, [bin, ...args], { encoding: "utf8" });

  it("exits 0 with the result on stdout", () => {
    const r = exec("bound", "-N", "609", "-n", "109", "-k", "1", "--sided", "upper", "--format", "json");
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).upper).toBe(24);
  });

  it("ends quietly with exit 0 when the reader closes the pipe early (select … | head)", () => {
    // Megabytes of selection into a reader that takes 100 bytes: the rest is written to a closed pipe.
    const r = spawnSync(
      "bash",
      [
        "-c",
        `"$0" "$1" select --frame 1000000 --size 300000 --seed 1 | head -c 100 >/dev/null; echo "\${PIPESTATUS[0]}"`,
        process.execPath,
        bin,
      ],
      // bash itself warns on stderr when the locale a run sets (CI's de_DE pass) is not installed; the test
      // is of the pipe, so bash runs in the C locale and only the CLI's own stderr is compared.
      { encoding: "utf8", env: { ...process.env, LC_ALL: "C", LANG: "C" } },
    );
    expect({ status: r.stdout.trim(), stderr: r.stderr }).toEqual({ status: "0", stderr: "" });
  });

  it("exits 2 on bad input with one line on stderr and no stack trace", () => {
    const r = exec("bound", "-N", "609", "-n", "109", "-k", "abc");
    expect(r.status).toBe(2);
    expect(r.stderr.trim()).toBe('adequacy: --found must be a number; got "abc"');
  });

  it("prints a built-in scenario as YAML (a dynamic import of a CommonJS package, through the bundle)", () => {
    const r = exec("example", "hmcts-sscs");
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("name: hmcts-sscs");
  });

  it("lays out help exactly as the unbundled CLI does (the bundle defers string-width's set-up)", async () => {
    for (const command of ["assess", "bound", "select"]) {
      const bundled = exec(command, "--help");
      const direct = await run(command, "--help");
      expect(bundled.status).toBe(0);
      expect(bundled.stdout).toBe(direct.stdout);
    }
  });

  it("exits 2 on an input error raised inside a command's own bundle (told by its name; each bundle has its own class)", () => {
    const dir = mkdtempSync(join(tmpdir(), "adequacy-bin-"));
    const scenario = join(dir, "scenario.yaml");
    const yaml = exec("example", "hmcts-sscs").stdout.replace(/found: 1\n/, "found: 500\n");
    writeFileSync(scenario, yaml);
    const r = exec("assess", "--scenario", scenario);
    rmSync(dir, { recursive: true, force: true });
    expect(r.status).toBe(2);
    expect(r.stderr.trim()).toBe(
      `adequacy: ${scenario}: windows[0].found must be a whole number from 0 to windows[0].reviewed (109); got 500`,
    );
  });

  it("renders a chart through the one bundle that is an ES module (vega is ESM-only)", () => {
    const dir = mkdtempSync(join(tmpdir(), "adequacy-bin-"));
    const out = join(dir, "timeline.svg");
    const r = exec("chart", "timeline", "--example", "hmcts-sscs", "--out", out);
    const svg = existsSync(out) ? readFileSync(out, "utf8") : "";
    rmSync(dir, { recursive: true, force: true });
    expect(r.status).toBe(0);
    expect(svg).toMatch(/^<svg[^>]*>/);
    expect(svg).toContain("hmcts-sscs");
  });

  it("prints the package version", () => {
    expect(exec("--version").stdout.trim()).toBe(VERSION);
  });
});
