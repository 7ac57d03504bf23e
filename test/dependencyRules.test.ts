import { execFileSync } from "node:child_process";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";

// .dependency-cruiser.cjs (run by `npm run lint`) checked on a planted tree: each file marked "Planted"
// in test/fixtures/layering/src breaks one rule, every other file imports only what the rules allow. So a
// rule that stops matching (a renamed folder, a changed pattern, a new dependency-cruiser) fails here
// instead of passing in silence.
const root = resolve(import.meta.dirname, "..");
const planted = "test/fixtures/layering/src";

interface Violation {
  readonly from: string;
  readonly to: string;
  readonly rule: { readonly name: string };
}

function cruise(): Violation[] {
  const bin = resolve(root, "node_modules/dependency-cruiser/bin/dependency-cruise.mjs");
  const args = [bin, planted, "--config", ".dependency-cruiser.cjs", "--output-type", "json"];
  let stdout: string;
  try {
    stdout = execFileSync(process.execPath, args, {
      cwd: root,
      env: { ...process.env, LAYERING_ROOT: planted },
      encoding: "utf8",
    });
  } catch (error) {
    // dependency-cruiser exits non-zero when it finds errors; the report is still on stdout.
    stdout = (error as { stdout: string }).stdout;
  }
  return (JSON.parse(stdout) as { summary: { violations: Violation[] } }).summary.violations;
}

describe("the dependency rules (.dependency-cruiser.cjs)", () => {
  it("refuse each planted import, and only those", () => {
    const found = cruise()
      .map((v) => `${v.rule.name}: ${v.from.replace(`${planted}/`, "")} → ${v.to.replace(`${planted}/`, "")}`)
      .sort();
    expect(found).toEqual([
      "io-only-in-cli: charts/readsFile.ts → fs",
      "io-only-in-cli: report/usesProcess.ts → process",
      "io-only-in-cli: report/usesYargs.ts → node_modules/yargs/index.mjs",
      "no-circular: planning/a.ts → planning/b.ts",
      "not-in-allowed: charts/usesReport.ts → report/names.ts",
      "not-in-allowed: intervals/upward.ts → investigation/model.ts",
      "not-in-allowed: text/format.ts → intervals/interval.ts",
      "renderers-only-format: report/computes.ts → intervals/interval.ts",
    ]);
  });
});
