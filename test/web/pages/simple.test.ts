import { describe, expect, it } from "vitest";
import { messages } from "../../../src/validation/messages.js";
import { bound, detect, plan } from "../../../src/web/pages/simple.js";
import { run } from "../../helpers/runCli.js";

/** The page's record for `state` and the CLI's --format json output for `args` (the same library call). */
async function sameAsCli(outcome: ReturnType<typeof bound>, ...args: string[]) {
  if (outcome.kind !== "result")
    throw new Error(`no result: ${JSON.stringify([...Object.entries(outcome)])}`);
  const cli = await run(...args, "--format", "json");
  expect(cli.code).toBe(0);
  expect(JSON.parse(JSON.stringify(outcome.result.record))).toEqual(JSON.parse(cli.stdout));
  return outcome.result;
}

describe("the bound, plan and detect pages", () => {
  it("bound(N 609, n 109, k 1, upper) is adequacy bound's record: at most 24, with the intervals chart", async () => {
    const r = await sameAsCli(
      bound({ population: "609", sample: "109", found: "1", sided: "upper" }),
      "bound",
      ..."-N 609 -n 109 -k 1 --sided upper".split(" "),
    );
    expect((r.record as { upper: number }).upper).toBe(24);
    expect(r.chart?.id).toBe("intervals");
  });

  it("bound without a sidedness takes two-sided and says so, as the command does", async () => {
    const r = await sameAsCli(
      bound({ sample: "109", found: "1", method: "wilson" }),
      "bound",
      ..."-n 109 -k 1 --method wilson".split(" "),
    );
    expect(r.briefing.notes).toContain(messages.sidedDefault("bound"));
  });

  it("plan(5%) is adequacy plan's record: 59 cases (AICPA Table A-1), with the sample-size chart", async () => {
    const r = await sameAsCli(plan({ tolerable: "5%" }), "plan", "--tolerable", "5%");
    expect((r.record as { sampleSize: number }).sampleSize).toBe(59);
    expect(r.chart?.id).toBe("sample-size");
  });

  it("detect(N 609, D 5, n 109) and detect(prevalence 1%) are adequacy detect's records", async () => {
    await sameAsCli(
      detect({ population: "609", affected: "5", sample: "109" }),
      "detect",
      ..."-N 609 --affected 5 -n 109".split(" "),
    );
    const r = await sameAsCli(detect({ prevalence: "1%" }), "detect", "--prevalence", "1%");
    expect((r.record as { sampleSize: number }).sampleSize).toBe(299);
  });

  it("puts each refusal beside the field it concerns, in the messages' words", () => {
    expect(bound({ population: "609", sample: "109", found: "1", method: "wilson" })).toEqual({
      kind: "errors",
      errors: new Map([["population", messages.onlyWith("the hypergeometric method")]]),
    });
    expect(bound({ sample: "109", found: "110" })).toMatchObject({ kind: "errors" });
    expect([
      ...(bound({ sample: "109", found: "110" }) as { errors: Map<string, string> }).errors.keys(),
    ]).toEqual(["found"]);
    expect(plan({ tolerable: "1.5" })).toEqual({
      kind: "errors",
      errors: new Map([["tolerable", messages.openUnit(1.5)]]),
    });
    expect(detect({ prevalence: "1%", sample: "100", confidence: "0.9" })).toEqual({
      kind: "errors",
      errors: new Map([["confidence", messages.onlyWith("no cases reviewed (n)")]]),
    });
  });

  it("is incomplete until the figures it needs are typed", () => {
    expect(bound({})).toEqual({ kind: "incomplete" });
    expect(plan({ confidence: "0.9" })).toEqual({ kind: "incomplete" });
    expect(detect({ population: "609" })).toEqual({ kind: "incomplete" });
  });
});
