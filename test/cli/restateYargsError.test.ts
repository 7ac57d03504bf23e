import { describe, expect, it } from "vitest";
import { restateYargsError } from "../../src/cli/restateYargsError.js";

// The input texts are yargs' own, as its validation.js builds them.
describe("restateYargsError(message, { args, command })", () => {
  it("names a flag outside its choices as typed, with the choices and the value given", () => {
    const yargs = 'Invalid values:\n  Argument: method, Given: "exact", Choices: "wilson", "wald"';
    const expected = '--method must be one of wilson, wald; got "exact"';
    expect(restateYargsError(yargs, { args: ["bound", "--method", "exact"], command: "bound" })).toBe(
      expected,
    );
    expect(restateYargsError(yargs, { args: ["bound", "--method=exact"], command: "bound" })).toBe(expected);
  });

  it("names a positional argument by its name, and a dashed option as its flag", () => {
    const positional = 'Invalid values:\n  Argument: kind, Given: "pie", Choices: "timeline", "all"';
    expect(restateYargsError(positional, { args: ["chart", "pie"], command: "chart" })).toBe(
      'kind must be one of timeline, all; got "pie"',
    );
    const dashed = 'Invalid values:\n  Argument: expected-rate, Given: "x", Choices: "a"';
    expect(restateYargsError(dashed, { args: ["plan", "--expected-rate", "x"] })).toBe(
      '--expected-rate must be one of a; got "x"',
    );
  });

  it("restates every invalid option, and every value given twice", () => {
    const two =
      'Invalid values:\n  Argument: method, Given: "exact", Choices: "wilson"\n  Argument: sided, Given: "lower", "left", Choices: "upper", "two"';
    expect(
      restateYargsError(two, { args: ["--method", "exact", "--sided", "lower", "--sided", "left"] }),
    ).toBe(
      '--method must be one of wilson; got "exact"; --sided must be one of upper, two; got "lower, left"',
    );
  });

  it("names unknown options as flags, extra arguments as arguments and unknown commands as commands", () => {
    const line = { args: ["bound", "-n", "5", "-x", "--foo", "3", "extra"], command: "bound" };
    expect(restateYargsError("Unknown arguments: x, foo, extra", line)).toBe(
      '-x is not an option of adequacy bound; --foo is not an option of adequacy bound; "extra" is not an argument of adequacy bound',
    );
    expect(restateYargsError("Unknown argument: frobnicate", { args: ["frobnicate"] })).toBe(
      '"frobnicate" is not a command',
    );
    expect(restateYargsError("Did you mean bound?", { args: ["boud", "-n", "5"] })).toBe(
      '"boud" is not a command; did you mean bound?',
    );
  });

  it("returns any other message unchanged", () => {
    for (const message of [
      "Not enough non-option arguments: got 0, need at least 1",
      "Invalid values:",
      "Invalid values:\n  something else entirely",
      'Invalid values:\n  Argument: method, Given: not json, Choices: "wilson"',
    ]) {
      expect(restateYargsError(message, { args: [] })).toBe(message);
    }
  });
});
