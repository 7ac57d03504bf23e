import type { Options } from "yargs";
import { TEXT_FORMATS } from "../report/Briefing.js";

/**
 * Every numeric flag is read as text (yargs' number parsing is off) and parsed by `parseNumber`, so that
 * `abc` or `1e400` get a clear message instead of NaN or Infinity. No `type`, so help shows no "[string]".
 */
export const numberOption = (describe: string, alias?: string): Options => ({
  describe,
  requiresArg: true,
  ...(alias ? { alias } : {}),
});

export const confidenceOption: Options = numberOption(
  "Confidence level from 0.5 up to (not including) 1, e.g. 0.95 or 95% [default: 0.95]",
);

export const sidedOption: Options = {
  type: "string",
  choices: ["upper", "two"],
  describe: "upper: one-sided upper bound; two: two-sided interval",
  requiresArg: true,
};

/** `--bias-model`, for bound and the scenario commands. */
export const biasModelOption: Options = {
  type: "string",
  choices: ["wallenius", "fisher"],
  describe:
    "How a biased review picked cases: wallenius (one after another) or fisher (each independently) [default: wallenius]",
  requiresArg: true,
};

export const formatOption: Options = {
  type: "string",
  choices: [...TEXT_FORMATS, "json"],
  default: "table",
  describe: "table (labelled text), json (the library's result record) or markdown",
  requiresArg: true,
};

/** `--bundle DIR` and `--bundle-cases`, for the commands that can write an audit bundle. */
export const bundleOptions: Readonly<Record<"bundle" | "bundle-cases", Options>> = {
  bundle: {
    type: "string",
    describe:
      "Also write an audit bundle to this new folder: inputs, command, version, outputs, results and SHA-256 manifest (check it with adequacy verify)",
    requiresArg: true,
  },
  "bundle-cases": {
    type: "boolean",
    describe: "With --bundle: keep the case file itself in the bundle [default: only its SHA-256]",
  },
};
