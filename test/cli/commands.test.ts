import { describe, expect, it } from "vitest";
import { countInterval } from "../../src/intervals/countInterval.js";
import { proportionInterval } from "../../src/intervals/proportionInterval.js";
import { detectionProbability } from "../../src/planning/detectionProbability.js";
import { detectionSampleSize } from "../../src/planning/detectionSampleSize.js";
import { precisionSampleSize } from "../../src/planning/precisionSampleSize.js";
import { sampleSize } from "../../src/planning/sampleSize.js";
import { run } from "../helpers/runCli.js";

describe("adequacy bound", () => {
  it("--format json prints exactly the library's record", async () => {
    const r = await run("bound", "-N", "609", "-n", "109", "-k", "1", "--sided", "upper", "--format", "json");
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual(
      countInterval({ population: 609, sample: 109, found: 1, sided: "upper" }),
    );
  });

  it("table output names method, sidedness and confidence, and gives the bound", async () => {
    const r = await run(
      "bound",
      "--population",
      "609",
      "--sample",
      "109",
      "--found",
      "1",
      "--sided",
      "upper",
    );
    expect(r.stdout).toContain("exact hypergeometric (Buonaccorsi 1987), one-sided (upper), 95% confidence");
    expect(r.stdout).toMatch(/Upper bound\s+24 cases/);
    expect(r.stdout).toMatch(/Not found, at most\s+23 cases/);
  });

  it("accepts a percentage for --confidence and a rate method without population", async () => {
    const r = await run(
      "bound",
      "-n",
      "109",
      "-k",
      "1",
      "--method",
      "wilson",
      "--confidence",
      "90%",
      "--format",
      "json",
    );
    expect(JSON.parse(r.stdout)).toEqual(
      proportionInterval({ found: 1, sample: 109, method: "wilson", confidence: 0.9 }),
    );
  });

  it("passes a Beta prior to --method bayes", async () => {
    const r = await run(
      "bound",
      "-n",
      "20",
      "-k",
      "0",
      "--method",
      "bayes",
      "--prior-alpha",
      "0.5",
      "--format",
      "json",
    );
    expect(JSON.parse(r.stdout).prior).toEqual({ alpha: 0.5, beta: 1 });
  });

  it("shows the Wald warning in the table", async () => {
    const r = await run("bound", "-n", "109", "-k", "0", "--method", "wald");
    expect(r.stdout).toContain("Wald interval degenerates at 0 of 109");
  });

  it("markdown output is a table", async () => {
    const r = await run("bound", "-N", "609", "-n", "109", "-k", "1", "--format", "markdown");
    expect(r.stdout).toContain("| Upper bound | 28 cases (4.598%) |");
  });
});

describe("adequacy plan", () => {
  it.each([
    [["--tolerable", "5%"], { model: "binomial", tolerable: 0.05 }],
    [
      ["--tolerable", "0.05", "--expected-rate", "1%"],
      { model: "binomial", tolerable: 0.05, expectedRate: 0.01 },
    ],
    [["--tolerable", "0.05", "--model", "poisson"], { model: "poisson", tolerable: 0.05 }],
    [["--tolerable", "0.05", "-N", "1000"], { model: "hypergeometric", tolerable: 0.05, population: 1000 }],
  ] as const)("%j prints the library's plan", async (args, options) => {
    const r = await run("plan", ...args, "--format", "json");
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual(sampleSize(options as never));
  });

  it("shows an achieved bound below the tolerable rate without rounding it up to it", async () => {
    const r = await run("plan", "--tolerable", "5%", "--expected-rate", "1%");
    // Clopper–Pearson upper for 1 of 93 at 95% is 4.9994% (scipy beta.ppf(0.95, 2, 92)).
    expect(r.stdout).toMatch(/Upper bound at that result\s+4\.999%/);
    // The risk as a percentage, not a bare decimal: scipy binom.cdf(1, 93, 0.05) = 0.0499758.
    expect(r.stdout).toMatch(/Risk of wrongly accepting\s+4\.998%\n/);
  });
});

describe("adequacy detect", () => {
  it("with --sample gives the detection probability", async () => {
    const r = await run("detect", "-N", "609", "--affected", "5", "-n", "109", "--format", "json");
    expect(JSON.parse(r.stdout)).toEqual(detectionProbability({ population: 609, affected: 5, sample: 109 }));
  });
  it("without --sample gives the sample size", async () => {
    const r = await run("detect", "--prevalence", "1%", "--confidence", "0.95", "--format", "json");
    expect(JSON.parse(r.stdout)).toEqual(detectionSampleSize({ prevalence: 0.01, confidence: 0.95 }));
  });
});

describe("help", () => {
  it.each(["bound", "plan", "detect"])("adequacy %s --help shows a worked example", async (command) => {
    const r = await run(command, "--help");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Examples:");
    expect(r.stdout).toContain(`adequacy ${command} `);
  });
  it("adequacy --help lists the commands", async () => {
    const r = await run("--help");
    expect(r.stdout).toMatch(/bound[\s\S]*plan[\s\S]*detect/);
  });
});

describe("adequacy plan --precision", () => {
  it("prints the library's sizes at the four RAT-STATS levels, and the published 666 at 95%", async () => {
    const r = await run(
      "plan",
      "--precision",
      "6%",
      "--anticipated",
      "20%",
      "-N",
      "10000",
      "--format",
      "json",
    );
    expect(r.code).toBe(0);
    const plans = JSON.parse(r.stdout);
    expect(plans).toEqual(
      [0.8, 0.9, 0.95, 0.99].map((confidence) =>
        precisionSampleSize({ population: 10000, precision: 0.06, anticipated: 0.2, confidence }),
      ),
    );
    // RAT-STATS Companion Manual (2010), Example 5, p. 4-25.
    expect(plans.map((p: { sampleSize: number }) => p.sampleSize)).toEqual([314, 488, 666, 1079]);
  });

  it.each([
    [["--precision", "6%", "-N", "10000"], "--anticipated is required"],
    [["--precision", "6%", "--anticipated", "20%"], "--population is required"],
    [["--precision", "6%", "--anticipated", "1.5", "-N", "10000"], "--anticipated must be"],
    [["--precision", "6%", "--anticipated", "20%", "-N", "10000", "--tolerable", "5%"], "--tolerable cannot"],
    [
      ["--precision", "0.00001", "--anticipated", "50%", "-N", "1000000000"],
      "--precision asks for more than",
    ],
  ])("%j is refused with exit 2, naming the flag", async (args, text) => {
    const r = await run("plan", ...args);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(text);
    expect(r.stdout).toBe("");
  });
});
