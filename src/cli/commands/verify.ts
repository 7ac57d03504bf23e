import type { ArgumentsCamelCase, Argv } from "yargs";
import { messages } from "../../validation/messages.js";
import type { RunCli } from "../bundle/replay.js";
import type { Verification } from "../bundle/verifyBundle.js";
import type { Command } from "../Command.js";
import { single } from "../flags.js";
import type { Io } from "../Io.js";

/** A bundle that did not verify: exit code 1, after the report of what differs. */
export class BundleMismatchError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "BundleMismatchError";
  }
}

/** How many differences are listed per output before "… and N more". */
const LISTED = 10;

function renderVerification(v: Verification): string {
  const lines = [
    messages.verifyTitle(v.bundle),
    messages.verifyCommand(v.command),
    messages.verifyVersions(v.bundleVersion, v.version),
    messages.verifyFiles(v.files.filter((f) => f.integrity === "intact").length, v.files.length),
    ...v.files
      .filter((f) => f.integrity !== "intact")
      .map((f) => messages.verifyFileProblem(f.path, f.integrity)),
  ];
  for (const o of v.outputs) {
    lines.push(messages.verifyOutput(o.path, o.status, o.figures));
    for (const d of o.differences.slice(0, LISTED))
      lines.push(messages.verifyDifference(d.where, d.bundle, d.recomputed));
    if (o.differences.length > LISTED)
      lines.push(messages.verifyMoreDifferences(o.differences.length - LISTED));
    if (o.status === "not compared") lines.push(messages.verifyNotCompared());
  }
  lines.push(v.verified ? messages.verifyPassed() : messages.verifyFailed());
  return `${lines.join("\n")}\n`;
}

/** `adequacy verify DIR`: recompute an audit bundle and report each output as reproduced or not. */
export function verifyCommand(io: Io, run: RunCli): Command {
  return {
    command: "verify <bundle>",
    repeatable: ["input"],
    describe:
      "Check an audit bundle (written with --bundle): every file against its SHA-256, then every output recomputed from its inputs",
    builder: (yargs: Argv) =>
      yargs
        .positional("bundle", { type: "string", describe: "The bundle's folder" })
        .option("input", {
          type: "string",
          describe: "A case file the bundle left out (recognised by its SHA-256); repeat for several",
          requiresArg: true,
        })
        .option("format", {
          type: "string",
          choices: ["table", "json"],
          default: "table",
          describe: "table (labelled text) or json (the verification record)",
          requiresArg: true,
        })
        .example("$0 verify sscs-bundle", "Exit 0 when everything reproduces, 1 when anything differs")
        .example("$0 verify sscs-bundle --input cases.csv", "With the case file the bundle left out"),
    handler: async (argv: ArgumentsCamelCase) => {
      const dir = single("bundle", argv.bundle) as string;
      const inputs =
        argv.input === undefined ? [] : (Array.isArray(argv.input) ? argv.input : [argv.input]).map(String);
      const { verifyBundle } = await import("../bundle/verifyBundle.js");
      const verification = await verifyBundle(dir, inputs, run);
      io.out(
        single("--format", argv.format) === "json"
          ? `${JSON.stringify(verification, null, 2)}\n`
          : renderVerification(verification),
      );
      if (!verification.verified) throw new BundleMismatchError(messages.verificationFailed(dir));
    },
  };
}
