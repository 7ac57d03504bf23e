import { describe, expect, it } from "vitest";
import { published } from "../helpers/fixtures.js";
import { run } from "../helpers/runCli.js";

interface Manual {
  primaryUnits: number;
  clusters: { label: string; universe: number; sample: number; found: number }[];
  unbiased: {
    universe: number;
    limits: { confidence: number; lowerPercent: number; upperPercent: number }[];
  };
}
const manual = published<Manual>("rat-stats-two-stage.json");
const units = manual.clusters.flatMap((c) => ["--unit", `${c.label}:${c.universe},${c.sample},${c.found}`]);

describe("adequacy appraise --unit (two-stage)", () => {
  it("prints RAT-STATS' Example 4 (Companion Manual p. 2-15) at 95%", async () => {
    const r = await run(
      "appraise",
      "--primary-units",
      String(manual.primaryUnits),
      "--universe",
      String(manual.unbiased.universe),
      ...units,
    );
    expect(r.code, r.stderr).toBe(0);
    const at95 = manual.unbiased.limits.find((l) => l.confidence === 0.95);
    expect(r.stdout).toContain(`Normal limits, rate   ${at95?.lowerPercent}% to ${at95?.upperPercent}%`);
    expect(r.stdout).toContain(
      "it assumes the units were drawn at random and the cases within each unit at random",
    );
  });

  it("gives the record as JSON, with the ratio estimator when --universe is not given", async () => {
    const r = await run("appraise", "--primary-units", "90", ...units, "--format", "json");
    const record = JSON.parse(r.stdout);
    expect(record.method).toBe("two-stage-ratio");
    expect(record.total).toBeUndefined();
    expect(Number((record.rate * 100).toFixed(2))).toBe(33.78);
  });

  it.each([
    [["--primary-units", "90", "--unit", "50,10,4"], "--unit needs at least two sampled units"],
    [["--unit", "50,10,4", "--unit", "45,9,2"], "--primary-units is required"],
    [["--primary-units", "90", "--unit", "50,10", "--unit", "45,9,2"], "--unit (1) must be M,m,found"],
    [["--primary-units", "90", "--unit", "50,10,11", "--unit", "45,9,2"], "--unit (1) found must be"],
    [["--universe", "500", "--stratum", "10,2,1"], "--universe applies only with --unit"],
    [
      ["--primary-units", "90", "--unit", "50,10,4", "--stratum", "10,2,1"],
      "--stratum cannot be given together with --unit",
    ],
  ])("refuses %j naming the flag (exit 2)", async (args, message) => {
    const r = await run("appraise", ...args);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
  });
});
