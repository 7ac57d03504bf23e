import { describe, expect, it } from "vitest";
import { flagWithoutValue, refuseRepeated } from "../../src/cli/parseFailures.js";
import { InputError } from "../../src/validation/InputError.js";
import { messages } from "../../src/validation/messages.js";
import { run } from "../helpers/runCli.js";

const takesValue = (name: string) => ["sample", "n", "found", "k", "out"].includes(name);

describe("flagWithoutValue(args, takesValue)", () => {
  it("finds a value flag at the end of the line or followed by a flag, as typed", () => {
    expect(flagWithoutValue(["bound", "-n", "109", "-k"], takesValue)).toEqual({
      flag: "-k",
      next: undefined,
    });
    expect(flagWithoutValue(["bound", "--found", "--sample", "5"], takesValue)).toEqual({
      flag: "--found",
      next: "--sample",
    });
    expect(flagWithoutValue(["bound", "-n", "-Infinity"], takesValue)).toEqual({
      flag: "-n",
      next: "-Infinity",
    });
  });

  it("takes negative numbers, --flag=value and booleans as they are", () => {
    for (const args of [
      ["bound", "-n", "109", "-k", "-1"],
      ["bound", "-k", "-.5", "-n", "3"],
      ["bound", "--sample=-Infinity", "--log"],
      ["bound", "-n=-5", "-k", "1"],
      ["bound", "--", "-k"],
    ]) {
      expect({ args, missing: flagWithoutValue(args, takesValue) }).toEqual({ args, missing: undefined });
    }
  });

  it("finds a letter inside a group that cannot take its value there", () => {
    expect(flagWithoutValue(["bound", "-nk", "3"], takesValue)).toEqual({ flag: "-n", next: "-k" });
  });
});

describe("refuseRepeated(argv, args, repeatable, aliases)", () => {
  const aliases = (key: string) => (key === "found" ? ["k"] : []);

  it("refuses a single-valued flag given twice, named as typed", () => {
    const argv = { _: ["bound"], found: ["1", "2"], k: ["1", "2"], format: "json" };
    expect(() => refuseRepeated(argv, ["bound", "-k", "1", "-k", "2"], [], aliases)).toThrow(
      new InputError("-k", messages.givenTwice()),
    );
    expect(() => refuseRepeated(argv, ["bound", "--found", "1", "-k", "2"], [], aliases)).toThrow(
      new InputError("--found", messages.givenTwice()),
    );
  });

  it("lets a repeatable flag repeat, and a single one pass once", () => {
    const argv = {
      _: ["assess"],
      window: ["2024-01", "2024-02"],
      "window-cases": ["5", "6"],
      windowCases: ["5", "6"],
    };
    expect(() => refuseRepeated(argv, [], ["window", "window-cases"], aliases)).not.toThrow();
    expect(() => refuseRepeated({ _: [], format: "json" }, [], [], aliases)).not.toThrow();
  });
});

describe("the command line: one rule for flags without a value and flags given twice", () => {
  // One value flag of each command.
  const lines: [string, string][] = [
    ["assess", "--example"],
    ["bound", "--confidence"],
    ["chart", "--out"],
    ["report", "--out"],
    ["plan", "--tolerable"],
    ["detect", "--confidence"],
    ["appraise", "--stratum"],
    ["select", "--cases"],
  ];

  it.each(lines)("adequacy %s %s (no value): exit 2, naming the flag", async (command, flag) => {
    const args = command === "chart" ? [command, "timeline", flag] : [command, flag];
    const { code, stdout, stderr } = await run(...args);
    expect({ code, stdout }).toEqual({ code: 2, stdout: "" });
    expect(stderr.split("\n")[0]).toBe(`adequacy: ${flag} ${messages.needsValue(flag, undefined)}`);
  });

  it("a --stratum or --window may repeat; --format may not", async () => {
    const twice = await run("appraise", "--stratum", "100,10,1", "--stratum", "100,10,2", "--format", "json");
    expect(twice.code).toBe(0);
    const format = await run("appraise", "--stratum", "100,10,1", "--format", "json", "--format", "table");
    expect({ code: format.code, stderr: format.stderr }).toEqual({
      code: 2,
      stderr: `adequacy: --format ${messages.givenTwice()}\n`,
    });
  });
});

describe("the command line: an empty path is refused, naming its flag", () => {
  const lines: string[][] = [
    ["chart", "timeline", "--example", "hmcts-sscs", "--out"],
    ["chart", "all", "--example", "hmcts-sscs", "--out-dir"],
    ["report", "--example", "hmcts-sscs", "--out"],
    ["report", "--example", "hmcts-sscs", "--bundle"],
    ["assess", "--example", "hmcts-sscs", "--bundle"],
    ["assess", "--span", "2023-01-01/2023-12-31", "--case-file"],
    ["assess", "--scenario"],
    ["assess", "--span", "2023-01-01/2023-12-31", "--volume"],
    ["appraise", "--cases"],
    ["select", "--size", "3", "--cases"],
    ["select", "--frame", "100", "--size", "3", "--seed", "1", "--out"],
    ["select", "--frame", "100", "--size", "3", "--seed", "1", "--bundle"],
    ["verify", "bundle", "--input"],
  ];

  it.each(lines)("adequacy %s … %s '': exit 2, naming the flag", async (...args) => {
    const flag = args.at(-1) as string;
    for (const line of [
      [...args, ""],
      [...args.slice(0, -1), `${flag}=`],
    ]) {
      const { code, stdout, stderr } = await run(...line);
      expect({ line, code, stdout, stderr }).toEqual({
        line,
        code: 2,
        stdout: "",
        stderr: `adequacy: ${flag} ${messages.emptyPath()}\n`,
      });
    }
  });

  it("an empty --cases of assess is refused as a number, not read as a file", async () => {
    const { code, stderr } = await run("assess", "--span", "2023-01-01/2023-12-31", "--cases", "");
    expect({ code, stderr }).toEqual({ code: 2, stderr: `adequacy: --cases ${messages.notANumber("")}\n` });
  });
});
