import { describe, expect, it } from "vitest";
import { type CommandOptions, refuseUndefined, refuseUnknownCommand } from "../../src/cli/commandLine.js";

// The definitions are written here as yargs' getOptions() reports them for a command like `bound`.
const bound: CommandOptions = {
  key: { help: true, version: true, population: true, sample: true, method: true, sided: true, table: true },
  alias: { population: ["N"], sample: ["n"], help: ["h"] },
  boolean: ["help", "version", "table"],
  choices: { method: ["wilson", "wald"], sided: ["upper", "two"] },
};
const chart: CommandOptions = {
  key: { help: true, version: true, kind: true },
  alias: {},
  boolean: ["help", "version"],
  choices: { kind: ["timeline", "all"] },
};

function refused(run: () => void): string {
  try {
    run();
  } catch (error) {
    return (error as Error).message;
  }
  return "accepted";
}

describe("refuseUnknownCommand(args, commands)", () => {
  it("names an unknown command, with the nearest command within three edits", () => {
    expect(refused(() => refuseUnknownCommand(["boud", "-n", "5"], ["bound", "assess"]))).toBe(
      '"boud" is not a command; did you mean bound?',
    );
    expect(refused(() => refuseUnknownCommand(["frobnicate"], ["bound", "assess"]))).toBe(
      '"frobnicate" is not a command',
    );
  });

  it("accepts a command, a flag first (--help, --version) and an empty line", () => {
    for (const args of [["bound"], ["--help"], ["-h"], []]) {
      expect(refused(() => refuseUnknownCommand(args, ["bound"]))).toBe("accepted");
    }
  });
});

describe("refuseUndefined(args, argv, options, positionals)", () => {
  it("names unknown options as typed and extra arguments as arguments", () => {
    const args = ["bound", "-n", "5", "-x", "--foo", "3", "extra"];
    expect(refused(() => refuseUndefined(args, { _: ["bound", "extra"] }, bound, []))).toBe(
      '-x is not an option of adequacy bound; --foo is not an option of adequacy bound; "extra" is not an argument of adequacy bound',
    );
  });

  it("accepts defined options by name, alias, camelCase, --name=value, --no-boolean and letter groups", () => {
    const args = ["bound", "-N", "609", "--sample=5", "--no-table", "-hn", "5", "--", "--anything"];
    expect(refused(() => refuseUndefined(args, { _: ["bound"] }, bound, []))).toBe("accepted");
  });

  it("names a value outside an option's choices by the flag typed, and a positional by its name", () => {
    expect(
      refused(() =>
        refuseUndefined(["bound", "--method=exact"], { _: ["bound"], method: "exact" }, bound, []),
      ),
    ).toBe('--method must be one of wilson, wald; got "exact"');
    expect(
      refused(() =>
        refuseUndefined(
          ["bound", "--sided", "lower", "--sided", "left"],
          { _: ["bound"], sided: ["lower", "left"] },
          bound,
          [],
        ),
      ),
    ).toBe('--sided must be one of upper, two; got "lower, left"');
    expect(
      refused(() => refuseUndefined(["chart", "pie"], { _: ["chart"], kind: "pie" }, chart, ["kind"])),
    ).toBe('kind must be one of timeline, all; got "pie"');
  });
});
