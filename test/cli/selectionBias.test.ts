import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { countInterval } from "../../src/intervals/countInterval.js";
import { methodName } from "../../src/methods/methodRegistry.js";
import { messages } from "../../src/validation/messages.js";
import { run } from "../helpers/runCli.js";

describe("adequacy bound --bias", () => {
  it("--format json prints the library's biased record (45 under Wallenius' model, 43 under Fisher's)", async () => {
    const base = ["bound", "-N", "609", "-n", "109", "-k", "1", "--sided", "upper", "--bias", "2"];
    const wallenius = await run(...base, "--format", "json");
    expect(wallenius.code).toBe(0);
    expect(JSON.parse(wallenius.stdout)).toEqual(
      countInterval({ population: 609, sample: 109, found: 1, sided: "upper", bias: 2 }),
    );
    expect(JSON.parse(wallenius.stdout).upper).toBe(45);
    const fisher = await run(...base, "--bias-model", "fisher", "--format", "json");
    expect(JSON.parse(fisher.stdout)).toMatchObject({ method: "fisher", bias: 2, upper: 43 });
  });

  it("table output names the model and carries the selection assumption in its sentence", async () => {
    const r = await run("bound", "-N", "609", "-n", "109", "-k", "1", "--sided", "upper", "--bias", "2");
    expect(r.stdout).toContain(`${methodName("wallenius")}, one-sided (upper), 95% confidence`);
    expect(r.stdout).toMatch(/Upper bound\s+45 cases/);
    expect(r.stdout).toMatch(/Selection bias \(ω\)\s+2/);
    expect(r.stdout).toContain("picked one after another, an affected case 2 times less likely");
  });

  it("a selection leaning towards affected cases (ω < 1) is worded with the record's 1/ω", async () => {
    const base = ["bound", "-N", "609", "-n", "109", "-k", "1", "--sided", "upper", "--bias", "0.25"];
    const record = JSON.parse((await run(...base, "--format", "json")).stdout);
    expect(record).toMatchObject({ bias: 0.25, affectedPickOdds: 4 });
    const r = await run(...base);
    expect(r.stdout).toContain("picked one after another, an affected case 4 times more likely");
    expect(r.stdout).toContain("(Wallenius' model, ω = 0.25)");
  });

  it.each([
    [["--bias", "0"], `--bias ${messages.biasRange(0)}`],
    [["--bias", "abc"], "--bias must be a number"],
    [["--bias-model", "fisher"], "--bias-model applies only with --bias"],
  ])("%j exits 2 naming the flag", async (extra, message) => {
    const r = await run("bound", "-N", "609", "-n", "109", "-k", "1", ...extra);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
    expect(r.stdout).toBe("");
  });

  it("refuses --bias for a rate interval (no population)", async () => {
    const r = await run("bound", "-n", "109", "-k", "1", "--bias", "2");
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("--bias applies only to count bounds (give --population)");
  });
});

describe("adequacy assess --selection-bias", () => {
  it("puts selectionBias.rows[] {bias, affected, undetected} and selectionBias.tippingBias in the JSON", async () => {
    const r = await run(
      "assess",
      "--example",
      "hmcts-sscs",
      "--selection-bias",
      "1,1.5,2,3",
      "--format",
      "json",
    );
    expect(r.code).toBe(0);
    const { selectionBias } = JSON.parse(r.stdout);
    expect(
      selectionBias.rows.map((row: { bias: number; affected: number }) => [row.bias, row.affected]),
    ).toEqual([
      [1, 24],
      [1.5, 35],
      [2, 45],
      [3, 65],
    ]);
    expect(selectionBias.rows[2].undetected).toBe(44);
    expect(selectionBias.tippingBias).toEqual({ window: 2.05, span: 2.09 });
  });

  it("--bias-model fisher switches the model", async () => {
    const r = await run(
      "assess",
      "--example",
      "hmcts-sscs",
      "--selection-bias",
      "2",
      "--bias-model",
      "fisher",
      "--format",
      "json",
    );
    const { selectionBias } = JSON.parse(r.stdout);
    expect(selectionBias.model).toBe("fisher");
    expect(selectionBias.rows[0].affected).toBe(43);
  });

  it("exits 2 on a bias out of range, naming the flag", async () => {
    const r = await run("assess", "--example", "hmcts-sscs", "--selection-bias", "1,5000");
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`--selection-bias ${messages.biasRange(5000)}`);
  });
});

describe("adequacy chart selection-bias", () => {
  it("writes the chart of the bound against ω", async () => {
    const out = join(mkdtempSync(join(tmpdir(), "adequacy-bias-")), "bias.vl.json");
    const r = await run(
      "chart",
      "selection-bias",
      "--example",
      "hmcts-sscs",
      "--selection-bias",
      "1,2,3",
      "--out",
      out,
    );
    expect(r.code).toBe(0);
    const spec = JSON.parse(readFileSync(out, "utf8"));
    expect(spec.data.values.map((v: { undetected: number }) => v.undetected)).toEqual([23, 44, 64]);
  });

  it("exits 2 naming --selection-bias when no grid was asked for", async () => {
    const r = await run("chart", "selection-bias", "--example", "hmcts-sscs", "--out", "x.svg");
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("--selection-bias is needed to draw selection-bias");
  });
});
