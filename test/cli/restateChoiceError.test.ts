import { describe, expect, it } from "vitest";
import { restateChoiceError } from "../../src/cli/restateChoiceError.js";

// The input texts are yargs' own, as validation.js builds them ("Invalid values:" and one line per option).
describe("restateChoiceError(message, args)", () => {
  it("names a flag as typed, with its choices and the value given", () => {
    const yargs = 'Invalid values:\n  Argument: method, Given: "exact", Choices: "wilson", "wald"';
    expect(restateChoiceError(yargs, ["--method", "exact"])).toBe(
      '--method must be one of wilson, wald; got "exact"',
    );
    expect(restateChoiceError(yargs, ["--method=exact"])).toBe(
      '--method must be one of wilson, wald; got "exact"',
    );
  });

  it("names a positional argument by its name, and a dashed option as its flag", () => {
    const positional = 'Invalid values:\n  Argument: kind, Given: "pie", Choices: "timeline", "all"';
    expect(restateChoiceError(positional, ["chart", "pie"])).toBe(
      'kind must be one of timeline, all; got "pie"',
    );
    const dashed = 'Invalid values:\n  Argument: expected-rate, Given: "x", Choices: "a"';
    expect(restateChoiceError(dashed, ["--expected-rate", "x"])).toBe(
      '--expected-rate must be one of a; got "x"',
    );
  });

  it("restates every invalid option, and every value given twice", () => {
    const two =
      'Invalid values:\n  Argument: method, Given: "exact", Choices: "wilson"\n  Argument: sided, Given: "lower", "left", Choices: "upper", "two"';
    expect(restateChoiceError(two, ["--method", "exact", "--sided", "lower", "--sided", "left"])).toBe(
      '--method must be one of wilson; got "exact"; --sided must be one of upper, two; got "lower, left"',
    );
  });

  it("returns any other message unchanged", () => {
    for (const message of [
      "Unknown argument: frobnicate",
      "Invalid values:",
      "Invalid values:\n  something else entirely",
      'Invalid values:\n  Argument: method, Given: not json, Choices: "wilson"',
    ]) {
      expect(restateChoiceError(message, [])).toBe(message);
    }
  });
});
